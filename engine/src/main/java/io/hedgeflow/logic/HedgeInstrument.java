package io.hedgeflow.logic;

/** Which delta-one instrument of its own underlying hedges an underlying ({@code policy.hedgeInstrument}). */
public enum HedgeInstrument
{
    /** The underlying's first perpetual, one for one (or another underlying's with hedgeUnderlying). */
    PERPETUAL,
    /**
     * Basis hedge: a dated future of the underlying (hedgeFutureId, or the nearest unexpired one), sized by the
     * minimum-variance ratio of index returns on the future's mid returns ({@link CrossHedge}).
     */
    FUTURE
}
