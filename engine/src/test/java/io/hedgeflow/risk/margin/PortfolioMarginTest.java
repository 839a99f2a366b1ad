package io.hedgeflow.risk.margin;

import io.hedgeflow.greeks.BlackScholes;
import io.hedgeflow.greeks.ScenarioVectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortfolioMarginTest
{
    private static final long NOW = 1_750_000_000_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;
    private final MarginContext ctx = new MarginContext().conclude();

    /** Short 10 calls (20 days), long 5 puts (60 days), long a 200,000 USD perpetual: an inverse BTC book. */
    @Test
    void shouldEqualAPlainLoopOverTheGridWithTheScalarPricer()
    {
        final boolean[] call = {true, false};
        final double[] strike = {55_000, 45_000};
        final long[] expiry = {NOW + 20 * DAY, NOW + 60 * DAY};
        final double[] size = {-10, 5};
        final double[] forward = {50_200, 50_500};
        final double[] vol = {0.6, 0.7};
        final double perpUsd = 200_000, perpPrice = 50_000;
        try (PortfolioMargin margin = new PortfolioMargin(ctx, 4, 2, true))
        {
            for (int i = 0; i < 2; i++)
            {
                margin.option(margin.addOption(call[i], strike[i], expiry[i], 1.0), size[i], forward[i], vol[i]);
            }
            margin.future(margin.addFuture(PortfolioMargin.PERPETUAL), perpUsd, perpPrice);
            margin.compute(NOW, 50_000);

            double worst = 0.0;
            for (int j = 0; j < 9; j++)
            {
                final double move = -0.10 + 0.20 * j / 8;
                for (int s = -1; s <= 1; s++)
                {
                    double pnl = perpUsd / perpPrice * (1.0 - 1.0 / (1.0 + move));
                    for (int i = 0; i < 2; i++)
                    {
                        final double years = (expiry[i] - NOW) / (365.0 * DAY);
                        final double shock = 0.38 * Math.pow(30.0 / ((expiry[i] - NOW) / (double)DAY), 0.30);
                        final double moved = forward[i] * (1.0 + move);
                        final double shocked = Math.max(vol[i] * (1.0 + s * shock), 0.0);
                        pnl += size[i] * (BlackScholes.price(call[i], moved, strike[i], years, 0, 0, shocked) / moved -
                            BlackScholes.price(call[i], forward[i], strike[i], years, 0, 0, vol[i]) / forward[i]);
                    }
                    worst = Math.max(worst, -pnl);
                }
            }
            assertTrue(worst > 0.1, "the book loses in some scenario: " + worst);
            assertEquals(worst, margin.worstLoss(), 1e-9);
            // contingency: 10 net short calls at 55,000 x 0.01 BTC; no offsetting futures
            assertEquals(0.1, margin.optionContingency(), 1e-15);
            assertEquals(0.0, margin.futureContingency());
            assertEquals(worst + 0.1, margin.maintenance(), 1e-9);
            assertEquals(margin.maintenance() * 1.3, margin.initial(), 1e-12);
        }
    }

    @Test
    void shouldAddTheContingencyOfNetShortOptionsPerStrike()
    {
        // Deribit's example: call +10 and put -20 at strike X: net short 10, so 10 x 0.01 BTC is added
        try (PortfolioMargin margin = new PortfolioMargin(ctx, 4, 1, true))
        {
            margin.option(margin.addOption(true, 50_000, NOW + 30 * DAY, 1.0), 10, 50_000, 0.5);
            margin.option(margin.addOption(false, 50_000, NOW + 30 * DAY, 1.0), -20, 50_000, 0.5);
            final int other = margin.addOption(false, 50_000, NOW + 60 * DAY, 1.0);
            margin.option(other, 3, 50_000, 0.5);
            margin.compute(NOW, 50_000);
            assertEquals(0.1, margin.optionContingency(), 1e-15);
            margin.compute(NOW, 50_000);
            assertEquals(0.1, margin.optionContingency(), 1e-15);
            margin.option(other, -4, 50_000, 0.5);
            margin.compute(NOW, 50_000);
            assertEquals(0.14, margin.optionContingency(), 1e-15);
            margin.compute(NOW + 60 * DAY, 50_000);
            assertEquals(0.0, margin.optionContingency(), 1e-15);
        }
    }

    @Test
    void shouldAddTheContingencyOfOffsettingFutures()
    {
        // Deribit's example: long 100 BTC of future A, short 100 BTC of future B: 1% x 100 BTC = 1 BTC added; the
        // two offset exactly (same price), so no scenario loses
        try (PortfolioMargin margin = new PortfolioMargin(ctx, 1, 2, true))
        {
            margin.future(margin.addFuture(NOW + 30 * DAY), 5_000_000, 50_000);
            margin.future(margin.addFuture(NOW + 90 * DAY), -5_000_000, 50_000);
            assertEquals(1.0, margin.compute(NOW, 50_000), 1e-12);
            assertEquals(0.0, margin.worstLoss());
        }
    }

    @Test
    void shouldMarginALinearPerpetualByItsWorstMove()
    {
        // 2 BTC long at 50,000 USDC: worst move -10%, loss 2 x 50,000 x 0.1 = 10,000 USDC
        try (PortfolioMargin margin = new PortfolioMargin(ctx, 1, 1, false))
        {
            margin.future(margin.addFuture(PortfolioMargin.PERPETUAL), 2, 50_000);
            assertEquals(10_000, margin.compute(NOW, 50_000), 1e-9);
            assertEquals(-0.10, margin.worstMove(), 1e-15);
        }
    }

    @Test
    void shouldLeaveOutExpiredPositionsAndGiveZeroForAnEmptyBook()
    {
        try (PortfolioMargin margin = new PortfolioMargin(ctx, 2, 1, true))
        {
            assertEquals(0.0, margin.compute(NOW, 50_000));
            margin.option(margin.addOption(false, 60_000, NOW - DAY, 1.0), -10, 50_000, 0.5);
            margin.future(margin.addFuture(NOW), -1_000_000, 50_000);
            assertEquals(0.0, margin.compute(NOW, 50_000));
            assertEquals(ScenarioVectors.VOL_SAME, margin.worstVol());
        }
    }

    @Test
    void shouldGiveNaNWithoutAnIndexOrAForwardOfAHeldOption()
    {
        try (PortfolioMargin margin = new PortfolioMargin(ctx, 2, 1, true))
        {
            final int slot = margin.addOption(true, 60_000, NOW + DAY, 1.0);
            margin.option(slot, -1, 50_000, 0.5);
            assertTrue(Double.isNaN(margin.compute(NOW, 0.0)));
            margin.option(slot, -1, 0.0, 0.5);
            assertTrue(Double.isNaN(margin.compute(NOW, 50_000)));
            margin.option(slot, 0, 0.0, 0.5);
            assertEquals(0.0, margin.compute(NOW, 50_000));
        }
    }
}
