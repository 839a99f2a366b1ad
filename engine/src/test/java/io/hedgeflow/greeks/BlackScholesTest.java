package io.hedgeflow.greeks;

import java.util.SplittableRandom;

import net.finmath.functions.AnalyticFormulas;
import org.junit.jupiter.api.Test;

import static io.hedgeflow.greeks.BlackScholes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class BlackScholesTest
{
    private static final double[] SPOTS = {1.0, 100.0, 60_000.0};
    private static final double[] MONEYNESS = {0.7, 1.0, 1.3};
    private static final double[] EXPIRIES = {0.02, 0.5, 2.0};
    private static final double[] VOLS = {0.1, 0.8};

    private final double[] out = new double[OUTPUTS];

    private double g(final boolean call, final double s, final double k, final double t, final double r, final double q,
        final double v, final boolean b76, final boolean inverse, final int greek)
    {
        greeks(call, s, k, t, r, q, v, b76, inverse, out);
        return out[greek];
    }

    @Test
    void shouldMatchCentralFiniteDifferencesForAllNineGreeks()
    {
        final double r = 0.03, q0 = 0.01;
        for (final double s : SPOTS)
        {
            for (final double mny : MONEYNESS)
            {
                for (final double t : EXPIRIES)
                {
                    for (final double v : VOLS)
                    {
                        for (int flags = 0; flags < 8; flags++)
                        {
                            final boolean call = (flags & 1) != 0, b76 = (flags & 2) != 0, inv = (flags & 4) != 0;
                            final double k = s * mny, q = b76 ? r : q0;
                            checkFiniteDifferences(call, s, k, t, r, q, v, b76, inv);
                        }
                    }
                }
            }
        }
    }

    private void checkFiniteDifferences(final boolean call, final double s, final double k, final double t,
        final double r, final double q, final double v, final boolean b76, final boolean inv)
    {
        final String at = (call ? "call" : "put") + " s=" + s + " k=" + k + " t=" + t + " v=" + v +
            (b76 ? " black76" : " bsm") + (inv ? " inverse" : " linear") + " ";
        final double hs = 1e-5 * s, hv = 1e-5, ht = 1e-6, hr = 1e-5;
        final double money = inv ? 1.0 : s;
        final double dPdS = (g(call, s + hs, k, t, r, q, v, b76, inv, PRICE) -
            g(call, s - hs, k, t, r, q, v, b76, inv, PRICE)) / (2 * hs);
        fd(at + "delta", g(call, s, k, t, r, q, v, b76, inv, DELTA), inv ? s * dPdS : dPdS,
            g(call, s, k, t, r, q, v, b76, inv, PRICE) / hs * (inv ? s : 1.0), 1.0);
        for (int greek = 0; greek < 2; greek++)
        {
            final int f = greek == 0 ? PRICE : DELTA;
            final String name = greek == 0 ? "vega" : "vanna";
            fd(at + name, g(call, s, k, t, r, q, v, b76, inv, greek == 0 ? VEGA : VANNA),
                (g(call, s, k, t, r, q, v + hv, b76, inv, f) - g(call, s, k, t, r, q, v - hv, b76, inv, f)) / (2 * hv),
                g(call, s, k, t, r, q, v, b76, inv, f) / hv, greek == 0 ? money : 1.0);
            fd(at + (greek == 0 ? "theta" : "charm"), g(call, s, k, t, r, q, v, b76, inv, greek == 0 ? THETA : CHARM),
                (g(call, s, k, t - ht, r, q, v, b76, inv, f) - g(call, s, k, t + ht, r, q, v, b76, inv, f)) / (2 * ht),
                g(call, s, k, t, r, q, v, b76, inv, f) / ht, greek == 0 ? money : 1.0);
        }
        fd(at + "gamma", g(call, s, k, t, r, q, v, b76, inv, GAMMA),
            (g(call, s + hs, k, t, r, q, v, b76, inv, DELTA) - g(call, s - hs, k, t, r, q, v, b76, inv, DELTA)) / (2 * hs),
            g(call, s, k, t, r, q, v, b76, inv, DELTA) / hs, 1.0 / s);
        fd(at + "volga", g(call, s, k, t, r, q, v, b76, inv, VOLGA),
            (g(call, s, k, t, r, q, v + hv, b76, inv, VEGA) - g(call, s, k, t, r, q, v - hv, b76, inv, VEGA)) / (2 * hv),
            g(call, s, k, t, r, q, v, b76, inv, VEGA) / hv, money);
        final double qUp = b76 ? q + hr : q, qDown = b76 ? q - hr : q;
        fd(at + "rho", g(call, s, k, t, r, q, v, b76, inv, RHO),
            (g(call, s, k, t, r + hr, qUp, v, b76, inv, PRICE) - g(call, s, k, t, r - hr, qDown, v, b76, inv, PRICE)) /
            (2 * hr), g(call, s, k, t, r, q, v, b76, inv, PRICE) / hr, money);
    }

    /** Analytic vs difference quotient, allowing for truncation (relative) and rounding (|f| / h) error. */
    private static void fd(final String what, final double analytic, final double difference, final double fOverH,
        final double scale)
    {
        final double tol = 2e-6 * Math.abs(analytic) + 1e-11 * Math.abs(fOverH) + 1e-11 * scale;
        if (!(Math.abs(analytic - difference) <= tol))
        {
            throw new AssertionError(what + ": analytic " + analytic + " vs finite difference " + difference);
        }
    }

    @Test
    void shouldSatisfyPutCallParityLinearAndInverse()
    {
        for (final double s : SPOTS)
        {
            for (final double mny : MONEYNESS)
            {
                for (final double t : EXPIRIES)
                {
                    final double k = s * mny, r = 0.04, q = 0.015, v = 0.6;
                    final double fwd = s * Math.exp(-q * t) - k * Math.exp(-r * t);
                    for (final boolean inv : new boolean[]{false, true})
                    {
                        final double unit = inv ? s : 1.0;
                        final double c = g(true, s, k, t, r, q, v, false, inv, PRICE);
                        final double p = g(false, s, k, t, r, q, v, false, inv, PRICE);
                        assertEquals(fwd / unit, c - p, 1e-12 * (s / unit), "parity price");
                        final double dc = g(true, s, k, t, r, q, v, false, inv, DELTA);
                        final double dp = g(false, s, k, t, r, q, v, false, inv, DELTA);
                        final double parityDelta = inv ? Math.exp(-q * t) - fwd / s : Math.exp(-q * t);
                        assertEquals(parityDelta, dc - dp, 1e-12, "parity delta");
                        assertEquals(g(true, s, k, t, r, q, v, false, inv, GAMMA),
                            g(false, s, k, t, r, q, v, false, inv, GAMMA) + (inv ? -(dc - dp) / s : 0.0), 1e-12 / s);
                        assertEquals(g(true, s, k, t, r, q, v, false, inv, VEGA),
                            g(false, s, k, t, r, q, v, false, inv, VEGA), 1e-12 * s);
                    }
                }
            }
        }
    }

    @Test
    void shouldEqualIndependentBlack76Formula()
    {
        for (final double f : SPOTS)
        {
            for (final double mny : MONEYNESS)
            {
                for (final double t : EXPIRIES)
                {
                    final double k = f * mny, r = 0.05, v = 0.7, df = Math.exp(-r * t);
                    final double d1 = (Math.log(f / k) + 0.5 * v * v * t) / (v * Math.sqrt(t)), d2 = d1 - v * Math.sqrt(t);
                    final double call = df * (f * Normal.cdf(d1) - k * Normal.cdf(d2));
                    final double put = df * (k * Normal.cdf(-d2) - f * Normal.cdf(-d1));
                    assertEquals(call, g(true, f, k, t, r, r, v, true, false, PRICE), 1e-12 * f);
                    assertEquals(put, g(false, f, k, t, r, r, v, true, false, PRICE), 1e-12 * f);
                    assertEquals(df * Normal.cdf(d1), g(true, f, k, t, r, r, v, true, false, DELTA), 1e-13);
                    assertEquals(df * f * Normal.pdf(d1) * Math.sqrt(t), g(true, f, k, t, r, r, v, true, false, VEGA), 1e-12 * f);
                    assertEquals(-t * call, g(true, f, k, t, r, r, v, true, false, RHO), 1e-12 * f);
                    assertEquals(g(true, f, k, t, r, r, v, false, false, GAMMA), g(true, f, k, t, r, r, v, true, false, GAMMA));
                }
            }
        }
    }

    @Test
    void shouldRelateInverseToLinear()
    {
        final double[] lin = new double[OUTPUTS], coin = new double[OUTPUTS];
        for (final double s : SPOTS)
        {
            for (final double mny : MONEYNESS)
            {
                final double k = s * mny;
                greeks(false, s, k, 0.25, 0.02, 0.0, 0.9, false, false, lin);
                greeks(false, s, k, 0.25, 0.02, 0.0, 0.9, false, true, coin);
                final double eps = 1e-14;
                assertEquals(lin[PRICE] / s, coin[PRICE], eps * Math.abs(coin[PRICE]));
                assertEquals(lin[DELTA] - lin[PRICE] / s, coin[DELTA], eps);
                assertEquals(lin[GAMMA] - coin[DELTA] / s, coin[GAMMA], eps / s);
                assertEquals(lin[VEGA] / s, coin[VEGA], eps * Math.abs(coin[VEGA]));
                assertEquals(lin[THETA] / s, coin[THETA], eps * Math.abs(coin[THETA]));
                assertEquals(lin[RHO] / s, coin[RHO], eps * Math.abs(coin[RHO]));
                assertEquals(lin[VANNA] - lin[VEGA] / s, coin[VANNA], eps);
                assertEquals(lin[VOLGA] / s, coin[VOLGA], eps * Math.abs(coin[VOLGA]));
                assertEquals(lin[CHARM] - lin[THETA] / s, coin[CHARM], eps);
            }
        }
    }

    @Test
    void shouldDefineExpiredOptionsAsIntrinsic()
    {
        for (final double t : new double[]{0.0, -0.5})
        {
            greeks(true, 120.0, 100.0, t, 0.05, 0.02, 0.5, false, false, out);
            assertArrayEqualsExactly(new double[]{20.0, 1.0, 0, 0, 0, 0, 0, 0, 0}, out);
            greeks(false, 120.0, 100.0, t, 0.05, 0.02, 0.5, false, false, out);
            assertArrayEqualsExactly(new double[]{0.0, 0.0, 0, 0, 0, 0, 0, 0, 0}, out);
            greeks(false, 100.0, 100.0, t, 0.05, 0.02, 0.5, false, false, out);
            assertArrayEqualsExactly(new double[]{0.0, -0.5, 0, 0, 0, 0, 0, 0, 0}, out);
            greeks(true, 120.0, 100.0, t, 0.05, 0.02, 0.5, false, true, out);
            assertEquals(20.0 / 120.0, out[PRICE], 1e-16);
            assertEquals(1.0 - 20.0 / 120.0, out[DELTA], 1e-16);
        }
    }

    @Test
    void shouldDefineZeroVolAsDeterministicForward()
    {
        final double s = 120.0, k = 100.0, t = 2.0, r = 0.05, q = 0.02, dr = Math.exp(-r * t), dq = Math.exp(-q * t);
        for (final double v : new double[]{0.0, -0.3, 1e-120})
        {
            greeks(true, s, k, t, r, q, v, false, false, out);
            assertArrayEqualsExactly(new double[]{s * dq - k * dr, dq, 0, 0, q * s * dq - r * k * dr, t * k * dr, 0, 0,
                q * dq}, out);
            greeks(false, s, k, t, r, q, v, false, false, out);
            assertArrayEqualsExactly(new double[]{0, 0, 0, 0, 0, 0, 0, 0, 0}, out);
        }
        greeks(true, s, k, t, r, q, 1e-9, false, false, out);
        assertEquals(s * dq - k * dr, out[PRICE], 1e-12);
        assertEquals(dq, out[DELTA], 1e-12);
        assertEquals(q * s * dq - r * k * dr, out[THETA], 1e-9);
    }

    @Test
    void shouldDefineNonPositiveSpotAndStrike()
    {
        final double k = 100.0, t = 1.0, r = 0.05, q = 0.02;
        for (final double s : new double[]{0.0, -5.0})
        {
            greeks(false, s, k, t, r, q, 0.5, false, false, out);
            assertArrayEqualsExactly(new double[]{k * Math.exp(-r * t), -Math.exp(-q * t), 0, 0, r * k * Math.exp(-r * t),
                -t * k * Math.exp(-r * t), 0, 0, -q * Math.exp(-q * t)}, out);
            greeks(true, s, k, t, r, q, 0.5, false, false, out);
            assertEquals(0.0, out[PRICE]);
            greeks(false, s, k, t, r, q, 0.5, false, true, out);
            assertArrayEqualsExactly(new double[9], out);
        }
        greeks(true, 50.0, 0.0, t, r, q, 0.5, false, false, out);
        assertEquals(50.0 * Math.exp(-q * t), out[PRICE], 1e-13);
        assertEquals(Math.exp(-q * t), out[DELTA], 1e-16);
        assertEquals(0.0, out[GAMMA]);
    }

    @Test
    void shouldNeverReturnNaNOnDegenerateGrid()
    {
        final double[] values = {-1.0, 0.0, 1e-300, 1e-12, 0.5, 100.0};
        for (final double s : new double[]{-1.0, 0.0, 1e-12, 0.5, 100.0})
        {
            for (final double k : values)
            {
                for (final double t : values)
                {
                    for (final double v : values)
                    {
                        for (int flags = 0; flags < 8; flags++)
                        {
                            greeks((flags & 1) != 0, s, k, Math.min(t, 30.0), 0.05, 0.01, v, (flags & 2) != 0,
                                (flags & 4) != 0, out);
                            for (final double x : out)
                            {
                                assertFalse(Double.isNaN(x) || Double.isInfinite(x),
                                    "s=" + s + " k=" + k + " t=" + t + " v=" + v + " flags=" + flags);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldAgreeWithFinmathAsSecondOracle()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 500; i++)
        {
            final double s = 100.0 * Math.exp(random.nextDouble(-1.0, 1.0));
            final double k = s * random.nextDouble(0.6, 1.5), t = random.nextDouble(0.01, 2.0);
            final double r = random.nextDouble(-0.01, 0.08), v = random.nextDouble(0.05, 1.5);
            greeks(true, s, k, t, r, 0.0, v, false, false, out);
            close("price", AnalyticFormulas.blackScholesOptionValue(s, r, v, t, k), out[PRICE], s);
            close("delta", AnalyticFormulas.blackScholesOptionDelta(s, r, v, t, k), out[DELTA], 1.0);
            close("gamma", AnalyticFormulas.blackScholesOptionGamma(s, r, v, t, k), out[GAMMA], 1.0 / s);
            close("vega", AnalyticFormulas.blackScholesOptionVega(s, r, v, t, k), out[VEGA], s);
            close("theta", AnalyticFormulas.blackScholesOptionTheta(s, r, v, t, k), out[THETA], s);
            close("rho", AnalyticFormulas.blackScholesOptionRho(s, r, v, t, k), out[RHO], s);
        }
    }

    private static void close(final String what, final double finmath, final double ours, final double scale)
    {
        assertEquals(finmath, ours, 1e-9 * Math.max(scale, Math.abs(finmath)), what);
    }

    private static void assertArrayEqualsExactly(final double[] expected, final double[] actual)
    {
        for (int i = 0; i < expected.length; i++)
        {
            assertEquals(expected[i], actual[i], 1e-13 * Math.max(1.0, Math.abs(expected[i])), "output " + i);
        }
    }
}
