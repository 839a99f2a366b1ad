package io.hedgeflow.risk;

/**
 * Pre-trade limits. There are no defaults: every limit must be set, and {@link #conclude()} refuses a missing,
 * NaN, infinite or non-positive value naming its key (fail closed: an unset limit never means "unlimited").
 * Quantities are contracts of the hedge instrument; times are logic time.
 */
public final class LimitsContext
{
    private double maxOrderQuantity = Double.NaN;
    private double maxOrderNotionalUsd = Double.NaN;
    private double priceCollarBps = Double.NaN;
    private double maxPositionContracts = Double.NaN;
    private double orderRatePerSecond = Double.NaN;
    private double orderBurst = Double.NaN;
    private long duplicateWindowNs = Long.MIN_VALUE;
    private int circuitBreakerRejects = Integer.MIN_VALUE;
    private double maxDrawdownUsd = Double.NaN;
    private boolean reduceOnly;

    /** Checks every limit; IllegalArgumentException naming the first key that is missing or invalid. */
    public LimitsContext conclude()
    {
        positive("limits.maxOrderQuantity", maxOrderQuantity);
        positive("limits.maxOrderNotionalUsd", maxOrderNotionalUsd);
        positive("limits.priceCollarBps", priceCollarBps);
        positive("limits.maxPositionContracts", maxPositionContracts);
        positive("limits.orderRatePerSecond", orderRatePerSecond);
        positive("limits.orderBurst", orderBurst);
        if (orderBurst < 1.0)
        {
            throw new IllegalArgumentException("limits.orderBurst must be at least 1: " + orderBurst);
        }
        positive("limits.duplicateWindowNs", duplicateWindowNs);
        positive("limits.circuitBreakerRejects", circuitBreakerRejects);
        positive("limits.maxDrawdownUsd", maxDrawdownUsd);
        return this;
    }

    private static void positive(final String key, final double value)
    {
        if (Double.isNaN(value) || value == Long.MIN_VALUE || value == Integer.MIN_VALUE)
        {
            throw new IllegalArgumentException(key + " is not set");
        }
        if (!(value > 0.0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(key + " must be positive and finite: " + value);
        }
    }

    /** Largest order, contracts. */
    public double maxOrderQuantity()
    {
        return maxOrderQuantity;
    }

    public LimitsContext maxOrderQuantity(final double value)
    {
        maxOrderQuantity = value;
        return this;
    }

    /** Largest order notional, USD (linear: contracts x size x price; inverse: contracts x USD face). */
    public double maxOrderNotionalUsd()
    {
        return maxOrderNotionalUsd;
    }

    public LimitsContext maxOrderNotionalUsd(final double value)
    {
        maxOrderNotionalUsd = value;
        return this;
    }

    /** Largest distance of an order's limit price from the trusted reference (the index), basis points. */
    public double priceCollarBps()
    {
        return priceCollarBps;
    }

    public LimitsContext priceCollarBps(final double value)
    {
        priceCollarBps = value;
        return this;
    }

    /** Largest absolute position of the hedge instrument, orders in flight and the new order included, contracts. */
    public double maxPositionContracts()
    {
        return maxPositionContracts;
    }

    public LimitsContext maxPositionContracts(final double value)
    {
        maxPositionContracts = value;
        return this;
    }

    /** Sustained order rate of the token bucket, orders per second of logic time. */
    public double orderRatePerSecond()
    {
        return orderRatePerSecond;
    }

    public LimitsContext orderRatePerSecond(final double value)
    {
        orderRatePerSecond = value;
        return this;
    }

    /** Token bucket capacity: orders allowed in a burst. */
    public double orderBurst()
    {
        return orderBurst;
    }

    public LimitsContext orderBurst(final double value)
    {
        orderBurst = value;
        return this;
    }

    /** An order with the instrument, side and quantity of one sent within this window is a duplicate. */
    public long duplicateWindowNs()
    {
        return duplicateWindowNs;
    }

    public LimitsContext duplicateWindowNs(final long value)
    {
        duplicateWindowNs = value;
        return this;
    }

    /** Consecutive exchange rejects that trip the circuit breaker into SAFE mode. */
    public int circuitBreakerRejects()
    {
        return circuitBreakerRejects;
    }

    public LimitsContext circuitBreakerRejects(final int value)
    {
        circuitBreakerRejects = value;
        return this;
    }

    /** Fall of an underlying's hedged P&amp;L from its peak, USD, that trips the circuit breaker into SAFE mode. */
    public double maxDrawdownUsd()
    {
        return maxDrawdownUsd;
    }

    public LimitsContext maxDrawdownUsd(final double value)
    {
        maxDrawdownUsd = value;
        return this;
    }

    /** When true, only orders that reduce the hedge instrument's absolute position (in flight included) pass. */
    public boolean reduceOnly()
    {
        return reduceOnly;
    }

    public LimitsContext reduceOnly(final boolean value)
    {
        reduceOnly = value;
        return this;
    }
}
