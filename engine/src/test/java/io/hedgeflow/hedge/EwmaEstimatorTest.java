package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EwmaEstimatorTest
{
    @Test
    void shouldHalveTheWeightEveryHalfLife()
    {
        final EwmaEstimator ewma = new EwmaEstimator(10.0);
        assertEquals(0.5, Math.pow(ewma.lambda(), 10.0), 1e-15);
        // RiskMetrics (J.P. Morgan 1996) daily lambda 0.94 is a half-life of ln 0.5 / ln 0.94 = 11.2 days
        assertEquals(0.94, new EwmaEstimator(Math.log(0.5) / Math.log(0.94)).lambda(), 1e-15);
    }

    @Test
    void shouldEqualTheDirectWeightedComputation()
    {
        final double halfLife = 7.0;
        final EwmaEstimator ewma = new EwmaEstimator(halfLife);
        final SplittableRandom random = new SplittableRandom(7);
        final int n = 60;
        final double[] x = new double[n];
        final double[] y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 100.0 + random.nextGaussian();
            y[i] = 0.5 * x[i] + 0.2 * random.nextGaussian();
            ewma.update(y[i], x[i]);
        }
        // weights w_i = 0.5^((n - 1 - i) / halfLife): the newest 1
        double w = 0, mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            final double wi = Math.pow(0.5, (n - 1 - i) / halfLife);
            w += wi;
            mx += wi * x[i];
            my += wi * y[i];
        }
        mx /= w;
        my /= w;
        double cxx = 0, cyy = 0, cxy = 0;
        for (int i = 0; i < n; i++)
        {
            final double wi = Math.pow(0.5, (n - 1 - i) / halfLife);
            cxx += wi * (x[i] - mx) * (x[i] - mx);
            cyy += wi * (y[i] - my) * (y[i] - my);
            cxy += wi * (x[i] - mx) * (y[i] - my);
        }
        assertEquals(cxy / cxx, ewma.hedgeRatio(), 1e-12);
        assertEquals(cxy / Math.sqrt(cxx * cyy), ewma.correlation(), 1e-12);
        assertEquals(Math.sqrt(cxx / w), ewma.sigmaHedge(), 1e-12);
        assertEquals(Math.sqrt(cyy / w), ewma.sigmaSpot(), 1e-12);
        assertEquals(ewma.correlation() * ewma.correlation(), ewma.effectiveness(), 1e-15);
        assertEquals(n, ewma.count());
    }

    @Test
    void shouldWeightEquallyWithAnInfiniteHalfLife()
    {
        // equal weights: the population statistics of Hull's jet-fuel table, so the ratio and rho are Hull's and the
        // sigmas are the sample sigmas times sqrt(14 / 15)
        final EwmaEstimator ewma = new EwmaEstimator(Double.POSITIVE_INFINITY);
        HullJetFuel.feed(ewma);
        assertEquals(HullJetFuel.HEDGE_RATIO, ewma.hedgeRatio(), 0.00005);
        assertEquals(HullJetFuel.RHO, ewma.correlation(), 0.0005);
        final RollingOlsEstimator ols = new RollingOlsEstimator(15);
        HullJetFuel.feed(ols);
        assertEquals(ols.sigmaSpot() * Math.sqrt(14.0 / 15.0), ewma.sigmaSpot(), 1e-15);
        assertEquals(ols.hedgeRatio(), ewma.hedgeRatio(), 1e-13);
    }

    @Test
    void shouldFollowABreakInTheRelationship()
    {
        final EwmaEstimator ewma = new EwmaEstimator(20.0);
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++)
        {
            final double x = random.nextGaussian();
            ewma.update((i < 1000 ? 0.5 : 1.5) * x + 0.05 * random.nextGaussian(), x);
        }
        assertEquals(1.5, ewma.hedgeRatio(), 0.05);
        ewma.reset();
        assertEquals(0, ewma.count());
        assertEquals(0.0, ewma.hedgeRatio());
        assertThrows(IllegalArgumentException.class, () -> new EwmaEstimator(0.0));
        assertThrows(IllegalArgumentException.class, () -> new EwmaEstimator(Double.NaN));
    }
}
