package io.hedgeflow.logic;

/**
 * The ratio hedge part of a {@link PolicyContext}: a cross hedge with another underlying's perpetual or a basis hedge
 * with a dated future, sized by an online minimum-variance ratio ({@link CrossHedge}), and that ratio's estimator.
 * Setters return the owning policy, so a policy is configured in one chain.
 */
public final class PolicyRatio
{
    private final PolicyContext owner;
    private int hedgeUnderlying = 0;
    private HedgeInstrument hedgeInstrument = HedgeInstrument.PERPETUAL;
    private int hedgeFutureId = 0;

    PolicyRatio(final PolicyContext owner)
    {
        this.owner = owner;
    }

    /** Copies every setting of this group to other (of another policy). */
    void copyTo(final PolicyRatio other)
    {
        other.hedgeUnderlying = hedgeUnderlying;
        other.hedgeInstrument = hedgeInstrument;
        other.hedgeFutureId = hedgeFutureId;
    }

    /** Checks hedgeUnderlying, hedgeInstrument and hedgeFutureId; a ratio hedge needs instrumentChoice HEDGE_PERPETUAL. */
    void conclude(final InstrumentChoice instrumentChoice)
    {
        if (hedgeUnderlying < 0 || (hedgeUnderlying != 0 && instrumentChoice != InstrumentChoice.HEDGE_PERPETUAL))
        {
            throw new IllegalArgumentException("hedgeUnderlying must be 0 or an underlying id, with instrumentChoice " +
                "HEDGE_PERPETUAL: " + hedgeUnderlying);
        }
        if (hedgeInstrument == null || (hedgeInstrument == HedgeInstrument.FUTURE &&
            (hedgeUnderlying != 0 || instrumentChoice != InstrumentChoice.HEDGE_PERPETUAL)) || hedgeFutureId < 0)
        {
            throw new IllegalArgumentException(hedgeFutureId < 0 ?
                "hedgeFutureId must be 0 or an instrument id: " + hedgeFutureId :
                "hedgeInstrument must be set, FUTURE only with hedgeUnderlying 0 and instrumentChoice " +
                "HEDGE_PERPETUAL: " + hedgeInstrument);
        }
    }

    /** True when a ratio sizes the hedge: a cross hedge (hedgeUnderlying) or a basis hedge (FUTURE). */
    boolean ratioHedge(final int underlyingId)
    {
        return hedgeInstrument == HedgeInstrument.FUTURE ||
            (hedgeUnderlying != 0 && hedgeUnderlying != underlyingId);
    }

    /**
     * Cross hedge: id of another underlying whose perpetual hedges this one, sized by the online minimum-variance
     * ratio of the two index returns; 0 (default): this underlying's own perpetual.
     */
    public int hedgeUnderlying()
    {
        return hedgeUnderlying;
    }

    public PolicyContext hedgeUnderlying(final int value)
    {
        hedgeUnderlying = value;
        return owner;
    }

    /**
     * PERPETUAL (default) or FUTURE: a basis hedge with a dated future of this underlying, sized by the online
     * minimum-variance ratio of index returns on the future's mid returns (same estimator keys as hedgeUnderlying).
     */
    public HedgeInstrument hedgeInstrument()
    {
        return hedgeInstrument;
    }

    public PolicyContext hedgeInstrument(final HedgeInstrument value)
    {
        hedgeInstrument = value;
        return owner;
    }

    /** hedgeInstrument FUTURE: the future's instrument id; 0 (default) for the nearest unexpired future. */
    public int hedgeFutureId()
    {
        return hedgeFutureId;
    }

    public PolicyContext hedgeFutureId(final int value)
    {
        hedgeFutureId = value;
        return owner;
    }
}
