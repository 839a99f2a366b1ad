package io.hedgeflow.logic;

import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

import static io.hedgeflow.framing.Fixed8.toDouble;

/**
 * The last L2 depth snapshot (BookLevels) of an underlying's hedge instrument, best level first per side, at most
 * {@link #MAX_LEVELS} per side (deeper levels are dropped), for sizing against a slippage cap. Prices in USD,
 * sizes in contracts. Preallocated; a snapshot replaces the previous one.
 */
final class DepthLevels
{
    static final int MAX_LEVELS = 32;

    final double[] bidPrices = new double[MAX_LEVELS];
    final double[] bidSizes = new double[MAX_LEVELS];
    final double[] askPrices = new double[MAX_LEVELS];
    final double[] askSizes = new double[MAX_LEVELS];
    int bids;
    int asks;

    /** True when every level names a side (BUY = bid, SELL = ask); checked before {@link #apply}. */
    static boolean isValid(final BookLevelsDecoder d)
    {
        final BookLevelsDecoder.LevelsDecoder level = d.levels();
        while (level.hasNext())
        {
            final Side side = level.next().side();
            if (side != Side.BUY && side != Side.SELL)
            {
                return false;
            }
        }
        return true;
    }

    /** Replaces the levels with those of d (wrapped afresh by the caller). */
    void apply(final BookLevelsDecoder d)
    {
        bids = 0;
        asks = 0;
        final BookLevelsDecoder.LevelsDecoder level = d.levels();
        while (level.hasNext())
        {
            level.next();
            if (level.side() == Side.BUY && bids < MAX_LEVELS)
            {
                bidPrices[bids] = toDouble(level.price());
                bidSizes[bids++] = toDouble(level.size());
            }
            else if (level.side() == Side.SELL && asks < MAX_LEVELS)
            {
                askPrices[asks] = toDouble(level.price());
                askSizes[asks++] = toDouble(level.size());
            }
        }
    }

    void writeTo(final StateWriter out)
    {
        out.putInt(bids);
        out.putDoubles(bidPrices, bids);
        out.putDoubles(bidSizes, bids);
        out.putInt(asks);
        out.putDoubles(askPrices, asks);
        out.putDoubles(askSizes, asks);
    }

    void readFrom(final StateReader in)
    {
        bids = count(in.getInt());
        in.getDoubles(bidPrices, bids);
        in.getDoubles(bidSizes, bids);
        asks = count(in.getInt());
        in.getDoubles(askPrices, asks);
        in.getDoubles(askSizes, asks);
    }

    private static int count(final int levels)
    {
        if (levels < 0 || levels > MAX_LEVELS)
        {
            throw new IllegalArgumentException("snapshot depth holds " + levels + " levels");
        }
        return levels;
    }
}
