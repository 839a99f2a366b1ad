package io.hedgeflow.greeks;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioVectorsTest
{
    /** The pass's bound of the error of each normal CDF (ScenarioPasses): absolute. */
    private static final double CDF_BOUND = 2e-12;
    private static final long NOW = 1_750_000_000_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    /**
     * Random books with expired options, zero volatilities, a zero forward and shocks that drive the volatility to
     * 0 against the scalar reference's price (Black-76, r = 0) summed per scenario, to the pass's bound: each normal
     * CDF within 2e-12 absolute, so each price within 2e-12 (F' + K) (over F' in coin), summed with |q m|.
     */
    @Test
    void shouldEqualTheScalarReferencePricesInEveryScenario()
    {
        for (final boolean inverse : new boolean[]{true, false})
        {
            final SplittableRandom random = new SplittableRandom(inverse ? 7 : 8);
            final int n = 37;
            final double[] moves = {-0.1, -0.025, 0.0, 0.075};
            final double[] values = new double[ScenarioVectors.VOL_SCENARIOS * moves.length];
            try (ScenarioVectors book = new ScenarioVectors(n, moves.length, inverse))
            {
                final double[][] in = new double[n][];
                for (int i = 0; i < n; i++)
                {
                    final boolean call = random.nextBoolean();
                    final double strike = 50_000 * random.nextDouble(0.5, 1.8);
                    final long expiry = NOW + random.nextLong(-2 * DAY, 400 * DAY);
                    final double multiplier = random.nextDouble(0.1, 2.0);
                    final double forward = i == 5 ? 0.0 : 50_000 * random.nextDouble(0.95, 1.05);
                    final double vol = random.nextInt(10) == 0 ? 0.0 : random.nextDouble(0.1, 1.5);
                    final double shock = random.nextDouble(0.0, 1.2);
                    final double quantity = random.nextDouble(-20, 20);
                    final int slot = book.add(call, strike, expiry, multiplier);
                    book.quantity(slot, quantity);
                    book.vol(slot, vol);
                    book.forward(slot, forward);
                    book.shock(slot, shock);
                    in[i] = new double[]{call ? 1 : 0, strike, (expiry - NOW) / (365.0 * DAY), multiplier, forward, vol,
                        shock, quantity};
                }
                book.prepare(NOW);
                book.values(moves, moves.length, values);
                for (int j = 0; j < moves.length; j++)
                {
                    for (int vol = ScenarioVectors.VOL_DOWN; vol <= ScenarioVectors.VOL_UP; vol++)
                    {
                        final double expected = reference(in, moves[j], vol, inverse);
                        final double actual = values[(vol - ScenarioVectors.VOL_DOWN) * moves.length + j];
                        assertEquals(expected, actual, CDF_BOUND * bound(in, moves[j], inverse),
                            "move " + moves[j] + " vol " + vol + " inverse " + inverse);
                    }
                }
            }
        }
    }

    /** Sum of |q m| (F' + K), over F' for an inverse book: a price's sensitivity to errors of its two CDFs. */
    private static double bound(final double[][] in, final double move, final boolean inverse)
    {
        double sum = 0.0;
        for (final double[] o : in)
        {
            final double moved = o[4] * (1.0 + move);
            sum += Math.abs(o[7] * o[3]) * (inverse ? (moved > 0.0 ? 1.0 + o[1] / moved : 0.0) : moved + o[1]);
        }
        return sum;
    }

    private static double reference(final double[][] in, final double move, final int vol, final boolean inverse)
    {
        final double[] out = new double[BlackScholes.OUTPUTS];
        double sum = 0.0;
        for (final double[] o : in)
        {
            final double moved = o[4] * (1.0 + move);
            final double v = Math.max(o[5] * (1.0 + vol * o[6]), 0.0);
            BlackScholes.greeks(o[0] != 0, moved, o[1], o[2], 0.0, 0.0, v, true, inverse, out);
            sum += o[7] * o[3] * out[BlackScholes.PRICE];
        }
        return sum;
    }

    /**
     * The fitted constants, evaluated as the pass does (Horner, fused multiply-adds): the rational times the
     * density within 1.15e-12 of the normal CDF ({@link Normal}, within about 1e-16) and the exponential's polynomial
     * within 7.8e-13 relative of 2^{-v}; the rational stays positive and finite far out.
     */
    @Test
    void shouldApproximateTheNormalCdfAndTheExponentialWithinTheirFits()
    {
        for (int i = 0; i <= 40_000; i++)
        {
            final double a = i * 0.001;
            final double u = ScenarioPasses.SCALE * a;
            final double tail = Math.pow(2.0, -u * u) * -numerator(u) / denominator(u);
            assertEquals(Normal.cdf(-a), tail, 1.15e-12, "a " + a);
        }
        for (int i = -5_000; i <= 5_000; i++)
        {
            final double v = i * 1e-4;
            final double y = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                ScenarioPasses.E8, v, ScenarioPasses.E7), v, ScenarioPasses.E6), v, ScenarioPasses.E5), v,
                ScenarioPasses.E4), v, ScenarioPasses.E3), v, ScenarioPasses.E2), v, ScenarioPasses.E1), v,
                ScenarioPasses.E0);
            assertEquals(1.0, y / Math.pow(2.0, -v), 7.8e-13, "v " + v);
        }
        for (final double u : new double[]{50, 1e5, 1e10, 1e18})
        {
            final double ratio = -numerator(u) / denominator(u);
            assertTrue(ratio > 0.0 && ratio < 1.0 / u, "u " + u);
        }
    }

    private static double numerator(final double u)
    {
        return Math.fma(Math.fma(Math.fma(Math.fma(ScenarioPasses.P4, u, ScenarioPasses.P3), u, ScenarioPasses.P2),
            u, ScenarioPasses.P1), u, ScenarioPasses.P0);
    }

    private static double denominator(final double u)
    {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(ScenarioPasses.Q5, u, ScenarioPasses.Q4), u,
            ScenarioPasses.Q3), u, ScenarioPasses.Q2), u, ScenarioPasses.Q1), u, 1.0);
    }

    @Test
    void shouldRefuseAMoveOfTheWholePriceTooManyMovesAndAFullBook()
    {
        try (ScenarioVectors book = new ScenarioVectors(1, 2, true))
        {
            book.add(true, 50_000, NOW + DAY, 1.0);
            assertThrows(IllegalStateException.class, () -> book.add(true, 50_000, NOW + DAY, 1.0));
            final double[] values = new double[9];
            assertThrows(IllegalArgumentException.class, () -> book.values(new double[]{0.0, -1.0}, 2, values));
            assertThrows(IllegalArgumentException.class, () -> book.values(new double[]{0.0, 0.1, 0.2}, 3, values));
        }
    }
}
