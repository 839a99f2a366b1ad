package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RollingOlsEstimatorTest
{
    @Test
    void shouldGiveHullsJetFuelHedgeFromTable35()
    {
        // Hull, Options, Futures, and Other Derivatives, ch. 3, "Cross hedging": the jet-fuel example
        // and its data table (the data reproduce Hull's sigma_S, sigma_F and rho to the digits he prints)
        final RollingOlsEstimator ols = new RollingOlsEstimator(15);
        HullJetFuel.feed(ols);
        assertEquals(15, ols.count());
        assertEquals(HullJetFuel.SIGMA_F, ols.sigmaHedge(), 0.00005);
        assertEquals(HullJetFuel.SIGMA_S, ols.sigmaSpot(), 0.00005);
        assertEquals(HullJetFuel.RHO, ols.correlation(), 0.0005);
        assertEquals(HullJetFuel.HEDGE_RATIO, ols.hedgeRatio(), 0.00005);
        assertEquals(HullJetFuel.RHO * HullJetFuel.RHO, ols.effectiveness(), 0.001);
        final double contracts = MinimumVarianceHedge.contracts(ols.hedgeRatio(), HullJetFuel.GALLONS,
            HullJetFuel.CONTRACT_GALLONS);
        assertEquals(HullJetFuel.CONTRACTS, Math.round(contracts));
    }

    @Test
    void shouldMatchAHandComputedRegression()
    {
        // x = 1..5, y = 2,4,5,4,5: means 3 and 4, Sxx = 10, Syy = 6, Sxy = 6, so slope 0.6, rho = 6 / sqrt(60),
        // R^2 = 0.6, sample sigmas sqrt(10 / 4) and sqrt(6 / 4)
        final RollingOlsEstimator ols = new RollingOlsEstimator(5);
        final double[] x = {1, 2, 3, 4, 5};
        final double[] y = {2, 4, 5, 4, 5};
        for (int i = 0; i < 5; i++)
        {
            ols.update(y[i], x[i]);
        }
        assertEquals(0.6, ols.hedgeRatio(), 1e-15);
        assertEquals(6.0 / Math.sqrt(60.0), ols.correlation(), 1e-15);
        assertEquals(0.6, ols.effectiveness(), 1e-15);
        assertEquals(Math.sqrt(2.5), ols.sigmaHedge(), 1e-15);
        assertEquals(Math.sqrt(1.5), ols.sigmaSpot(), 1e-15);
    }

    @Test
    void shouldForgetObservationsThatLeaveTheWindow()
    {
        // window 3 over the same data keeps x = 3,4,5 and y = 5,4,5: Sxy = (-1)(1/3) + 0 + (1)(1/3) = 0
        final RollingOlsEstimator ols = new RollingOlsEstimator(3);
        final double[] x = {1, 2, 3, 4};
        final double[] y = {2, 4, 5, 4};
        for (int i = 0; i < 4; i++)
        {
            ols.update(y[i], x[i]);
        }
        // x = 2,3,4; y = 4,5,4: Sxy = (-1)(-1/3) + 0 + (1)(-1/3) = 0, Sxx = 2
        assertEquals(0.0, ols.hedgeRatio(), 1e-15);
        ols.update(5, 5);
        assertEquals(3, ols.count());
        assertEquals(0.0, ols.hedgeRatio(), 1e-15);
        assertEquals(Math.sqrt(1.0), ols.sigmaHedge(), 1e-15);
    }

    @Test
    void shouldNotDriftOverAMillionUpdatesWithALargeOffset()
    {
        final int window = 250;
        final RollingOlsEstimator ols = new RollingOlsEstimator(window);
        final SplittableRandom random = new SplittableRandom(42);
        final double[] xs = new double[window];
        final double[] ys = new double[window];
        final int updates = 1_000_003;
        for (int i = 0; i < updates; i++)
        {
            final double x = 1e4 + random.nextGaussian();
            final double y = 5e3 + 0.8 * x + 0.3 * random.nextGaussian();
            xs[i % window] = x;
            ys[i % window] = y;
            ols.update(y, x);
        }
        double mx = 0, my = 0;
        for (int i = 0; i < window; i++)
        {
            mx += xs[i] / window;
            my += ys[i] / window;
        }
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < window; i++)
        {
            sxx += (xs[i] - mx) * (xs[i] - mx);
            sxy += (xs[i] - mx) * (ys[i] - my);
            syy += (ys[i] - my) * (ys[i] - my);
        }
        assertEquals(sxy / sxx, ols.hedgeRatio(), 1e-9);
        assertEquals(sxy / Math.sqrt(sxx * syy), ols.correlation(), 1e-9);
        assertEquals(Math.sqrt(sxx / (window - 1)), ols.sigmaHedge(), 1e-9);
    }

    @Test
    void shouldIgnoreNonFiniteInputAndReportZerosWhenDegenerate()
    {
        final RollingOlsEstimator ols = new RollingOlsEstimator(4);
        ols.update(Double.NaN, 1.0);
        ols.update(1.0, Double.POSITIVE_INFINITY);
        assertEquals(0, ols.count());
        ols.update(1.0, 1.0);
        assertEquals(0.0, ols.hedgeRatio());
        assertEquals(0.0, ols.sigmaSpot());
        ols.update(2.0, 1.0);
        assertEquals(0.0, ols.hedgeRatio(), "no variance in the hedge");
        assertEquals(0.0, ols.correlation());
        ols.reset();
        assertEquals(0, ols.count());
        HullJetFuel.feed(ols);
        assertEquals(4, ols.count());
        assertThrows(IllegalArgumentException.class, () -> new RollingOlsEstimator(1));
    }
}
