package io.hedgeflow.sim;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.framing.Fixed8;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimUniverseTest
{
    @Test
    void shouldRoundStrikeStepsDownToNiceNumbers()
    {
        assertEquals(5_000.0, SimUniverse.niceStep(7_785.0));
        assertEquals(2_000.0, SimUniverse.niceStep(2_171.0));
        assertEquals(250.0, SimUniverse.niceStep(344.0));
        assertEquals(100.0, SimUniverse.niceStep(100.0));
        assertEquals(0.01, SimUniverse.niceStep(0.019), 1e-15);
    }

    @Test
    void shouldWriteDeribitSymbols()
    {
        final long expiry = SimContext.DEFAULT_START_TIME_NS + 7 * SimUniverse.NS_PER_DAY + 8 * 3_600_000_000_000L;
        assertEquals("12JAN26", DeribitSymbols.date(expiry));
        assertEquals("BTC-12JAN26-95000-C", DeribitSymbols.option("BTC", expiry, Fixed8.fromDouble(95_000), true));
        assertEquals(
            "XRP_USDC-12JAN26-2d5-P", DeribitSymbols.option("XRP_USDC", expiry, Fixed8.fromDouble(2.5), false));
        assertEquals("5FEB26", DeribitSymbols.date(SimContext.DEFAULT_START_TIME_NS + 31 * SimUniverse.NS_PER_DAY));
    }

    @Test
    void shouldKeepStrikesPositiveForWideGrids()
    {
        final SimUniverse universe = new SimUniverse(
            new SimContext().ethSpot(10).ethVolatility(3.0).expiryDays(365).strikesPerExpiry(41));
        final int first = universe.firstOptionId(2);
        for (int id = first; id < first + universe.optionCount(2); id++)
        {
            assertEquals(InstrumentKind.OPTION, universe.kind(id));
            assertTrue(universe.strike(id) > 0, universe.symbol(id));
        }
        assertEquals(universe.count(), first + universe.optionCount(2) - 1);
    }

    @Test
    void shouldExpireAtEightUtcWholeDaysAfterTheStartDate()
    {
        final SimUniverse universe = new SimUniverse(new SimContext()
            .startTimeNs(SimContext.DEFAULT_START_TIME_NS + 15 * 3_600_000_000_000L).expiryDays(1));
        final long expected = SimContext.DEFAULT_START_TIME_NS + SimUniverse.NS_PER_DAY + 8 * 3_600_000_000_000L;
        assertEquals(expected, universe.expiryNs(universe.firstOptionId(1)));
    }
}
