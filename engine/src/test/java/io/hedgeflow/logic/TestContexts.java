package io.hedgeflow.logic;

import io.hedgeflow.risk.LimitsContext;

/** Configurations for tests: limits wide enough that only the limit under test binds. */
public final class TestContexts
{
    private TestContexts()
    {
    }

    public static LimitsContext limits()
    {
        return new LimitsContext()
            .maxOrderQuantity(1e9)
            .maxOrderNotionalUsd(1e12)
            .priceCollarBps(500)
            .maxPositionContracts(1e12)
            .orderRatePerSecond(1e6)
            .orderBurst(1e6)
            .duplicateWindowNs(1)
            .circuitBreakerRejects(1_000_000)
            .maxDrawdownUsd(1e15);
    }

    public static LogicContext logic()
    {
        return new LogicContext().limits(limits());
    }
}
