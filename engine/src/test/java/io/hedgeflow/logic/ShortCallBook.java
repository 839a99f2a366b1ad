package io.hedgeflow.logic;

import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;

import java.util.function.IntUnaryOperator;

/**
 * The book the policy tests start from: ETH with a linear perpetual (lot 0.01 ETH), one 30-day call struck at the
 * spot, their quote, mark and index, then written calls.
 */
final class ShortCallBook
{
    static final int ETH = 2;
    static final int PERP = 20;
    static final int CALL = 200;
    static final double SPOT = 3000.0;
    static final double LOT_DELTA = 0.01;
    static final long EXPIRY = TestFrames.T0 + 30L * 86_400_000_000_000L;

    private ShortCallBook()
    {
    }

    /**
     * Writes the book's frames with frames and hands each to feed (frame length in, output length out).
     *
     * @return the output length of the last frame, the option trade that writes the calls.
     */
    static int open(final TestFrames frames, final IntUnaryOperator feed, final double calls)
    {
        feed.applyAsInt(frames.perpetual(PERP, ETH, Settlement.LINEAR, LOT_DELTA, 0.05));
        feed.applyAsInt(frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, SPOT, EXPIRY));
        feed.applyAsInt(frames.quote(PERP, SPOT - 0.5, SPOT + 0.5));
        feed.applyAsInt(frames.ticker(CALL, 0.6, SPOT));
        feed.applyAsInt(frames.index(ETH, SPOT));
        return feed.applyAsInt(frames.optionTrade(CALL, -calls, 200.0));
    }
}
