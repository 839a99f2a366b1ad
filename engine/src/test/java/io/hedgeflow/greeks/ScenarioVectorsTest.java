package io.hedgeflow.greeks;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScenarioVectorsTest
{
    private static final long NOW = 1_750_000_000_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    /**
     * Random books with expired options, zero volatilities, a zero forward and shocks that drive the volatility to
     * 0 against the scalar reference's price (Black-76, r = 0) summed per scenario.
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
                        assertEquals(expected, actual, 1e-12 * Math.max(1.0, Math.abs(expected)),
                            "move " + moves[j] + " vol " + vol + " inverse " + inverse);
                    }
                }
            }
        }
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
