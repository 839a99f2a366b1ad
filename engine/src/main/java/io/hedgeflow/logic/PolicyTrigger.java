package io.hedgeflow.logic;

/**
 * The trigger part of a {@link PolicyContext}: when the policy trades and to where. The target delta, the band
 * policies' half widths and the parameters of their formulas ({@link HedgeBands}), hedgeTo, the TIME_INTERVAL
 * interval and the rebalancing horizon. Setters return the owning policy, so a policy is configured in one chain.
 */
public final class PolicyTrigger
{
    private final PolicyContext owner;
    private double targetDelta = 0.0;
    private double bandUsd = 250_000.0;
    private double bandUnderlying = 0.0;
    private HedgeTo hedgeTo = HedgeTo.POLICY;
    private long intervalNs = 60_000_000_000L;
    private double costFraction = 0.0005;
    private double riskAversion = 1e-5;
    private double gammaBandSigmas = 1.0;
    private long horizonNs = 3_600_000_000_000L;

    PolicyTrigger(final PolicyContext owner)
    {
        this.owner = owner;
    }

    /** Copies every setting of this group to other (of another policy). */
    void copyTo(final PolicyTrigger other)
    {
        other.targetDelta = targetDelta;
        other.bandUsd = bandUsd;
        other.bandUnderlying = bandUnderlying;
        other.hedgeTo = hedgeTo;
        other.intervalNs = intervalNs;
        other.costFraction = costFraction;
        other.riskAversion = riskAversion;
        other.gammaBandSigmas = gammaBandSigmas;
        other.horizonNs = horizonNs;
    }

    /** Checks targetDelta, the band widths, intervalNs, horizonNs and the band formulas' parameters. */
    void conclude()
    {
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
        if (intervalNs <= 0 || horizonNs <= 0)
        {
            throw new IllegalArgumentException(intervalNs <= 0 ?
                "intervalNs must be positive: " + intervalNs : "horizonNs must be positive: " + horizonNs);
        }
        if (!(costFraction > 0.0 && costFraction < 0.1))
        {
            throw new IllegalArgumentException("costFraction must be in (0, 0.1): " + costFraction);
        }
        if (!(riskAversion > 0.0) || Double.isInfinite(riskAversion))
        {
            throw new IllegalArgumentException("riskAversion must be positive and finite: " + riskAversion);
        }
        if (!(gammaBandSigmas > 0.0) || Double.isInfinite(gammaBandSigmas))
        {
            throw new IllegalArgumentException("gammaBandSigmas must be positive and finite: " + gammaBandSigmas);
        }
    }

    /** Portfolio delta the policy hedges to, underlying units (0: delta neutral). */
    public double targetDelta()
    {
        return targetDelta;
    }

    public PolicyContext targetDelta(final double value)
    {
        targetDelta = value;
        return owner;
    }

    /** FIXED_BAND half width as USD notional of the underlying (band in coin = this / index price). */
    public double bandUsd()
    {
        return bandUsd;
    }

    public PolicyContext bandUsd(final double value)
    {
        bandUsd = value;
        return owner;
    }

    /** FIXED_BAND half width in underlying units; when positive it replaces {@link #bandUsd()}. */
    public double bandUnderlying()
    {
        return bandUnderlying;
    }

    public PolicyContext bandUnderlying(final double value)
    {
        bandUnderlying = value;
        return owner;
    }

    /** Band policies: trade back to the target or only to the band's edge; POLICY: the policy's own rule. */
    public HedgeTo hedgeTo()
    {
        return hedgeTo;
    }

    public PolicyContext hedgeTo(final HedgeTo value)
    {
        hedgeTo = value;
        return owner;
    }

    /** TIME_INTERVAL: logic time between rebalances. */
    public long intervalNs()
    {
        return intervalNs;
    }

    public PolicyContext intervalNs(final long value)
    {
        intervalNs = value;
        return owner;
    }

    /**
     * One-way proportional cost lambda of trading the hedge (fees plus half spread, as a fraction of the value
     * traded) for WHALLEY_WILMOTT and ZAKAMOULINE; Leland's round-trip cost is twice this.
     */
    public double costFraction()
    {
        return costFraction;
    }

    public PolicyContext costFraction(final double value)
    {
        costFraction = value;
        return owner;
    }

    /** Absolute risk aversion of the exponential utility, per USD, for WHALLEY_WILMOTT and ZAKAMOULINE. */
    public double riskAversion()
    {
        return riskAversion;
    }

    public PolicyContext riskAversion(final double value)
    {
        riskAversion = value;
        return owner;
    }

    /** GAMMA_BAND: the band is the delta change of a move of this many standard deviations over horizonNs. */
    public double gammaBandSigmas()
    {
        return gammaBandSigmas;
    }

    public PolicyContext gammaBandSigmas(final double value)
    {
        gammaBandSigmas = value;
        return owner;
    }

    /** Rebalancing horizon: GAMMA_BAND's move horizon and Leland's hedging interval dt (logic time). */
    public long horizonNs()
    {
        return horizonNs;
    }

    public PolicyContext horizonNs(final long value)
    {
        horizonNs = value;
        return owner;
    }
}
