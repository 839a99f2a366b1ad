package io.hedgeflow.logic;

import io.hedgeflow.config.Defaults;
import io.hedgeflow.greeks.GreekKernelType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DecisionRehearsalTest
{
    private static final int CYCLE = 7;

    @Test
    void shouldDecideAndOrderTwicePerCycleUnderTheDefaultLimits()
    {
        assertOrdersTwicePerCycle(Defaults.logicContext());
    }

    @Test
    void shouldDecideAndOrderTwicePerCycleUnderWideLimits()
    {
        assertOrdersTwicePerCycle(TestContexts.logic());
    }

    @Test
    void shouldKeepEverySettingButTheLimitsAndSizesInTheShadowContext()
    {
        final LogicContext ctx = TestContexts.logic().rate(0.04).carry(0.01).heartbeatTimeoutNs(3_000_000L)
            .greekKernel(GreekKernelType.SCALAR);
        final String before = ctx.digest();
        final LogicContext shadow = DecisionRehearsal.shadowContext(ctx);
        assertEquals(before, ctx.digest(), "the real context is unchanged");
        assertNotEquals(before, shadow.digest(), "the shadow's limits and sizes differ");
        final LogicContext same = shadow.copy().maxInstruments(ctx.maxInstruments())
            .maxUnderlyings(ctx.maxUnderlyings()).limits(ctx.limits());
        assertEquals(before, same.digest(), "every other setting is the real one's");
        assertEquals(ctx.greekKernel(), shadow.greekKernel());
    }

    private static void assertOrdersTwicePerCycle(final LogicContext ctx)
    {
        final int cycles = 20_000;
        try (DecisionRehearsal rehearsal = new DecisionRehearsal(ctx))
        {
            final long ordersBefore = rehearsal.counters().orders();
            for (int k = 0; k < cycles * CYCLE; k++)
            {
                rehearsal.step();
            }
            final LogicCounters counters = rehearsal.counters();
            assertEquals(2L * cycles, counters.orders() - ordersBefore, "orders");
            assertEquals(0, counters.rejected(), "rejected frames");
            assertEquals(2L * cycles, counters.fills(), "fills");
            assertFalse(counters.decisions() > counters.orders() + 2, "decisions without an order: " +
                (counters.decisions() - counters.orders()));
        }
    }
}
