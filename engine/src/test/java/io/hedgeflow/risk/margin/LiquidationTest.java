package io.hedgeflow.risk.margin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiquidationTest
{
    private final MarginContext ctx = new MarginContext().conclude();

    @Test
    void shouldEstimateALinearLongsLiquidationPrice()
    {
        // 2 BTC long at 50,000, equity 10,000 USDC: rate = 1.5% + 2 / 100 x 0.5% = 1.51%;
        // P = (0 - 10,000 + 2 x 50,000) / (2 - 2 x 0.0151) = 90,000 / 1.9698 = 45,690.933089653772...
        final double price = Liquidation.price(false, 2, 50_000, 10_000, 0, ctx);
        assertEquals(90_000 / 1.9698, price, 1e-9);
        assertEquals(10_000 + 2 * (price - 50_000), 2 * price * 0.0151, 1e-9);
        assertEquals((50_000 - price) / 50_000 * 100, Liquidation.distancePercent(2, 50_000, price, 50_000), 1e-12);
    }

    @Test
    void shouldEstimateAnInverseLongsLiquidationPriceWhereEquityMeetsMaintenance()
    {
        // 100,000 USD long at 50,000 (2 BTC), equity 0.5 BTC, other maintenance 0.1 BTC
        final double price = Liquidation.price(true, 100_000, 50_000, 0.5, 0.1, ctx);
        final double coin = 100_000 / price;
        final double equity = 0.5 + 100_000 / 50_000.0 - coin;
        final double maintenance = 0.1 + coin * (0.015 + 0.005 * coin / 100);
        assertTrue(price < 50_000);
        assertEquals(maintenance, equity, 1e-12);
    }

    @Test
    void shouldEstimateAnInverseShortsLiquidationPriceAbove()
    {
        final double price = Liquidation.price(true, -100_000, 50_000, 0.5, 0.0, ctx);
        final double coin = 100_000 / price;
        final double equity = 0.5 - 100_000 / 50_000.0 + coin;
        assertTrue(price > 50_000);
        assertEquals(coin * (0.015 + 0.005 * coin / 100), equity, 1e-12);
        assertTrue(Liquidation.distancePercent(-100_000, 50_000, price, 50_000) > 0);
    }

    @Test
    void shouldHaveNoLiquidationPriceWhenNoneExists()
    {
        // a short inverse position loses at most 100,000 / 50,000 = 2 BTC: equity 3 BTC covers every price
        assertTrue(Double.isNaN(Liquidation.price(true, -100_000, 50_000, 3.0, 0.0, ctx)));
        assertTrue(Double.isNaN(Liquidation.price(true, 0, 50_000, 1.0, 0.0, ctx)));
        assertTrue(Double.isNaN(Liquidation.price(false, 1, 0.0, 1.0, 0.0, ctx)));
        assertTrue(Double.isNaN(Liquidation.distancePercent(1, 50_000, Double.NaN, 50_000)));
    }
}
