package io.hedgeflow.logic;

/**
 * The margin part of a {@link PolicyContext}: the constraints a hedge order is cut to ({@link MarginConstraints}:
 * leverage, margin usage, liquidation distance) and the cost of the capital a hedge ties up, counted by
 * instrumentChoice CHEAPEST. Setters return the owning policy, so a policy is configured in one chain.
 */
public final class PolicyMargin
{
    private final PolicyContext owner;
    private double targetLeverage = 0.0;
    private double maxMarginUsage = 0.0;
    private MarginBasis marginBasis = MarginBasis.INITIAL;
    private double minLiquidationDistance = 0.0;
    private double marginCostRate = 0.0;

    PolicyMargin(final PolicyContext owner)
    {
        this.owner = owner;
    }

    /** Copies every setting of this group to other (of another policy). */
    void copyTo(final PolicyMargin other)
    {
        other.targetLeverage = targetLeverage;
        other.maxMarginUsage = maxMarginUsage;
        other.marginBasis = marginBasis;
        other.minLiquidationDistance = minLiquidationDistance;
        other.marginCostRate = marginCostRate;
    }

    /** Checks marginBasis, the constraints and marginCostRate. */
    void conclude()
    {
        if (marginBasis == null)
        {
            throw new IllegalArgumentException("marginBasis must be set");
        }
        if (!(targetLeverage >= 0.0) || Double.isInfinite(targetLeverage) ||
            !(maxMarginUsage >= 0.0) || Double.isInfinite(maxMarginUsage))
        {
            throw new IllegalArgumentException((!(targetLeverage >= 0.0) || Double.isInfinite(targetLeverage) ?
                "targetLeverage must be zero (off) or positive and finite: " + targetLeverage :
                "maxMarginUsage must be zero (off) or positive and finite: " + maxMarginUsage));
        }
        if (!(marginCostRate >= 0.0) || Double.isInfinite(marginCostRate))
        {
            throw new IllegalArgumentException("marginCostRate must be zero (off) or positive and finite: " +
                marginCostRate);
        }
        if (!(minLiquidationDistance >= 0.0 && minLiquidationDistance < 100.0))
        {
            throw new IllegalArgumentException("minLiquidationDistance must be in [0, 100) percent: " +
                minLiquidationDistance);
        }
    }

    /** True when any of targetLeverage, maxMarginUsage, minLiquidationDistance is set. */
    public boolean marginConstrained()
    {
        return targetLeverage > 0.0 || maxMarginUsage > 0.0 || minLiquidationDistance > 0.0;
    }

    /**
     * Largest leverage of the hedge instrument's settlement currency after a hedge order: notional of its
     * perpetuals and futures (orders in flight counted) over its equity; 0 (default): off.
     */
    public double targetLeverage()
    {
        return targetLeverage;
    }

    public PolicyContext targetLeverage(final double value)
    {
        targetLeverage = value;
        return owner;
    }

    /**
     * Largest margin ({@link #marginBasis()}) over equity of the hedge instrument's settlement currency after a
     * hedge order, a fraction (0.5 = half the equity); 0 (default): off.
     */
    public double maxMarginUsage()
    {
        return maxMarginUsage;
    }

    public PolicyContext maxMarginUsage(final double value)
    {
        maxMarginUsage = value;
        return owner;
    }

    /** The margin {@link #maxMarginUsage()} counts: INITIAL (default) or MAINTENANCE. */
    public MarginBasis marginBasis()
    {
        return marginBasis;
    }

    public PolicyContext marginBasis(final MarginBasis value)
    {
        marginBasis = value;
        return owner;
    }

    /**
     * Least distance, in percent of the index, between the index and the estimated liquidation price of the hedge
     * instrument's position after a hedge order (perpetuals and futures); 0 (default): off.
     */
    public double minLiquidationDistance()
    {
        return minLiquidationDistance;
    }

    public PolicyContext minLiquidationDistance(final double value)
    {
        minLiquidationDistance = value;
        return owner;
    }

    /**
     * instrumentChoice CHEAPEST: annual cost of the capital a hedge ties up (the initial margin it adds to a
     * perpetual or future, the whole notional of spot), a fraction, charged over horizonNs; 0 (default): off.
     */
    public double marginCostRate()
    {
        return marginCostRate;
    }

    public PolicyContext marginCostRate(final double value)
    {
        marginCostRate = value;
        return owner;
    }
}
