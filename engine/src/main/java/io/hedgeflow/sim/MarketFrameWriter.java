package io.hedgeflow.sim;

import io.hedgeflow.codecs.BookLevelsEncoder;
import io.hedgeflow.codecs.HeartbeatEncoder;
import io.hedgeflow.codecs.IndexPriceEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.OptionTickerEncoder;
import io.hedgeflow.codecs.OptionTradeEncoder;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.FrameEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

/**
 * Encodes the simulator's frames on {@link MarketSimulator#CHANNEL_ID}, numbering them from 1, and remembers the
 * last quote per instrument so that a BookLevels snapshot starts at it. Garbage-free.
 */
final class MarketFrameWriter
{
    static final int HEARTBEAT = 0;
    static final int INDEX = 1;
    static final int PERP_QUOTE = 2;
    static final int SPOT_QUOTE = 3;
    static final int TICKER = 4;
    static final int TRADE = 5;
    static final int BOOK = 6;
    static final int BOOK_DEPTH = 5;
    private static final int MAX_LEVEL_GAP_TICKS = 3;

    private final FrameEncoder frameEncoder = new FrameEncoder();
    private final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder();
    private final HeartbeatEncoder heartbeatEncoder = new HeartbeatEncoder();
    private final IndexPriceEncoder indexEncoder = new IndexPriceEncoder();
    private final QuoteEncoder quoteEncoder = new QuoteEncoder();
    private final OptionTickerEncoder tickerEncoder = new OptionTickerEncoder();
    private final OptionTradeEncoder tradeEncoder = new OptionTradeEncoder();
    private final BookLevelsEncoder bookEncoder = new BookLevelsEncoder();
    private final SimUniverse universe;
    /** The simulated exchange's taker fee rate (takerFeeBps), Fixed8; it rests no orders, so it has no maker fee. */
    private final long takerFee;
    private final long[] lastBid;
    private final long[] lastBidSize;
    private final long[] lastAsk;
    private final long[] lastAskSize;
    private MutableDirectBuffer buffer;
    private int offset;
    private long timeNs;
    private long sequence;

    MarketFrameWriter(final SimUniverse universe, final long takerFee)
    {
        this.universe = universe;
        this.takerFee = takerFee;
        lastBid = new long[universe.count() + 1];
        lastBidSize = new long[universe.count() + 1];
        lastAsk = new long[universe.count() + 1];
        lastAskSize = new long[universe.count() + 1];
    }

    /** Sets where and when the next frame is written. */
    void wrap(final MutableDirectBuffer buffer, final int offset, final long timeNs)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.timeNs = timeNs;
    }

    private void begin(final MessageEncoderFlyweight message)
    {
        frameEncoder.begin(buffer, offset, message, MarketSimulator.CHANNEL_ID, ++sequence, timeNs);
    }

    int definition(final int id)
    {
        begin(definitionEncoder);
        definitionEncoder
            .instrumentId(id)
            .underlyingId(universe.underlyingId(id))
            .kind(universe.kind(id))
            .settlement(universe.settlement(id))
            .optionType(universe.optionType(id))
            .contractSize(universe.contractSize(id))
            .tickSize(universe.tickSize(id))
            .lotSize(universe.lotSize(id))
            .minSize(universe.lotSize(id))
            .strike(universe.strike(id))
            .expiryNs(universe.expiryNs(id))
            .symbol(universe.symbol(id))
            .makerFee(InstrumentDefinitionEncoder.makerFeeNullValue())
            .takerFee(takerFee);
        return frameEncoder.end(definitionEncoder);
    }

    int heartbeat()
    {
        begin(heartbeatEncoder);
        heartbeatEncoder.reserved(0);
        return frameEncoder.end(heartbeatEncoder);
    }

    int index(final int underlyingId, final long price)
    {
        begin(indexEncoder);
        indexEncoder.underlyingId(underlyingId).price(price);
        return frameEncoder.end(indexEncoder);
    }

    int quote(final int id, final long bid, final long bidSize, final long ask, final long askSize)
    {
        lastBid[id] = bid;
        lastBidSize[id] = bidSize;
        lastAsk[id] = ask;
        lastAskSize[id] = askSize;
        begin(quoteEncoder);
        quoteEncoder.instrumentId(id).bidPrice(bid).bidSize(bidSize).askPrice(ask).askSize(askSize);
        return frameEncoder.end(quoteEncoder);
    }

    int ticker(final int id, final long mark, final long markIv, final long bidIv, final long askIv, final long index)
    {
        begin(tickerEncoder);
        tickerEncoder.instrumentId(id).markPrice(mark).markIv(markIv).bidIv(bidIv).askIv(askIv).underlyingPrice(index);
        return frameEncoder.end(tickerEncoder);
    }

    int trade(final int id, final long quantity, final long price)
    {
        begin(tradeEncoder);
        tradeEncoder.instrumentId(id).quantity(quantity).price(price);
        return frameEncoder.end(tradeEncoder);
    }

    /** Depth snapshot: the last quote, then levels 1 to 3 ticks apart with random sizes. */
    int book(final int id, final SimRandom random)
    {
        final long tick = universe.tickSize(id);
        begin(bookEncoder);
        final BookLevelsEncoder.LevelsEncoder levels = bookEncoder.instrumentId(id).levelsCount(2 * BOOK_DEPTH);
        long bid = lastBid[id];
        long ask = lastAsk[id];
        levels.next().side(Side.BUY).price(bid).size(lastBidSize[id]);
        for (int i = 1; i < BOOK_DEPTH; i++)
        {
            bid -= tick * (1 + random.nextInt(MAX_LEVEL_GAP_TICKS));
            levels.next().side(Side.BUY).price(bid).size(randomSize(id, i, random));
        }
        levels.next().side(Side.SELL).price(ask).size(lastAskSize[id]);
        for (int i = 1; i < BOOK_DEPTH; i++)
        {
            ask += tick * (1 + random.nextInt(MAX_LEVEL_GAP_TICKS));
            levels.next().side(Side.SELL).price(ask).size(randomSize(id, i, random));
        }
        return frameEncoder.end(bookEncoder);
    }

    /** Deeper levels are larger on average: 1 to (level + 1) * maxLots lots. */
    private long randomSize(final int id, final int level, final SimRandom random)
    {
        return (1 + random.nextInt((level + 1) * universe.maxLots(id))) * universe.lotSize(id);
    }
}
