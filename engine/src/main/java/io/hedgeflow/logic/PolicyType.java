package io.hedgeflow.logic;

import io.hedgeflow.codecs.HedgePolicy;

/** Hedging policies an underlying can be configured with ({@code policy.type}), and their code in HedgeDecision. */
public enum PolicyType
{
    /** Never hedge. */
    NONE(HedgePolicy.NONE),
    /** Every {@code intervalNs} of logic time, trade the whole difference to the target. */
    TIME_INTERVAL(HedgePolicy.TIME_INTERVAL),
    /** A fixed no-trade band around the target, in USD ({@code bandUsd}) or underlying units ({@code bandUnderlying}). */
    FIXED_BAND(HedgePolicy.DELTA_BAND);

    private final HedgePolicy code;

    PolicyType(final HedgePolicy code)
    {
        this.code = code;
    }

    /** The value recorded in HedgeDecision.policy. */
    public HedgePolicy code()
    {
        return code;
    }
}
