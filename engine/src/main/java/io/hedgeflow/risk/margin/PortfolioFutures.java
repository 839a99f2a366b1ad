package io.hedgeflow.risk.margin;

/**
 * The futures and perpetuals of a portfolio margin book: their P&amp;L under an underlying move m is exact
 * (inverse: size / price x m / (1 + m) coin; linear: size x price x m) and their offsetting coin size,
 * min(long, short), carries the futures contingency. Garbage-free after construction; not thread safe.
 */
final class PortfolioFutures
{
    private final boolean inverse;
    private final double[] size;
    private final double[] price;
    private final long[] expiryNs;
    private int count;
    private double offsetting;

    PortfolioFutures(final int capacity, final boolean inverse)
    {
        this.inverse = inverse;
        size = new double[capacity];
        price = new double[capacity];
        expiryNs = new long[capacity];
    }

    int add(final long expiryNs)
    {
        if (count == size.length)
        {
            throw new IllegalStateException("PortfolioMargin futures full: capacity " + size.length);
        }
        this.expiryNs[count] = expiryNs;
        size[count] = 0.0;
        return count++;
    }

    void set(final int slot, final double size, final double price)
    {
        if (slot < 0 || slot >= count)
        {
            throw new IndexOutOfBoundsException("future " + slot + " of " + count);
        }
        this.size[slot] = size;
        this.price[slot] = price;
    }

    int count()
    {
        return count;
    }

    /**
     * The live futures' P&amp;L factor at nowNs (inverse: coin size, P&amp;L = it x m / (1 + m); linear: size x price,
     * P&amp;L = it x m), keeping their offsetting coin size for {@link #offsetting()}; NaN when a held one has no
     * price (not positive and finite).
     */
    double factor(final long nowNs)
    {
        double factor = 0.0, longCoin = 0.0, shortCoin = 0.0;
        offsetting = Double.NaN;
        for (int i = 0; i < count; i++)
        {
            if (expiryNs[i] <= nowNs || size[i] == 0.0)
            {
                continue;
            }
            final double p = price[i];
            if (!(p > 0.0 && p < Double.POSITIVE_INFINITY))
            {
                return Double.NaN;
            }
            final double coin = inverse ? size[i] / p : size[i];
            factor += inverse ? coin : coin * p;
            longCoin += Math.max(coin, 0.0);
            shortCoin += Math.max(-coin, 0.0);
        }
        offsetting = Math.min(longCoin, shortCoin);
        return factor;
    }

    /** The offsetting coin size, min(long, short), of the last {@link #factor}. */
    double offsetting()
    {
        return offsetting;
    }
}
