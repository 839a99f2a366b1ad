package io.hedgeflow.logic;

/**
 * The hedging policy of one underlying: when to trade (trigger) and to where (target or band edge). Configuration
 * section {@code policy} sets the policy of every underlying; section {@code underlyings} overrides it per
 * underlying id ({@link LogicContext#underlyingPolicy}). Delta quantities are in units of the underlying (coin).
 */
public final class PolicyContext
{
    private PolicyType type = PolicyType.FIXED_BAND;
    private double targetDelta = 0.0;
    private double bandUsd = 250_000.0;
    private double bandUnderlying = 0.0;
    private HedgeTo hedgeTo = HedgeTo.TARGET;
    private long intervalNs = 60_000_000_000L;

    /** A copy with the same settings, to override some of them for one underlying. */
    public PolicyContext copy()
    {
        return new PolicyContext()
            .type(type)
            .targetDelta(targetDelta)
            .bandUsd(bandUsd)
            .bandUnderlying(bandUnderlying)
            .hedgeTo(hedgeTo)
            .intervalNs(intervalNs);
    }

    /** Checks every value; throws IllegalArgumentException whose message starts with the key. */
    public PolicyContext conclude()
    {
        if (type == null || hedgeTo == null)
        {
            throw new IllegalArgumentException((type == null ? "type" : "hedgeTo") + " must be set");
        }
        if (!Double.isFinite(targetDelta))
        {
            throw new IllegalArgumentException("targetDelta must be finite: " + targetDelta);
        }
        if (!(bandUsd > 0.0) || Double.isInfinite(bandUsd))
        {
            throw new IllegalArgumentException("bandUsd must be positive and finite: " + bandUsd);
        }
        if (!(bandUnderlying >= 0.0) || Double.isInfinite(bandUnderlying))
        {
            throw new IllegalArgumentException("bandUnderlying must be zero or positive and finite: " + bandUnderlying);
        }
        if (intervalNs <= 0)
        {
            throw new IllegalArgumentException("intervalNs must be positive: " + intervalNs);
        }
        return this;
    }

    /** The policy; FIXED_BAND by default. */
    public PolicyType type()
    {
        return type;
    }

    public PolicyContext type(final PolicyType value)
    {
        type = value;
        return this;
    }

    /** Portfolio delta the policy hedges to, underlying units (0: delta neutral). */
    public double targetDelta()
    {
        return targetDelta;
    }

    public PolicyContext targetDelta(final double value)
    {
        targetDelta = value;
        return this;
    }

    /** FIXED_BAND half width as USD notional of the underlying (band in coin = this / index price). */
    public double bandUsd()
    {
        return bandUsd;
    }

    public PolicyContext bandUsd(final double value)
    {
        bandUsd = value;
        return this;
    }

    /** FIXED_BAND half width in underlying units; when positive it replaces {@link #bandUsd()}. */
    public double bandUnderlying()
    {
        return bandUnderlying;
    }

    public PolicyContext bandUnderlying(final double value)
    {
        bandUnderlying = value;
        return this;
    }

    /** Band policies: trade back to the target or only to the band's edge. */
    public HedgeTo hedgeTo()
    {
        return hedgeTo;
    }

    public PolicyContext hedgeTo(final HedgeTo value)
    {
        hedgeTo = value;
        return this;
    }

    /** TIME_INTERVAL: logic time between rebalances. */
    public long intervalNs()
    {
        return intervalNs;
    }

    public PolicyContext intervalNs(final long value)
    {
        intervalNs = value;
        return this;
    }
}
