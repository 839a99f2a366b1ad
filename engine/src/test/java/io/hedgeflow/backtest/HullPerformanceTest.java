package io.hedgeflow.backtest;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hull, Options, Futures and Other Derivatives, table 19.4: performance of delta hedging (sd of the cost of writing
 * and hedging / BSM price) for the 20-week call of table 19.2 under GBM with mu = 13%: 0.42 rebalancing every 5
 * weeks, 0.38 every 4, 0.26 every 2, 0.19 every week. It falls like 1 / sqrt(rebalances).
 */
class HullPerformanceTest
{
    static List<PolicyStats> run(final int paths, final String... policies) throws Exception
    {
        final List<PolicyStats> stats = new java.util.ArrayList<>();
        for (final String policy : policies)
        {
            final PolicySpec spec = PolicySpec.parse(policy);
            final MonteCarlo.Setup setup = new MonteCarlo.Setup(HullExampleTest.hullPosition(),
                new GbmModel(0.13, 0.0, 0.20), List.of(spec), spec.intervalNs(), 0.0, 0.0, paths, 42L, 2, false);
            stats.add(MonteCarlo.run(setup, done -> { }).stats().getFirst());
        }
        return stats;
    }

    @Test
    @Timeout(60)
    void shouldMatchHullsTableAndFallLikeOneOverSqrtRebalancesOnFewPaths() throws Exception
    {
        final List<PolicyStats> s = run(4_000, "interval:5w", "interval:4w", "interval:1w");
        assertEquals(0.42, s.get(0).performance(), 0.04, "every 5 weeks");
        assertEquals(0.38, s.get(1).performance(), 0.04, "every 4 weeks");
        assertEquals(0.19, s.get(2).performance(), 0.03, "every week");
        assertEquals(Math.sqrt(4.0 / 20.0), s.get(2).performance() / s.get(0).performance(), 0.06,
            "4 rebalances against 20: ratio sqrt(4 / 20)");
        final double bsm = HullExampleTest.hullPosition().bsmValue();
        assertEquals(240_000.0, bsm, 500.0, "Hull: the option is worth about $240,000");
        assertEquals(bsm, s.get(2).meanCost(), 3 * s.get(2).sdCost() / Math.sqrt(4_000), "mean cost is the BSM price");
    }

    @Test
    @Tag("slow")
    @Timeout(600)
    void shouldMatchHullsTableWithinTwoHundredthsAtOneHundredThousandPaths() throws Exception
    {
        final List<PolicyStats> s = run(100_000, "interval:5w", "interval:4w");
        assertEquals(0.42, s.get(0).performance(), 0.02, "every 5 weeks");
        assertEquals(0.38, s.get(1).performance(), 0.02, "every 4 weeks");
    }
}
