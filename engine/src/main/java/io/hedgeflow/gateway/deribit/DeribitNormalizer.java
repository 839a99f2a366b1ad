package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.BookLevelsEncoder;
import io.hedgeflow.codecs.IndexPriceEncoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionTickerEncoder;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.codecs.TradeEncoder;
import io.hedgeflow.deribit.codecs.BookChange;
import io.hedgeflow.deribit.codecs.BookDecoder;
import io.hedgeflow.deribit.codecs.BookSide;
import io.hedgeflow.deribit.codecs.ComboLegsDecoder;
import io.hedgeflow.deribit.codecs.Direction;
import io.hedgeflow.deribit.codecs.InstrumentDecoder;
import io.hedgeflow.deribit.codecs.InstrumentV2Decoder;
import io.hedgeflow.deribit.codecs.PriceIndexDecoder;
import io.hedgeflow.deribit.codecs.RfqDecoder;
import io.hedgeflow.deribit.codecs.SnapshotDecoder;
import io.hedgeflow.deribit.codecs.TickerDecoder;
import io.hedgeflow.deribit.codecs.TradesDecoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.logic.LogicContext;

/**
 * Deribit messages into the engine's frames ({@link FrameOutput}), so that HedgeLogic runs unchanged and the
 * journal holds what it saw. See docs/deribit.md for the rules; in short:
 * <ul>
 *   <li>instruments: {@link InstrumentDefiner}; a message about an instrument not defined to the engine is
 *   dropped (the logic would reject it, which it counts as a lost frame);</li>
 *   <li>ticker: a Quote when both sides are present; for an option an OptionTicker with the mark, the implied
 *   volatility solved from it ({@link MarkVolatility}) and the forward, only when the volatility exists;</li>
 *   <li>price index coin_usd: IndexPrice of the coin; book changes and book snapshots of delta-one instruments:
 *   BookLevels (best {@link #BOOK_DEPTH} levels per side); trades: Trade (public prints, not our book's flow);</li>
 *   <li>snapshot-cycle tickers and books apply only to a STALE channel or an instrument without data yet (a
 *   snapshot is older than the live data of a healthy channel);</li>
 *   <li>a gap leaves a hole in the engine channel's numbering (the logic marks it STALE); a recovered channel
 *   gets a ChannelReset.</li>
 * </ul>
 * Logic time: the packet's capture time, or for a live socket the exchange timestamps of the messages.
 */
final class DeribitNormalizer implements DeribitListener
{
    static final int BOOK_DEPTH = 10;
    private static final long NS_PER_MS = 1_000_000L;

    private final DeribitInstruments instruments;
    private final FrameOutput output;
    private final InstrumentDefiner definer;
    private final MarkVolatility volatility;
    private final FeedCounters counters;
    private final boolean[] stale = new boolean[DeribitAdapter.MAX_CHANNELS];
    private final QuoteEncoder quote = new QuoteEncoder();
    private final OptionTickerEncoder optionTicker = new OptionTickerEncoder();
    private final IndexPriceEncoder indexPrice = new IndexPriceEncoder();
    private final BookLevelsEncoder bookLevels = new BookLevelsEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final DeribitUnderlyings underlyings;
    private boolean exchangeTime;

    DeribitNormalizer(final DeribitUnderlyings underlyings, final FrameOutput output, final FeedCounters counters,
        final LogicContext limits)
    {
        this.underlyings = underlyings;
        this.instruments = new DeribitInstruments(underlyings);
        this.output = output;
        this.counters = counters;
        this.definer = new InstrumentDefiner(instruments, underlyings, output, limits, counters);
        this.volatility = new MarkVolatility(instruments);
    }

    DeribitInstruments instruments()
    {
        return instruments;
    }

    public void onPacket(final long timeNs)
    {
        exchangeTime = timeNs == 0;
        output.time(timeNs);
    }

    private void exchangeTime(final long timestampMs)
    {
        if (exchangeTime)
        {
            output.time(timestampMs * NS_PER_MS);
        }
    }

    public void onInstrument(final int channel, final boolean snapshot, final InstrumentDecoder instrument)
    {
        definer.onInstrument(channel, instrument);
    }

    public void onInstrumentV2(final int channel, final boolean snapshot, final InstrumentV2Decoder instrument)
    {
        definer.onInstrument(channel, instrument);
    }

    /** Slot of a normalized instrument, or MISSING. */
    private int normalized(final long instrumentId)
    {
        final int slot = instruments.slotOf((int)instrumentId);
        return slot != DeribitInstruments.MISSING && instruments.normalized[slot] ? slot : DeribitInstruments.MISSING;
    }

    public void onTicker(final int channel, final boolean snapshot, final TickerDecoder d)
    {
        final int slot = normalized(d.instrumentId());
        if (slot == DeribitInstruments.MISSING || (snapshot && !stale[channel] && instruments.ticked[slot]))
        {
            return;
        }
        final long timestampMs = d.timestampMs();
        exchangeTime(timestampMs);
        instruments.ticked[slot] = true;
        instruments.mark[slot] = d.markPrice();
        final long bid = Fixed8.fromDouble(d.bestBidPrice());
        final long ask = Fixed8.fromDouble(d.bestAskPrice());
        if (bid > 0L && ask >= bid)
        {
            final double size = instruments.contractSize[slot];
            quote.wrap(output.buffer(), output.begin(QuoteEncoder.BLOCK_LENGTH, QuoteEncoder.TEMPLATE_ID, channel))
                .instrumentId(instruments.instrumentId[slot])
                .bidPrice(bid).bidSize(Fixed8.fromDouble(d.bestBidAmount() / size))
                .askPrice(ask).askSize(Fixed8.fromDouble(d.bestAskAmount() / size));
            output.end(quote.encodedLength());
        }
        if (instruments.kind[slot] == InstrumentKind.OPTION)
        {
            onOptionMark(channel, slot, timestampMs * NS_PER_MS);
        }
    }

    private void onOptionMark(final int channel, final int slot, final long timeNs)
    {
        final int result = volatility.solve(slot, timeNs);
        if (result == MarkVolatility.NO_IV)
        {
            counters.noIv++;
        }
        else if (result == MarkVolatility.SOLVED)
        {
            optionTicker.wrap(output.buffer(),
                output.begin(OptionTickerEncoder.BLOCK_LENGTH, OptionTickerEncoder.TEMPLATE_ID, channel))
                .instrumentId(instruments.instrumentId[slot])
                .markPrice(Fixed8.fromDouble(instruments.mark[slot]))
                .markIv(volatility.ivOnWire())
                .bidIv(0L)
                .askIv(0L)
                .underlyingPrice(Fixed8.fromDouble(instruments.forward[slot]));
            output.end(optionTicker.encodedLength());
        }
    }

    public void onPriceIndex(final int channel, final PriceIndexDecoder d)
    {
        long coin = 0;
        int i = 0;
        for (; i < PriceIndexDecoder.indexNameLength() && d.indexName(i) != '_' && d.indexName(i) != 0; i++)
        {
            coin = DeribitUnderlyings.append(coin, d.indexName(i));
        }
        final int id = underlyings.id(coin);
        final boolean usd = i + 4 <= PriceIndexDecoder.indexNameLength() && d.indexName(i) == '_' &&
            d.indexName(i + 1) == 'u' && d.indexName(i + 2) == 's' && d.indexName(i + 3) == 'd' &&
            (i + 4 == PriceIndexDecoder.indexNameLength() || d.indexName(i + 4) == 0);
        final double price = d.price();
        if (!usd || id == DeribitUnderlyings.MISSING || id >= DeribitInstruments.MAX_UNDERLYING_ID ||
            Fixed8.fromDouble(price) <= 0L)
        {
            return;
        }
        exchangeTime(d.timestampMs());
        instruments.index[id] = price;
        if (instruments.underlyingDefined[id])
        {
            indexPrice.wrap(output.buffer(),
                output.begin(IndexPriceEncoder.BLOCK_LENGTH, IndexPriceEncoder.TEMPLATE_ID, channel))
                .underlyingId(id).price(Fixed8.fromDouble(price));
            output.end(indexPrice.encodedLength());
        }
    }

    public void onBook(final int channel, final BookDecoder d)
    {
        final int slot = normalized(d.instrumentId());
        final DepthBook book = slot == DeribitInstruments.MISSING ? null : instruments.books[slot];
        if (book == null)
        {
            return;
        }
        final long changeId = d.changeId();
        if (book.changeId == DepthBook.UNSYNCED ||
            (d.prevChangeId() != book.changeId && changeId != book.changeId))
        {
            book.changeId = DepthBook.UNSYNCED;
            return;
        }
        exchangeTime(d.timestampMs());
        final double size = instruments.contractSize[slot];
        final BookDecoder.ChangesListDecoder changes = d.changesList();
        while (changes.hasNext())
        {
            changes.next();
            final boolean deleted = changes.changeRaw() == BookChange.deleted.value();
            book.set(changes.sideRaw() == BookSide.bid.value(), changes.price(), deleted ? 0.0 : changes.amount(),
                size);
        }
        book.changeId = changeId;
        if (d.isLastRaw() != io.hedgeflow.deribit.codecs.YesNo.no.value())
        {
            publishBook(channel, slot, book);
        }
    }

    public void onSnapshot(final int channel, final SnapshotDecoder d)
    {
        final int slot = normalized(d.instrumentId());
        final DepthBook book = slot == DeribitInstruments.MISSING ? null : instruments.books[slot];
        if (book == null || (!stale[channel] && book.changeId != DepthBook.UNSYNCED && !book.assembling))
        {
            return;
        }
        exchangeTime(d.timestampMs());
        if (!book.assembling)
        {
            book.clear();
            book.assembling = true;
        }
        final double size = instruments.contractSize[slot];
        final SnapshotDecoder.LevelsListDecoder levels = d.levelsList();
        while (levels.hasNext())
        {
            levels.next();
            book.set(levels.sideRaw() == BookSide.bid.value(), levels.price(), levels.amount(), size);
        }
        if (d.isLastInBookRaw() != io.hedgeflow.deribit.codecs.YesNo.no.value())
        {
            book.assembling = false;
            book.changeId = d.changeId();
            publishBook(channel, slot, book);
        }
    }

    private void publishBook(final int channel, final int slot, final DepthBook book)
    {
        final int bids = Math.min(book.bids.count, BOOK_DEPTH);
        final int asks = Math.min(book.asks.count, BOOK_DEPTH);
        final BookLevelsEncoder.LevelsEncoder levels = bookLevels.wrap(output.buffer(),
            output.begin(BookLevelsEncoder.BLOCK_LENGTH, BookLevelsEncoder.TEMPLATE_ID, channel))
            .instrumentId(instruments.instrumentId[slot]).levelsCount(bids + asks);
        for (int i = 0; i < bids; i++)
        {
            levels.next().side(Side.BUY).price(book.bids.wirePrices[i]).size(book.bids.wireSizes[i]);
        }
        for (int i = 0; i < asks; i++)
        {
            levels.next().side(Side.SELL).price(book.asks.wirePrices[i]).size(book.asks.wireSizes[i]);
        }
        output.end(bookLevels.encodedLength());
    }

    public void onTrades(final int channel, final TradesDecoder d)
    {
        final int slot = normalized(d.instrumentId());
        if (slot == DeribitInstruments.MISSING)
        {
            return;
        }
        final TradesDecoder.TradesListDecoder trades = d.tradesList();
        while (trades.hasNext())
        {
            trades.next();
            final short direction = trades.directionRaw();
            if (direction != Direction.buy.value() && direction != Direction.sell.value())
            {
                continue;
            }
            exchangeTime(trades.timestampMs());
            trade.wrap(output.buffer(), output.begin(TradeEncoder.BLOCK_LENGTH, TradeEncoder.TEMPLATE_ID, channel))
                .instrumentId(instruments.instrumentId[slot])
                .price(Fixed8.fromDouble(trades.price()))
                .size(Fixed8.fromDouble(trades.amount() / instruments.contractSize[slot]))
                .aggressorSide(direction == Direction.buy.value() ? Side.BUY : Side.SELL);
            output.end(trade.encodedLength());
        }
    }

    public void onComboLegs(final int channel, final boolean snapshot, final ComboLegsDecoder legs)
    {
        // combos are decoded and counted, not hedged (docs/deribit.md)
    }

    public void onRfq(final int channel, final RfqDecoder rfq)
    {
        // RFQs are decoded and counted; the engine does not quote them
    }

    public void onChannelStale(final int channel)
    {
        stale[channel] = true;
        output.hole(channel);
    }

    public void onChannelRecovered(final int channel)
    {
        stale[channel] = false;
        output.reset(channel);
    }
}
