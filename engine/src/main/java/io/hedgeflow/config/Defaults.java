package io.hedgeflow.config;

import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.risk.LimitsContext;
import io.hedgeflow.sim.SimContext;

/**
 * The built-in configuration of {@code demo}, {@code run} and {@code replay} when no configuration file is given:
 * the simulated BTC/ETH book's market rate and limits sized for it. A session must be replayed with the
 * configuration it ran with.
 */
public final class Defaults
{
    private Defaults()
    {
    }

    /** Limits for the simulated book: a few hundred BTC of perpetual contracts, a few orders per second. */
    public static LimitsContext limits()
    {
        return new LimitsContext()
            .maxOrderQuantity(200_000)
            .maxOrderNotionalUsd(5_000_000)
            .priceCollarBps(100)
            .maxPositionContracts(5_000_000)
            .orderRatePerSecond(20)
            .orderBurst(10)
            .duplicateWindowNs(1_000_000L)
            .circuitBreakerRejects(5)
            .maxDrawdownUsd(5_000_000);
    }

    /** The logic configuration: options priced at the simulated market's rate. */
    public static LogicContext logicContext()
    {
        return new LogicContext().rate(new SimContext().rate()).limits(limits());
    }
}
