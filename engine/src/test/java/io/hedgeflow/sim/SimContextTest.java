package io.hedgeflow.sim;

import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimContextTest
{
    @Test
    void shouldAcceptTheDefaults()
    {
        final SimContext ctx = new SimContext();
        assertSame(ctx, ctx.conclude());
        assertEquals(1_767_571_200_000_000_000L, ctx.startTimeNs());
        assertEquals(95_000.0, ctx.btcSpot());
        assertEquals(0.70, ctx.ethVolatility());
    }

    @Test
    void shouldNameTheInvalidField()
    {
        assertInvalid("meanSpacingNs", ctx -> ctx.meanSpacingNs(0));
        assertInvalid("btcSpot", ctx -> ctx.btcSpot(-1));
        assertInvalid("ethVolatility", ctx -> ctx.ethVolatility(0));
        assertInvalid("btcVolatility", ctx -> ctx.btcVolatility(Double.NaN));
        assertInvalid("optionTradeProbability", ctx -> ctx.optionTradeProbability(1.5));
        assertInvalid("expiryDays", ctx -> ctx.expiryDays(new int[0]));
        assertInvalid("expiryDays", ctx -> ctx.expiryDays(7, 0));
        assertInvalid("strikesPerExpiry", ctx -> ctx.strikesPerExpiry(0));
        assertInvalid("latencyNs", ctx -> ctx.latencyNs(-1));
        assertInvalid("orderCapacity", ctx -> ctx.orderCapacity(0));
        assertInvalid("takerFeeBps", ctx -> ctx.takerFeeBps(Double.POSITIVE_INFINITY));
    }

    @Test
    void shouldValidateInTheConstructors()
    {
        assertThrows(IllegalArgumentException.class, () -> new MarketSimulator(new SimContext().rate(2)));
        assertThrows(IllegalArgumentException.class, () -> new SimExchange(new SimContext().instrumentCapacity(0)));
    }

    @Test
    void shouldCopyExpiryDays()
    {
        final int[] days = {1, 2};
        final SimContext ctx = new SimContext().expiryDays(days);
        days[0] = -5;
        ctx.expiryDays()[1] = -5;
        assertArrayEquals(new int[]{1, 2}, ctx.expiryDays());
    }

    private static void assertInvalid(final String field, final Consumer<SimContext> change)
    {
        final SimContext ctx = new SimContext();
        change.accept(ctx);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ctx::conclude, field);
        assertTrue(e.getMessage().contains("SimContext." + field + ":"), e.getMessage());
    }
}
