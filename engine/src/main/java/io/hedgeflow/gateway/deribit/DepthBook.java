package io.hedgeflow.gateway.deribit;

import io.hedgeflow.framing.Fixed8;

/**
 * The price levels of one instrument's book, bids best (highest) first and asks best (lowest) first, at most
 * {@link #MAX_LEVELS} per side (a level worse than all kept is dropped when a side is full). Each level keeps its
 * Deribit price (for ordering) and, as the Fixed8 mantissas a BookLevels frame carries, its price and its size in
 * contracts (Deribit's amount, in the size currency, over the contract size): converted once when a level is set
 * rather than at every publication of the book. Garbage-free.
 */
final class DepthBook
{
    static final int MAX_LEVELS = 128;

    final Levels bids = new Levels(true);
    final Levels asks = new Levels(false);
    /** changeId the book is at; {@link #UNSYNCED} until a snapshot set it, or after a change did not follow on. */
    long changeId = UNSYNCED;
    /** True while the messages of one book snapshot are being applied. */
    boolean assembling;

    static final long UNSYNCED = -1;

    void clear()
    {
        bids.count = 0;
        asks.count = 0;
    }

    /**
     * Sets the level at a price to amount / contractSize contracts; removes the level when the amount is not
     * positive.
     */
    void set(final boolean bid, final double price, final double amount, final double contractSize)
    {
        (bid ? bids : asks).set(price, amount, contractSize);
    }

    /** One side of the book: {@link #count} levels, best first. */
    static final class Levels
    {
        final double[] prices = new double[MAX_LEVELS];
        final long[] wirePrices = new long[MAX_LEVELS];
        final long[] wireSizes = new long[MAX_LEVELS];
        private final boolean descending;
        int count;

        Levels(final boolean descending)
        {
            this.descending = descending;
        }

        private void set(final double price, final double amount, final double contractSize)
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
                    move(i + 1, i, count - i - 1);
                    count--;
                }
                return;
            }
            if (!exists)
            {
                if (i == MAX_LEVELS)
                {
                    return;
                }
                move(i, i + 1, Math.min(count, MAX_LEVELS - 1) - i);
                prices[i] = price;
                wirePrices[i] = Fixed8.fromDouble(price);
                count = Math.min(count + 1, MAX_LEVELS);
            }
            wireSizes[i] = Fixed8.fromDouble(amount / contractSize);
        }

        private void move(final int from, final int to, final int levels)
        {
            System.arraycopy(prices, from, prices, to, levels);
            System.arraycopy(wirePrices, from, wirePrices, to, levels);
            System.arraycopy(wireSizes, from, wireSizes, to, levels);
        }
    }
}
