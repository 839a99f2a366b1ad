package io.hedgeflow.gateway.deribit;

/**
 * The price levels of one instrument's book, bids best (highest) first and asks best (lowest) first, at most
 * {@link #MAX_LEVELS} per side (a level worse than all kept is dropped when a side is full). Sizes are in contracts:
 * Deribit's amount (in the size currency) over the contract size, divided once when a level is set rather than at
 * every publication of the book. Garbage-free.
 */
final class DepthBook
{
    static final int MAX_LEVELS = 128;

    final double[] bidPrices = new double[MAX_LEVELS];
    final double[] bidSizes = new double[MAX_LEVELS];
    final double[] askPrices = new double[MAX_LEVELS];
    final double[] askSizes = new double[MAX_LEVELS];
    int bids;
    int asks;
    /** changeId the book is at; {@link #UNSYNCED} until a snapshot set it, or after a change did not follow on. */
    long changeId = UNSYNCED;
    /** True while the messages of one book snapshot are being applied. */
    boolean assembling;

    static final long UNSYNCED = -1;

    void clear()
    {
        bids = 0;
        asks = 0;
    }

    /**
     * Sets the level at a price to amount / contractSize contracts; removes the level when the amount is not
     * positive.
     */
    void set(final boolean bid, final double price, final double amount, final double contractSize)
    {
        if (bid)
        {
            bids = set(bidPrices, bidSizes, bids, price, amount, contractSize, true);
        }
        else
        {
            asks = set(askPrices, askSizes, asks, price, amount, contractSize, false);
        }
    }

    private static int set(
        final double[] prices, final double[] sizes, final int count, final double price, final double amount,
        final double contractSize, final boolean descending)
    {
        int i = 0;
        while (i < count && (descending ? prices[i] > price : prices[i] < price))
        {
            i++;
        }
        final boolean exists = i < count && prices[i] == price;
        if (!(amount > 0.0))
        {
            if (exists)
            {
                System.arraycopy(prices, i + 1, prices, i, count - i - 1);
                System.arraycopy(sizes, i + 1, sizes, i, count - i - 1);
                return count - 1;
            }
            return count;
        }
        if (exists)
        {
            sizes[i] = amount / contractSize;
            return count;
        }
        if (i == MAX_LEVELS)
        {
            return count;
        }
        final int moved = Math.min(count, MAX_LEVELS - 1) - i;
        System.arraycopy(prices, i, prices, i + 1, moved);
        System.arraycopy(sizes, i, sizes, i + 1, moved);
        prices[i] = price;
        sizes[i] = amount / contractSize;
        return Math.min(count + 1, MAX_LEVELS);
    }
}
