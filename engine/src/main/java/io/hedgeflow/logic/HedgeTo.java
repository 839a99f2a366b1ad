package io.hedgeflow.logic;

/** Where a band policy trades to once its band is breached ({@code policy.hedgeTo}). */
public enum HedgeTo
{
    /**
     * The policy's own rule: EDGE for the utility-optimal bands (WHALLEY_WILMOTT, ZAKAMOULINE, as in the papers),
     * TARGET for the others.
     */
    POLICY,
    /** Trade the whole difference back to the target delta. */
    TARGET,
    /** Trade only back to the nearest edge of the band, rounded up to the lot (into the band). */
    EDGE;

    /** True when a policy of the given type trades to the band edge under this setting. */
    boolean toEdge(final PolicyType type)
    {
        return switch (this)
        {
            case POLICY -> type == PolicyType.WHALLEY_WILMOTT || type == PolicyType.ZAKAMOULINE;
            case TARGET -> false;
            case EDGE -> type != PolicyType.TIME_INTERVAL;
        };
    }
}
