package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KalmanBetaEstimatorTest
{
    @Test
    void shouldFollowTheScalarKalmanRecursionOnAHandWorkedSeries()
    {
        // Scalar Kalman filter (Harvey 1989, ch. 3; random-walk state, y = beta x + v), q = 0.01, r = 1, prior 0, 1.
        // t=1 (x=1, y=2): P- = 1.01, S = 2.01, K = 1.01/2.01, beta = 2.02/2.01 = 1.004975124378..., P = 1.01/2.01
        // t=2 (x=2, y=3): P- = 0.512487562..., S = 4 P- + 1 = 3.049950248..., K = 2 P-/S = 0.33606...,
        //                 beta = 1.004975 + K (3 - 2 x 1.004975) = 1.337694114576..., P = P-/S = 0.168031449823...
        // t=3 (x=-1, y=-1): P- = 0.178031449823..., S = 1.178031449823..., K = -P-/S,
        //                 beta = 1.337694 + K (-1 + 1.337694) = 1.286659676723..., P = P-/S = 0.151126228294...
        final KalmanBetaEstimator kalman = new KalmanBetaEstimator(0.01, 1.0, 0.0, 1.0, Double.POSITIVE_INFINITY);
        kalman.update(2.0, 1.0);
        assertEquals(2.02 / 2.01, kalman.hedgeRatio(), 1e-15);
        assertEquals(1.01 / 2.01, kalman.betaVariance(), 1e-15);
        kalman.update(3.0, 2.0);
        assertEquals(1.3376941145765, kalman.hedgeRatio(), 1e-12);
        assertEquals(0.1680314498238, kalman.betaVariance(), 1e-12);
        kalman.update(-1.0, -1.0);
        assertEquals(1.2866596767234, kalman.hedgeRatio(), 1e-12);
        assertEquals(0.1511262282942, kalman.betaVariance(), 1e-12);
        assertEquals(3, kalman.count());
    }

    @Test
    void shouldBeRecursiveLeastSquaresWithoutProcessNoise()
    {
        // q = 0: beta_n = (beta0 / P0 + sum x y / r) / (1 / P0 + sum x^2 / r)
        final double r = 0.25, beta0 = 0.3, p0 = 2.0;
        final KalmanBetaEstimator kalman = new KalmanBetaEstimator(0.0, r, beta0, p0, Double.POSITIVE_INFINITY);
        final SplittableRandom random = new SplittableRandom(5);
        double sxy = 0, sxx = 0;
        for (int i = 0; i < 50; i++)
        {
            final double x = random.nextGaussian();
            final double y = 0.9 * x + 0.5 * random.nextGaussian();
            sxy += x * y;
            sxx += x * x;
            kalman.update(y, x);
        }
        assertEquals((beta0 / p0 + sxy / r) / (1.0 / p0 + sxx / r), kalman.hedgeRatio(), 1e-12);
        assertEquals(1.0 / (1.0 / p0 + sxx / r), kalman.betaVariance(), 1e-12);
    }

    @Test
    void shouldConvergeToTheOlsBetaWithZeroProcessNoiseOnCentredSeries()
    {
        final int n = 400;
        final SplittableRandom random = new SplittableRandom(11);
        final double[] x = new double[n];
        final double[] y = new double[n];
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++)
        {
            x[i] = random.nextGaussian();
            y[i] = 0.7 * x[i] + 0.4 * random.nextGaussian();
            mx += x[i] / n;
            my += y[i] / n;
        }
        final KalmanBetaEstimator kalman = new KalmanBetaEstimator(0.0, 0.16, 0.0, 1e12, Double.POSITIVE_INFINITY);
        final RollingOlsEstimator ols = new RollingOlsEstimator(n);
        for (int i = 0; i < n; i++)
        {
            kalman.update(y[i] - my, x[i] - mx);
            ols.update(y[i] - my, x[i] - mx);
        }
        assertEquals(ols.hedgeRatio(), kalman.hedgeRatio(), 1e-9);
        assertEquals(ols.correlation(), kalman.correlation(), 1e-12);
        assertEquals(ols.effectiveness(), kalman.effectiveness(), 1e-12);
    }

    @Test
    void shouldTrackATimeVaryingBetaThatOlsAveragesAway()
    {
        final KalmanBetaEstimator kalman = new KalmanBetaEstimator(1e-3, 0.01, 0.0, 1.0, 50.0);
        final RollingOlsEstimator ols = new RollingOlsEstimator(2000);
        final SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 2000; i++)
        {
            final double x = random.nextGaussian();
            final double y = (i < 1000 ? 0.5 : 1.5) * x + 0.1 * random.nextGaussian();
            kalman.update(y, x);
            ols.update(y, x);
        }
        assertEquals(1.5, kalman.hedgeRatio(), 0.05);
        assertEquals(1.0, ols.hedgeRatio(), 0.1);
        assertTrue(kalman.correlation() > 0.9);
        kalman.reset();
        assertEquals(0.0, kalman.hedgeRatio());
        assertEquals(1.0, kalman.betaVariance());
        assertEquals(0, kalman.count());
    }

    @Test
    void shouldRejectBadParameters()
    {
        assertThrows(IllegalArgumentException.class, () -> new KalmanBetaEstimator(-1, 1, 0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new KalmanBetaEstimator(0, 0, 0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new KalmanBetaEstimator(0, 1, 0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new KalmanBetaEstimator(0, 1, Double.NaN, 1, 10));
    }
}
