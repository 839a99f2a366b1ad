package io.hedgeflow.risk.margin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-computed cases of Deribit's published standard margin formulas (docs/margin.md) with the published rates:
 * options a = 0.15, b = 0.10, m = 0.075; futures 2% initial and 1.5% maintenance plus 0.5% per 100 BTC.
 */
class StandardMarginTest
{
    private static final double EPS = 1e-12;
    private static final long NOW = 1_000L;
    private static final long EXPIRY = 2_000L;
    private final MarginContext ctx = new MarginContext().conclude();

    @Test
    void shouldMarginAnOutOfTheMoneyShortCall()
    {
        // U 50,000, K 52,000, mark 0.02 BTC, short 2. OTM = 2,000, OTM / U = 0.04.
        // initial per option = max(0.15 - 0.04, 0.10) + 0.02 = 0.11 + 0.02 = 0.13; x 2 = 0.26
        // maintenance per option = 0.075 + 0.02 = 0.095; x 2 = 0.19
        assertEquals(0.26, StandardMargin.optionInitial(-2, true, 50_000, 52_000, 0.02, EXPIRY, NOW, ctx), EPS);
        assertEquals(0.19, StandardMargin.optionMaintenance(-2, true, 0.02, EXPIRY, NOW, ctx), EPS);
    }

    @Test
    void shouldFloorAFarOutOfTheMoneyShortCall()
    {
        // U 50,000, K 60,000, mark 0.004: OTM / U = 0.2; max(0.15 - 0.2, 0.10) = 0.10; + 0.004 = 0.104
        assertEquals(0.104, StandardMargin.optionInitial(-1, true, 50_000, 60_000, 0.004, EXPIRY, NOW, ctx), EPS);
    }

    @Test
    void shouldMarginAnInTheMoneyShortCall()
    {
        // U 50,000, K 45,000, mark 0.12: OTM = max(45,000 - 50,000, 0) = 0.
        // initial = max(0.15 - 0, 0.10) + 0.12 = 0.27; maintenance = 0.075 + 0.12 = 0.195
        assertEquals(0.27, StandardMargin.optionInitial(-1, true, 50_000, 45_000, 0.12, EXPIRY, NOW, ctx), EPS);
        assertEquals(0.195, StandardMargin.optionMaintenance(-1, true, 0.12, EXPIRY, NOW, ctx), EPS);
    }

    @Test
    void shouldMarginAnOutOfTheMoneyShortPut()
    {
        // U 50,000, K 45,000, mark 0.015, short 3. OTM = 50,000 - 45,000 = 5,000, / U = 0.10.
        // maintenance per option = max(0.075, 0.075 x 0.015) + 0.015 = 0.09; x 3 = 0.27
        // initial per option = max(max(0.15 - 0.10, 0.10) + 0.015, 0.09) = max(0.115, 0.09) = 0.115; x 3 = 0.345
        assertEquals(0.345, StandardMargin.optionInitial(-3, false, 50_000, 45_000, 0.015, EXPIRY, NOW, ctx), EPS);
        assertEquals(0.27, StandardMargin.optionMaintenance(-3, false, 0.015, EXPIRY, NOW, ctx), EPS);
    }

    @Test
    void shouldLetMaintenanceBindADeepInTheMoneyShortPut()
    {
        // U 50,000, K 200,000, mark 3.0 BTC: OTM = 0. maintenance = max(0.075, 0.075 x 3) + 3 = 3.225;
        // initial = max(max(0.15, 0.10) + 3, 3.225) = max(3.15, 3.225) = 3.225
        assertEquals(3.225, StandardMargin.optionInitial(-1, false, 50_000, 200_000, 3.0, EXPIRY, NOW, ctx), EPS);
        assertEquals(3.225, StandardMargin.optionMaintenance(-1, false, 3.0, EXPIRY, NOW, ctx), EPS);
    }

    @Test
    void shouldHoldTheMarkOfALongOption()
    {
        // long 5 at mark 0.034: premium paid, no further margin; the mark is held: 5 x 0.034 = 0.17
        assertEquals(0.17, StandardMargin.optionInitial(5, true, 50_000, 60_000, 0.034, EXPIRY, NOW, ctx), EPS);
        assertEquals(0.17, StandardMargin.optionMaintenance(5, false, 0.034, EXPIRY, NOW, ctx), EPS);
    }

    @Test
    void shouldMarginAPerpetualBySize()
    {
        // short 25 BTC (Deribit's own example): initial rate = 2% + 25 / 100 x 0.5% = 2.125%, x 25 = 0.53125 BTC;
        // maintenance rate = 1.5% + 0.125% = 1.625%, x 25 = 0.40625 BTC
        assertEquals(0.53125, StandardMargin.futureInitial(-25, ctx), EPS);
        assertEquals(0.40625, StandardMargin.futureMaintenance(-25, ctx), EPS);
        assertEquals(0.02125, StandardMargin.futureRate(25, 0.02, 0.005, 100), EPS);
    }

    @Test
    void shouldMarginAFutureBySize()
    {
        // long 350 BTC (Deribit's example): initial = 350 x (2% + 3.5 x 0.5%) = 350 x 3.75% = 13.125 BTC;
        // maintenance = 350 x (1.5% + 1.75%) = 350 x 3.25% = 11.375 BTC
        assertEquals(13.125, StandardMargin.futureInitial(350, ctx), EPS);
        assertEquals(11.375, StandardMargin.futureMaintenance(350, ctx), EPS);
    }

    @Test
    void shouldGiveZeroForSizeZeroAndExpiredOptions()
    {
        assertEquals(0.0, StandardMargin.futureInitial(0, ctx));
        assertEquals(0.0, StandardMargin.optionInitial(0, true, 50_000, 52_000, Double.NaN, EXPIRY, NOW, ctx));
        assertEquals(0.0, StandardMargin.optionInitial(-1, true, 50_000, 52_000, 0.02, NOW, NOW, ctx));
        assertEquals(0.0, StandardMargin.optionMaintenance(-1, false, 0.02, NOW - 1, NOW, ctx));
    }

    @Test
    void shouldGiveNoOutOfTheMoneyCreditWithoutAnIndex()
    {
        // U 0: OTM / U taken as 0, so initial = 0.15 + mark = 0.17
        assertEquals(0.0, StandardMargin.otmFraction(true, 0.0, 60_000));
        assertEquals(0.17, StandardMargin.optionInitial(-1, true, 0.0, 60_000, 0.02, EXPIRY, NOW, ctx), EPS);
        assertTrue(Double.isNaN(StandardMargin.optionInitial(-1, true, 50_000, 60_000, Double.NaN, EXPIRY, NOW,
            ctx)));
    }

    @Test
    void shouldRefuseInvalidParametersNamingTheKey()
    {
        assertEquals("priceSteps must be odd, from 3 to 101: 4", assertThrows(IllegalArgumentException.class,
            () -> new MarginContext().priceSteps(4).conclude()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new MarginContext().futureMaintenanceRate(0.03).conclude()).getMessage()
            .startsWith("futureMaintenanceRate must not exceed futureInitialRate"));
        assertTrue(assertThrows(IllegalArgumentException.class,
            () -> new MarginContext().priceMove(1.0).conclude()).getMessage().startsWith("priceMove"));
    }
}
