package io.hedgeflow.greeks;

/**
 * Greeks of every option on one underlying, as structure-of-arrays columns, recomputed together on a move.
 * Per-option outputs are in the option's settlement convention: inverse options give the price in coin and the
 * premium-adjusted coin delta (Black-Scholes delta minus price in coin). Totals are sums of quantity x multiplier
 * x Greek.
 */
public final class GreekVectors implements AutoCloseable
{
    private static final double NANOS_PER_YEAR = 365.0 * 86_400e9;

    private final boolean[] call;
    private final boolean[] inverse;
    private final double[] strike;
    private final long[] expiryNs;
    private final double[] multiplier;
    private final double[] quantity;
    private final double[] vol;
    private final double[] price;
    private final double[] delta;
    private final double[] gamma;
    private final double[] vega;
    private int size;

    public GreekVectors(final int capacity)
    {
        call = new boolean[capacity];
        inverse = new boolean[capacity];
        strike = new double[capacity];
        expiryNs = new long[capacity];
        multiplier = new double[capacity];
        quantity = new double[capacity];
        vol = new double[capacity];
        price = new double[capacity];
        delta = new double[capacity];
        gamma = new double[capacity];
        vega = new double[capacity];
    }

    /** Adds an option with quantity 0 and vol 0; returns its slot. */
    public int add(final boolean call, final double strike, final long expiryNs, final boolean inverse, final double multiplier)
    {
        if (size == this.call.length)
        {
            throw new IllegalStateException("GreekVectors full: capacity=" + size);
        }
        final int slot = size++;
        this.call[slot] = call;
        this.strike[slot] = strike;
        this.expiryNs[slot] = expiryNs;
        this.inverse[slot] = inverse;
        this.multiplier[slot] = multiplier;
        return slot;
    }

    public int size()
    {
        return size;
    }

    public void quantity(final int slot, final double contracts)
    {
        quantity[slot] = contracts;
    }

    public double quantity(final int slot)
    {
        return quantity[slot];
    }

    public void vol(final int slot, final double vol)
    {
        this.vol[slot] = vol;
    }

    /** Recomputes every slot at the given spot, rate, carry and logic time. */
    public void compute(final double spot, final double rate, final double carry, final long nowNs)
    {
        for (int i = 0; i < size; i++)
        {
            final double t = (expiryNs[i] - nowNs) / NANOS_PER_YEAR;
            final double p = BlackScholes.price(call[i], spot, strike[i], t, rate, carry, vol[i]);
            final double d = BlackScholes.delta(call[i], spot, strike[i], t, rate, carry, vol[i]);
            final double scale = inverse[i] && spot > 0.0 ? 1.0 / spot : 1.0;
            price[i] = p * scale;
            delta[i] = inverse[i] ? d - price[i] : d;
            gamma[i] = BlackScholes.gamma(spot, strike[i], t, rate, carry, vol[i]) * scale;
            vega[i] = BlackScholes.vega(spot, strike[i], t, rate, carry, vol[i]) * scale;
        }
    }

    public double price(final int slot)
    {
        return price[slot];
    }

    public double delta(final int slot)
    {
        return delta[slot];
    }

    public double totalDelta()
    {
        return total(delta);
    }

    public double totalGamma()
    {
        return total(gamma);
    }

    public double totalVega()
    {
        return total(vega);
    }

    public double totalValue()
    {
        return total(price);
    }

    private double total(final double[] greek)
    {
        double sum = 0.0;
        for (int i = 0; i < size; i++)
        {
            sum += quantity[i] * multiplier[i] * greek[i];
        }
        return sum;
    }

    public void close()
    {
    }
}
