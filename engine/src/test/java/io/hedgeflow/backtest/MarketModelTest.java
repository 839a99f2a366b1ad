package io.hedgeflow.backtest;

import io.hedgeflow.sim.SimRandom;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated markets against closed forms: moments of log returns (GBM, Merton) and Heston's variance. */
class MarketModelTest
{
    private static final int PATHS = 2_000;
    private static final long STEP_NS = Durations.YEAR_NS / 50;

    /** Pooled log returns of PATHS paths of 50 steps over a year: {n, mean, variance, third central moment}. */
    private static double[] logReturnMoments(final MarketModel model)
    {
        final MarketPath path = new MarketPath(51);
        final double[] r = new double[PATHS * 50];
        int n = 0;
        for (int p = 0; p < PATHS; p++)
        {
            path.grid(STEP_NS, Durations.YEAR_NS);
            model.fill(path, 100.0, new SimRandom(MonteCarlo.pathSeed(7, p)));
            for (int k = 1; k < path.points(); k++)
            {
                r[n++] = Math.log(path.spot(k) / path.spot(k - 1));
            }
        }
        final double mean = PolicyStats.mean(r);
        double m2 = 0.0;
        double m3 = 0.0;
        for (final double x : r)
        {
            m2 += (x - mean) * (x - mean);
            m3 += (x - mean) * (x - mean) * (x - mean);
        }
        return new double[]{n, mean, m2 / (n - 1), m3 / n};
    }

    @Test
    void shouldGiveGbmLogReturnsTheirNormalMeanAndVariance()
    {
        final double mu = 0.10, q = 0.02, sigma = 0.30, dt = 1.0 / 50;
        final double[] m = logReturnMoments(new GbmModel(mu, q, sigma));
        final double variance = sigma * sigma * dt;
        assertEquals((mu - q - 0.5 * sigma * sigma) * dt, m[1], 4 * Math.sqrt(variance / m[0]), "mean");
        assertEquals(variance, m[2], 4 * variance * Math.sqrt(2.0 / m[0]), "variance");
        assertEquals(0.0, m[3], 4 * Math.sqrt(15 * variance * variance * variance / m[0]), "no skew");
    }

    @Test
    void shouldGiveMertonLogReturnsTheCompoundPoissonMoments()
    {
        final double mu = 0.08, sigma = 0.15, dt = 1.0 / 50;
        final Jumps jumps = new Jumps(5.0, -0.08, 0.10);
        final double[] m = logReturnMoments(new MertonModel(mu, 0.0, sigma, jumps));
        final double lambdaDt = jumps.intensity() * dt;
        final double mean = (mu - jumps.compensator() - 0.5 * sigma * sigma) * dt + lambdaDt * jumps.mean();
        final double variance = sigma * sigma * dt + lambdaDt * (jumps.mean() * jumps.mean() + jumps.sd() * jumps.sd());
        final double third = lambdaDt * (Math.pow(jumps.mean(), 3) + 3 * jumps.mean() * jumps.sd() * jumps.sd());
        assertEquals(mean, m[1], 4 * Math.sqrt(variance / m[0]), "mean");
        assertEquals(variance, m[2], 0.05 * variance, "variance");
        assertEquals(third, m[3], 0.25 * Math.abs(third), "third cumulant: the jumps' negative skew");
        assertTrue(m[3] < 0.0);
    }

    @Test
    void shouldFollowHestonsMeanVarianceAndStayNonNegativeWhenFellerFails()
    {
        final HestonModel model = new HestonModel(0.05, 0.0, 0.09, 1.5, 0.04, 0.9, -0.7, Jumps.NONE);
        assertTrue(2 * model.kappa() * model.theta() < model.xi() * model.xi(), "Feller condition violated");
        final int paths = 20_000;
        final MarketPath path = new MarketPath(MarketPath.pointsFor(Durations.WEEK_NS, Durations.YEAR_NS));
        final double[] sum = new double[path.capacity()];
        for (int p = 0; p < paths; p++)
        {
            path.grid(Durations.WEEK_NS, Durations.YEAR_NS);
            model.fill(path, 100.0, new SimRandom(MonteCarlo.pathSeed(11, p)));
            for (int k = 0; k < path.points(); k++)
            {
                assertTrue(path.variance(k) >= 0.0 && path.spot(k) > 0.0 && Double.isFinite(path.spot(k)));
                sum[k] += path.variance(k);
            }
        }
        for (int k = 0; k < path.points(); k += 4)
        {
            final double t = path.time(k);
            assertEquals(model.meanVariance(t), sum[k] / paths, 0.03 * model.meanVariance(t), "E[v] at " + t);
        }
    }

    @Test
    void shouldDrawTheSamePathForTheSameSeedAndPathIndex()
    {
        final HestonModel model = new HestonModel(0.05, 0.0, 0.04, 2, 0.04, 0.5, -0.7, new Jumps(1, -0.1, 0.1));
        final MarketPath a = new MarketPath(21).grid(Durations.WEEK_NS, 20 * Durations.WEEK_NS);
        final MarketPath b = new MarketPath(21).grid(Durations.WEEK_NS, 20 * Durations.WEEK_NS);
        model.fill(a, 49.0, new SimRandom(MonteCarlo.pathSeed(3, 17)));
        model.fill(b, 49.0, new SimRandom(MonteCarlo.pathSeed(3, 17)));
        for (int k = 0; k < a.points(); k++)
        {
            assertEquals(a.spot(k), b.spot(k), 0.0);
        }
        model.fill(b, 49.0, new SimRandom(MonteCarlo.pathSeed(3, 18)));
        assertTrue(a.spot(20) != b.spot(20), "another path index, another path");
    }
}
