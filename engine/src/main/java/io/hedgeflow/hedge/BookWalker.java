package io.hedgeflow.hedge;

/**
 * Expected execution of a market order against one side of an L2 book (prices and sizes, best level first: asks
 * ascending for a buy, bids descending for a sell), assuming the book does not move while the order executes:
 * <pre>
 *   fill level by level until the quantity is done:  average = sum p_i q_i / sum q_i
 *   slippage (bps) = side (average - reference) / reference x 10,000     side = +1 buy, -1 sell
 * </pre>
 * so slippage is a cost when positive. The reference is the caller's: the touch ({@code prices[0]}) for the cost
 * of walking beyond the best level, or the mid for the cost including half the spread. Levels with a non-positive
 * or non-finite size or price are skipped. {@link #maxQuantity} is the largest lot multiple whose slippage stays
 * within a cap. The walker keeps its last result in fields; nothing is allocated.
 */
public final class BookWalker
{
    private static final double BPS = 10_000.0;

    private double filled, averagePrice, slippageBps;
    private boolean complete;

    /**
     * Walks the book for {@code quantity} (its magnitude).
     *
     * @param buy       true to buy (walk the asks), false to sell (walk the bids).
     * @param prices    level prices, best first.
     * @param sizes     level sizes, same units as quantity.
     * @param levels    levels in use.
     * @param quantity  quantity to execute (sign ignored).
     * @param reference reference price (touch or mid), positive.
     * @return true when the book held the whole quantity; the results cover what it held.
     */
    public boolean walk(
        final boolean buy, final double[] prices, final double[] sizes, final int levels, final double quantity,
        final double reference)
    {
        final double want = Math.abs(quantity);
        double done = 0.0, cost = 0.0;
        for (int i = 0; i < levels && done < want; i++)
        {
            if (usable(prices[i], sizes[i]))
            {
                final double rest = want - done;
                final boolean last = sizes[i] >= rest;
                cost += (last ? rest : sizes[i]) * prices[i];
                done = last ? want : done + sizes[i];
            }
        }
        filled = done;
        averagePrice = done > 0.0 ? cost / done : 0.0;
        slippageBps = done > 0.0 && reference > 0.0 ? slippage(buy, averagePrice, reference) : 0.0;
        complete = done >= want && Double.isFinite(want);
        return complete;
    }

    /** Quantity the last walk executed (at most the quantity asked). */
    public double filled()
    {
        return filled;
    }

    /** Average price of the last walk (0 when nothing filled). */
    public double averagePrice()
    {
        return averagePrice;
    }

    /** Slippage of the last walk in basis points of the reference (positive = cost). */
    public double slippageBps()
    {
        return slippageBps;
    }

    /** Whether the last walk found the whole quantity. */
    public boolean complete()
    {
        return complete;
    }

    /**
     * The largest multiple of {@code lot} whose walk has slippage at most {@code capBps} against the reference:
     * whole levels while the running average stays within the limit price L = reference (1 + side cap / 10,000),
     * then the part of the first level that would cross it, e = (L Q - C) / (p - L) for Q taken at cost C, rounded
     * down to the lot and checked with {@link #walk} (when rounding puts it over the cap, the largest lot count that
     * fits is found by bisection).
     * Leaves the walk of the returned quantity as this walker's result.
     *
     * @return the quantity (not negative; 0 if not even one lot fits, or on a non-positive reference or lot).
     */
    public double maxQuantity(
        final boolean buy, final double[] prices, final double[] sizes, final int levels, final double reference,
        final double capBps, final double lot)
    {
        if (!(reference > 0.0) || !(lot > 0.0) || !(capBps >= 0.0))
        {
            walk(buy, prices, sizes, 0, 0.0, reference);
            return 0.0;
        }
        final double side = buy ? 1.0 : -1.0;
        final double limit = side * reference * (1.0 + side * capBps / BPS);
        double q = 0.0, c = 0.0;
        for (int i = 0; i < levels; i++)
        {
            if (!usable(prices[i], sizes[i]))
            {
                continue;
            }
            final double p = side * prices[i];
            final double extra = p <= limit ? sizes[i] : (limit * q - c) / (p - limit);
            if (extra < sizes[i])
            {
                q += Math.max(extra, 0.0);
                break;
            }
            q += sizes[i];
            c += p * sizes[i];
        }
        long lots = (long)Math.floor(q / lot);
        if (lots > 0 && !fits(buy, prices, sizes, levels, lots * lot, reference, capBps))
        {
            long lo = 0;
            while (lots - lo > 1)
            {
                final long mid = (lo + lots) >>> 1;
                if (fits(buy, prices, sizes, levels, mid * lot, reference, capBps))
                {
                    lo = mid;
                }
                else
                {
                    lots = mid;
                }
            }
            lots = lo;
        }
        walk(buy, prices, sizes, levels, lots * lot, reference);
        return lots * lot;
    }

    private boolean fits(
        final boolean buy, final double[] prices, final double[] sizes, final int levels, final double quantity,
        final double reference, final double capBps)
    {
        return walk(buy, prices, sizes, levels, quantity, reference) && slippageBps <= capBps;
    }

    private static boolean usable(final double price, final double size)
    {
        return price > 0.0 && size > 0.0 && Double.isFinite(price) && Double.isFinite(size);
    }

    private static double slippage(final boolean buy, final double average, final double reference)
    {
        return (buy ? average - reference : reference - average) / reference * BPS;
    }
}
