package io.hedgeflow.hedge;

import io.hedgeflow.greeks.BlackScholes;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HullWhiteDeltaTest
{
    @Test
    void shouldAddTheExpectedVolMoveTermToTheBlackScholesDelta()
    {
        // Hull and White (2017), the minimum-variance delta:
        // delta_MV = delta_BS + vega_BS / (S sqrt(T)) (a + b delta_BS + c delta_BS^2).
        // S = K = 100, T = 0.5, r = q = 0, vol 0.2: d1 = 0.1 sqrt(0.5) = 0.0707107, delta_BS = N(d1) = 0.5281860,
        // vega_BS = S n(d1) sqrt(T) = 28.139044 (per 1.00 of vol). With a = -0.25, b = 0.5, c = -0.3:
        // 0.5281860 + 28.139044 / 70.710678 x (-0.25 + 0.264093 - 0.083694) = 0.5004885
        final HullWhiteDelta hw = new HullWhiteDelta();
        hw.coefficients(-0.25, 0.5, -0.3);
        assertEquals(0.5281859889, BlackScholes.delta(true, 100, 100, 0.5, 0, 0, 0.2), 1e-9);
        assertEquals(28.13904356, BlackScholes.vega(100, 100, 0.5, 0, 0, 0.2), 1e-7);
        assertEquals(0.5004884829, hw.minimumVarianceDelta(true, 100, 100, 0.5, 0, 0, 0.2), 1e-9);
    }

    @Test
    void shouldKeepPutCallParityForPuts()
    {
        // C - P = S e^{-qT} - K e^{-rT} whatever the vol, so delta_MV(put) = delta_MV(call) - e^{-qT}
        final HullWhiteDelta hw = new HullWhiteDelta();
        hw.coefficients(-0.2, 0.4, -0.35);
        final double call = hw.minimumVarianceDelta(true, 100, 90, 0.25, 0.03, 0.01, 0.3);
        final double put = hw.minimumVarianceDelta(false, 100, 90, 0.25, 0.03, 0.01, 0.3);
        assertEquals(call - Math.exp(-0.01 * 0.25), put, 1e-15);
    }

    @Test
    void shouldBeTheBlackScholesDeltaWithZeroCoefficientsOrExpired()
    {
        final HullWhiteDelta hw = new HullWhiteDelta();
        assertEquals(BlackScholes.delta(false, 100, 110, 1, 0.02, 0, 0.5),
            hw.minimumVarianceDelta(false, 100, 110, 1, 0.02, 0, 0.5), 1e-15);
        hw.coefficients(-0.2, 0.4, -0.35);
        assertEquals(1.0, hw.minimumVarianceDelta(true, 100, 90, 0.0, 0, 0, 0.3));
        assertEquals(0.6, HullWhiteDelta.minimumVarianceDelta(0.6, 10.0, 100, 0.0, 1, 1, 1));
    }

    @Test
    void shouldRecoverTheCoefficientsOfAnExactModel()
    {
        final double a = -0.24, b = 0.52, c = -0.41;
        final HullWhiteFit fit = new HullWhiteFit();
        final SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 500; i++)
        {
            final double s = 100.0;
            final double k = random.nextDouble(70, 130);
            final double t = random.nextDouble(0.05, 1.0);
            final double delta = BlackScholes.delta(true, s, k, t, 0, 0, 0.25);
            final double vega = BlackScholes.vega(s, k, t, 0, 0, 0.25);
            final double dS = s * 0.01 * random.nextGaussian();
            final double dF = delta * dS + vega / Math.sqrt(t) * dS / s * (a + b * delta + c * delta * delta);
            fit.add(delta, vega, s, t, dS, dF);
        }
        assertEquals(SolveStatus.OK, fit.solve());
        assertEquals(a, fit.a(), 1e-9);
        assertEquals(b, fit.b(), 1e-9);
        assertEquals(c, fit.c(), 1e-9);
        assertEquals(500, fit.count());
    }

    @Test
    void shouldFitThroughNoiseAndRefuseADegenerateSample()
    {
        final double a = -0.24, b = 0.52, c = -0.41;
        final HullWhiteFit fit = new HullWhiteFit();
        final SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 20_000; i++)
        {
            final double delta = random.nextDouble(0.05, 0.95);
            final double vega = 20.0;
            final double dS = random.nextGaussian();
            final double expected = vega / Math.sqrt(0.25) * dS / 100.0 * (a + b * delta + c * delta * delta);
            fit.add(delta, vega, 100.0, 0.25, dS, delta * dS + expected + 0.001 * random.nextGaussian());
        }
        assertEquals(SolveStatus.OK, fit.solve());
        assertEquals(a, fit.a(), 0.01);
        assertEquals(b, fit.b(), 0.05);
        assertEquals(c, fit.c(), 0.05);

        fit.reset();
        assertEquals(SolveStatus.SINGULAR, fit.solve(), "no observations");
        for (int i = 0; i < 100; i++)
        {
            fit.add(0.5, 20.0, 100.0, 0.25, random.nextGaussian(), random.nextGaussian());
        }
        assertTrue(fit.solve() != SolveStatus.OK, "one delta cannot separate a, b and c");
        assertEquals(0.0, fit.a());
    }

    @Test
    void shouldMatchAFiniteDifferenceOfTheStickyDeltaSmile()
    {
        // sticky delta: sigma depends on K / S only. Smile sigma(m) = 0.6 - 0.3 (m - 1) in m = K / S, so at S = 100
        // the slope in strike is d sigma / dK = -0.003; the delta is dC(S, sigma(K / S)) / dS.
        final double k = 95, t = 0.3, s = 100, h = 1e-4;
        final double slope = -0.003;
        final double up = BlackScholes.price(true, s + h, k, t, 0.01, 0, 0.6 - 0.3 * (k / (s + h) - 1));
        final double down = BlackScholes.price(true, s - h, k, t, 0.01, 0, 0.6 - 0.3 * (k / (s - h) - 1));
        final double vol = 0.6 - 0.3 * (k / s - 1);
        final double stickyDelta = HullWhiteDelta.smileDelta(SmileDynamics.STICKY_DELTA, true, s, k, t, 0.01, 0, vol,
            slope);
        assertEquals((up - down) / (2 * h), stickyDelta, 1e-6);
        assertEquals(BlackScholes.delta(true, s, k, t, 0.01, 0, vol),
            HullWhiteDelta.smileDelta(SmileDynamics.STICKY_STRIKE, true, s, k, t, 0.01, 0, vol, slope));
        assertTrue(stickyDelta > BlackScholes.delta(true, s, k, t, 0.01, 0, vol), "a negative skew raises it");
    }
}
