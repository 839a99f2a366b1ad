package io.hedgeflow.logic;

import io.hedgeflow.codecs.HedgePolicy;

/** Hedging policies an underlying can be configured with ({@code policy.type}), and their code in HedgeDecision. */
public enum PolicyType
{
    /** Never hedge. */
    NONE(false, HedgePolicy.NONE),
    /** Every {@code intervalNs} of logic time, trade the whole difference to the target. */
    TIME_INTERVAL(false, HedgePolicy.TIME_INTERVAL),
    /** A fixed no-trade band around the target, in USD ({@code bandUsd}) or underlying units ({@code bandUnderlying}). */
    FIXED_BAND(false, HedgePolicy.DELTA_BAND),
    /** Band = the delta change of a {@code gammaBandSigmas} move over {@code horizonNs} ({@link HedgeBands#gammaBand}). */
    GAMMA_BAND(true, HedgePolicy.GAMMA_BAND),
    /** Whalley-Wilmott (1997) asymptotic band of the book's gamma ({@link HedgeBands#whalleyWilmott}). */
    WHALLEY_WILMOTT(true, HedgePolicy.WHALLEY_WILMOTT),
    /** Zakamouline (2006) H0 + Hw band ({@link HedgeBands#zakamouline}). */
    ZAKAMOULINE(true, HedgePolicy.ZAKAMOULINE);

    private final boolean gammaBand;
    private final HedgePolicy code;

    PolicyType(final boolean gammaBand, final HedgePolicy code)
    {
        this.gammaBand = gammaBand;
        this.code = code;
    }

    /** True for the bands computed from the book's gamma ({@link PolicyInputs}). */
    boolean gammaBand()
    {
        return gammaBand;
    }

    /** The value recorded in HedgeDecision.policy. */
    public HedgePolicy code()
    {
        return code;
    }
}
