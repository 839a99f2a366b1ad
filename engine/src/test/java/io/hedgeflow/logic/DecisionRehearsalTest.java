package io.hedgeflow.logic;

import io.hedgeflow.config.Defaults;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
