package io.hedgeflow.greeks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImpliedVolTest
{
    private static final double LN_100_90 = Math.log(100.0 / 90.0);

    @Test
    void shouldRoundTripPriceToVolToPriceAcrossTheGrid()
    {
        final double[] moneyness = {0.3, 0.6, 0.9, 1.0, 1.1, 1.5, 3.0};
        final double[] expiries = {1.0 / 365 / 24, 1.0 / 365, 0.1, 1.0, 10.0, 30.0};
        final double[] vols = {0.01, 0.05, 0.2, 0.8, 2.0, 5.0};
        for (final double m : moneyness)
        {
            for (final double t : expiries)
            {
                for (final double v : vols)
                {
                    for (final boolean call : new boolean[]{true, false})
                    {
                        final double s = 100.0, k = s * m, r = 0.03, q = 0.01;
                        final double price = BlackScholes.price(call, s, k, t, r, q, v);
                        final double vega = BlackScholes.vega(s, k, t, r, q, v);
                        final double implied = ImpliedVol.solve(call, s, k, t, r, q, price);
                        final double intrinsic = Math.max(call ? s * Math.exp(-q * t) - k * Math.exp(-r * t) :
                            k * Math.exp(-r * t) - s * Math.exp(-q * t), 0.0);
                        final String at = "m=" + m + " t=" + t + " v=" + v + " call=" + call;
                        final double upper = call ? s * Math.exp(-q * t) : k * Math.exp(-r * t);
                        if (price - intrinsic < 1e-13 * s || upper - price < 1e-13 * s)
                        {
                            continue; // within rounding of a no-arbitrage bound: no vol is identifiable
                        }
                        assertEquals(price, BlackScholes.price(call, s, k, t, r, q, implied), 1e-12 * s, at);
                        if (vega > 1e-6 * s)
                        {
                            assertEquals(v, implied, 1e-8 * v, at);
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldGiveTheSolveBitForBitFromTheTotalVolatilityAtAnyTime()
    {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 10_000; i++)
        {
            final boolean call = random.nextBoolean();
            final double f = random.nextDouble(1_000.0, 100_000.0);
            final double k = f * Math.exp(random.nextDouble(-1.5, 1.5));
            final double price = BlackScholes.price(call, f, k, random.nextDouble(0.001, 2.0), 0.0, 0.0,
                random.nextDouble(0.05, 3.0)) * (random.nextInt(10) == 0 ? 0.5 : 1.0);
            final double w = ImpliedVol.totalVolatility(call, f, k, price);
            for (final double t : new double[]{1e-4, 0.01, 0.5, 3.0})
            {
                assertEquals(Double.doubleToRawLongBits(ImpliedVol.solve(call, f, k, t, 0.0, 0.0, price)),
                    Double.doubleToRawLongBits(ImpliedVol.volatility(w, t)), "f=" + f + " k=" + k + " p=" + price);
            }
        }
    }

    @Test
    void shouldAgreeWithTheFullSolveFromAnyPreviousSolveOfTheOption()
    {
        final java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        final double[] offsets = {1e-9, 1e-6, -1e-4, 1e-3, -2e-2, 0.1, 0.5, 4.0, -0.9};
        final double[] track = new double[ImpliedVol.TRACK_LENGTH];
        for (int i = 0; i < 10_000; i++)
        {
            final boolean call = random.nextBoolean();
            final double f = random.nextDouble(1_000.0, 100_000.0);
            final double k = f * Math.exp(random.nextDouble(-1.5, 1.5));
            final double t = random.nextDouble(0.001, 2.0);
            final double v = random.nextDouble(0.05, 3.0);
            final double price = BlackScholes.price(call, f, k, t, 0.0, 0.0, v);
            if (price - Math.max(call ? f - k : k - f, 0.0) < 1e-10 * f)
            {
                continue; // far tails (|d1| > 6): b itself loses digits there (ImpliedVol's class comment)
            }
            final double w = ImpliedVol.totalVolatility(call, f, k, price);
            for (final double offset : offsets)
            {
                java.util.Arrays.fill(track, 0.0);
                final double previousF = f * (1.0 + offset * 0.1);
                final double previousPrice = BlackScholes.price(call, previousF, k, t, 0.0, 0.0, v * (1.0 + offset));
                ImpliedVol.totalVolatility(call, previousF, k, Math.log(previousF / k), previousPrice, track, 0);
                final double warm = ImpliedVol.totalVolatility(call, f, k, Math.log(f) - Math.log(k), price, track, 0);
                assertEquals(w, warm, 2e-13 * w, "f=" + f + " k=" + k + " p=" + price + " offset=" + offset);
            }
        }
    }

    @Test
    void shouldStartTheNextSolveAfreshAfterNoSolution()
    {
        final double[] track = new double[2 * ImpliedVol.TRACK_LENGTH];
        final int at = ImpliedVol.TRACK_LENGTH;
        final double w = ImpliedVol.totalVolatility(true, 100.0, 90.0, 12.0);
        assertEquals(w, ImpliedVol.totalVolatility(true, 100.0, 90.0, LN_100_90, 12.0, track, at), 1e-15);
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.totalVolatility(true, 100.0, 90.0, LN_100_90, 9.0, track, at));
        assertEquals(0.0, ImpliedVol.totalVolatility(true, 100.0, 90.0, LN_100_90, 10.0, track, at));
        assertEquals(Double.doubleToRawLongBits(w),
            Double.doubleToRawLongBits(ImpliedVol.totalVolatility(true, 100.0, 90.0, LN_100_90, 12.0, track, at)),
            "no guess after no solution: the full solve's bits");
        for (int i = 0; i < ImpliedVol.TRACK_LENGTH; i++)
        {
            assertEquals(0.0, track[i], "only the option's own track is written");
        }
    }

    @Test
    void shouldReturnNoSolutionOutsideNoArbitrageBounds()
    {
        final double s = 100.0, k = 90.0, t = 1.0, r = 0.05, q = 0.0;
        final double intrinsic = s - k * Math.exp(-r * t);
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.solve(true, s, k, t, r, q, intrinsic - 0.01));
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.solve(true, s, k, t, r, q, s));
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.solve(true, s, k, t, r, q, 150.0));
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.solve(false, s, k, t, r, q, k));
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.solve(true, s, k, t, r, q, -1.0));
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.solve(true, s, k, 0.0, r, q, 5.0));
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.solve(true, 0.0, k, t, r, q, 5.0));
        assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.solve(true, s, k, t, r, q, Double.NaN));
        assertEquals(0.0, ImpliedVol.solve(true, s, k, t, r, q, intrinsic));
        assertEquals(0.0, ImpliedVol.solve(false, s, k, t, r, q, 0.0));
    }

    @Test
    void shouldSolveEveryRegionOfTheSegmentTablesAndBeyondThem()
    {
        // moneyness from beyond the tables' grid (|ln(F/K)| > 12.5) to exactly at the money, tiny to long expiries
        final double[] moneyness = {1e-7, 1e-3, 0.05, 0.5, 0.97, 0.9999, 1.0, 1.0001, 1.03, 2.0, 20.0, 1e3, 1e7};
        final double[] totalVols = {1e-4, 3e-3, 0.03, 0.3, 1.0, 3.0, 10.0, 30.0};
        final double f = 30_000.0;
        int solved = 0;
        for (final double m : moneyness)
        {
            for (final double w : totalVols)
            {
                for (final boolean call : new boolean[]{true, false})
                {
                    final double k = f * m;
                    final double price = BlackScholes.price(call, f, k, 1.0, 0.0, 0.0, w);
                    final double intrinsic = Math.max(call ? f - k : k - f, 0.0);
                    final double upper = call ? f : k;
                    final String at = "m=" + m + " w=" + w + " call=" + call;
                    if (price - intrinsic < 1e-12 * Math.max(f, k) || upper - price < 1e-12 * upper)
                    {
                        continue; // within rounding of a no-arbitrage bound: no vol is identifiable
                    }
                    final double implied = ImpliedVol.totalVolatility(call, f, k, price);
                    assertEquals(price, BlackScholes.price(call, f, k, 1.0, 0.0, 0.0, implied),
                        1e-12 * Math.max(f, k), at);
                    if (BlackScholes.vega(f, k, 1.0, 0.0, 0.0, w) * 1e-10 * w > 1e-14 * price)
                    {   // the price's rounding moves the volatility by less than the tolerance
                        assertEquals(w, implied, 1e-10 * w, at);
                    }
                    solved++;
                }
            }
        }
        assertTrue(solved > 100, "solved " + solved);
    }

    @Test
    void shouldFlagMarksAtOrBeyondTheBoundsAtAnyMoneyness()
    {
        for (final double k : new double[]{1e-3, 50.0, 100.0, 200.0, 1e7})
        {
            final double f = 100.0;
            assertEquals(0.0, ImpliedVol.totalVolatility(true, f, k, Math.max(f - k, 0.0)), "k=" + k);
            assertEquals(0.0, ImpliedVol.totalVolatility(false, f, k, Math.max(k - f, 0.0)), "k=" + k);
            assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.totalVolatility(true, f, k, f), "k=" + k);
            assertEquals(ImpliedVol.NO_SOLUTION, ImpliedVol.totalVolatility(false, f, k, k), "k=" + k);
            assertEquals(ImpliedVol.NO_SOLUTION,
                ImpliedVol.totalVolatility(true, f, k, Math.max(f - k, 0.0) - 1e-9 * f), "k=" + k);
        }
    }

    @Test
    void shouldRoundTripQuantLibOraclePrices() throws Exception
    {
        final QuantLibOracle o = QuantLibOracle.load();
        for (int i = 0; i < o.size(); i++)
        {
            final double implied = ImpliedVol.solve(o.call[i], o.spot[i], o.strike[i], o.expiry[i], o.rate[i],
                o.dividend[i], o.expected[0][i]);
            final double back = BlackScholes.price(o.call[i], o.spot[i], o.strike[i], o.expiry[i], o.rate[i],
                o.dividend[i], implied);
            assertEquals(o.expected[0][i], back, 1e-9 * Math.max(1.0, o.expected[0][i]), "case " + (i + 2));
        }
    }
}
