package io.hedgeflow.sim;

import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionTickerDecoder;
import io.hedgeflow.codecs.OptionTradeDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.greeks.BlackScholes;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decodes the first frames of a default simulation and checks what a desk would: instrument coverage, contract
 * specifications, marks against Black-Scholes, quotes on ticks around the index, and client flow.
 */
class MarketSimulatorContentTest
{
    private static final int FRAMES = 100_000;

    private final SimContext ctx = new SimContext();
    private final MarketSimulator simulator = new MarketSimulator(ctx);
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final SimFrames frames = new SimFrames();
    private final List<Definition> definitions = new ArrayList<>();

    private record Definition(
        int id, int underlyingId, InstrumentKind kind, Settlement settlement, OptionType type, double contractSize,
        double tick, double lot, double strike, long expiryNs, String symbol)
    {
    }

    @Test
    void shouldDefineBothUnderlyingsWithPerpetualSpotAndOptionBooks()
    {
        readDefinitions();
        for (final int u : new int[]{1, 2})
        {
            assertEquals(1, definitions.stream().filter(d -> d.underlyingId == u && d.kind == InstrumentKind.PERPETUAL)
                .count());
            assertEquals(1, definitions.stream().filter(d -> d.underlyingId == u && d.kind == InstrumentKind.SPOT)
                .count());
            final List<Definition> options = definitions.stream()
                .filter(d -> d.underlyingId == u && d.kind == InstrumentKind.OPTION).toList();
            final long calls = options.stream().filter(d -> d.type == OptionType.CALL).count();
            assertEquals(calls, options.stream().filter(d -> d.type == OptionType.PUT).count());
            assertEquals(ctx.expiryDays().length * ctx.strikesPerExpiry(), calls);
            final TreeSet<Long> expiries = new TreeSet<>();
            options.forEach(d -> expiries.add(d.expiryNs));
            assertEquals(5, expiries.size());
            assertTrue(expiries.first() > ctx.startTimeNs());
            final double spot = u == 1 ? ctx.btcSpot() : ctx.ethSpot();
            for (final long expiry : expiries)
            {
                final List<Definition> chain = options.stream().filter(d -> d.expiryNs == expiry).toList();
                assertTrue(chain.stream().anyMatch(d -> d.strike < 0.95 * spot));
                assertTrue(chain.stream().anyMatch(d -> d.strike > 1.05 * spot));
                final double step = chain.get(2).strike - chain.get(0).strike;
                assertTrue(chain.stream().anyMatch(d -> Math.abs(d.strike - spot) <= step / 2));
            }
        }
        final Definition btcPerp = definitions.get(0);
        assertEquals("BTC-PERPETUAL", btcPerp.symbol);
        assertEquals(Settlement.INVERSE, btcPerp.settlement);
        assertEquals(10.0, btcPerp.contractSize);
        assertEquals(0.5, btcPerp.tick);
        final Definition ethPerp = definitions.get(simulator.universe().perpetualId(2) - 1);
        assertEquals("ETH_USDC-PERPETUAL", ethPerp.symbol);
        assertEquals(Settlement.LINEAR, ethPerp.settlement);
        assertEquals(0.01, ethPerp.contractSize);
        final Definition btcOption = definitions.get(simulator.universe().firstOptionId(1) - 1);
        assertTrue(btcOption.symbol.matches("BTC-12JAN26-\\d+-C"), btcOption.symbol);
        assertEquals(Settlement.INVERSE, btcOption.settlement);
        assertEquals(1.0, btcOption.contractSize);
        final Definition ethOption = definitions.get(simulator.universe().firstOptionId(2) - 1);
        assertTrue(ethOption.symbol.matches("ETH_USDC-12JAN26-\\d+-C"), ethOption.symbol);
        assertEquals(Settlement.LINEAR, ethOption.settlement);
    }

    @Test
    void shouldMarkOptionsWithBlackScholesOnTheLastIndex()
    {
        readDefinitions();
        final double[] index = new double[3];
        int tickers = 0;
        for (int i = definitions.size(); i < FRAMES; i++)
        {
            final int templateId = next();
            if (templateId == IndexPriceDecoder.TEMPLATE_ID)
            {
                index[frames.index.underlyingId()] = frames.index.price() / 1e8;
            }
            else if (templateId == OptionTickerDecoder.TEMPLATE_ID)
            {
                final OptionTickerDecoder ticker = frames.ticker;
                final Definition d = definitions.get(ticker.instrumentId() - 1);
                final double spot = ticker.underlyingPrice() / 1e8;
                final double iv = ticker.markIv() / 1e8;
                assertEquals(index[d.underlyingId], spot, 1e-8);
                assertTrue(iv > 0.2 && iv < 2.0, "iv " + iv);
                assertTrue(ticker.bidIv() < ticker.markIv() && ticker.markIv() < ticker.askIv());
                final double years = (d.expiryNs - FrameHeader.sendingTimeNs(buffer, 0)) / (365 * 86_400e9);
                final boolean call = d.type == OptionType.CALL;
                final double usd = BlackScholes.price(call, spot, d.strike, years, ctx.rate(), 0, iv);
                final double expected = d.settlement == Settlement.INVERSE ? usd / spot : usd;
                assertEquals(expected, ticker.markPrice() / 1e8, 1e-8, d.symbol);
                tickers++;
            }
        }
        assertTrue(tickers > 40_000, "tickers " + tickers);
    }

    @Test
    void shouldQuotePerpetualsAndSpotOnTicksAroundTheIndex()
    {
        readDefinitions();
        final double[] index = new double[3];
        int quotes = 0;
        int books = 0;
        for (int i = definitions.size(); i < FRAMES; i++)
        {
            final int templateId = next();
            if (templateId == IndexPriceDecoder.TEMPLATE_ID)
            {
                index[frames.index.underlyingId()] = frames.index.price() / 1e8;
            }
            else if (templateId == QuoteDecoder.TEMPLATE_ID)
            {
                final QuoteDecoder quote = frames.quote;
                final Definition d = definitions.get(quote.instrumentId() - 1);
                final long tick = Math.round(d.tick * 1e8);
                assertTrue(quote.bidPrice() < quote.askPrice());
                assertEquals(0, quote.bidPrice() % tick);
                assertEquals(0, quote.askPrice() % tick);
                assertTrue(quote.bidSize() > 0 && quote.askSize() > 0);
                final double mid = (quote.bidPrice() + quote.askPrice()) / 2e8;
                final double basis = d.kind == InstrumentKind.PERPETUAL ? ctx.perpBasisBps() * 1e-4 : 0;
                assertEquals(index[d.underlyingId] * (1 + basis), mid, 2 * d.tick + 1e-4 * mid);
                quotes++;
            }
            else if (templateId == BookLevelsDecoder.TEMPLATE_ID)
            {
                assertBookSorted(frames.book);
                books++;
            }
        }
        assertTrue(quotes > 20_000, "quotes " + quotes);
        assertTrue(books > 1_000, "books " + books);
    }

    @Test
    void shouldEmitClientTradesThatBuildALongAndShortBook()
    {
        readDefinitions();
        final double[] position = new double[definitions.size() + 1];
        int buys = 0;
        int sells = 0;
        for (int i = definitions.size(); i < FRAMES; i++)
        {
            if (next() == OptionTradeDecoder.TEMPLATE_ID)
            {
                final OptionTradeDecoder trade = frames.trade;
                final Definition d = definitions.get(trade.instrumentId() - 1);
                assertEquals(InstrumentKind.OPTION, d.kind);
                final double size = Math.abs(trade.quantity() / 1e8);
                final double max = d.underlyingId == 1 ? 5.0 : 25.0;
                assertTrue(size >= d.lot && size <= max, "size " + size);
                assertEquals(0, Math.abs(trade.quantity()) % Math.round(d.lot * 1e8));
                assertTrue(trade.price() > 0);
                position[d.id] += trade.quantity() / 1e8;
                buys += trade.quantity() > 0 ? 1 : 0;
                sells += trade.quantity() < 0 ? 1 : 0;
            }
        }
        assertTrue(buys > 250 && sells > 250, "buys " + buys + " sells " + sells);
        final long longs = definitions.stream().filter(d -> position[d.id] > 0).count();
        final long shorts = definitions.stream().filter(d -> position[d.id] < 0).count();
        assertTrue(longs > 50 && shorts > 50, "long " + longs + " short " + shorts);
    }

    private void assertBookSorted(final BookLevelsDecoder book)
    {
        long lastBid = Long.MAX_VALUE;
        long lastAsk = Long.MIN_VALUE;
        int levels = 0;
        for (final BookLevelsDecoder.LevelsDecoder level : book.levels())
        {
            if (level.side() == Side.BUY)
            {
                assertTrue(level.price() < lastBid);
                lastBid = level.price();
            }
            else
            {
                assertTrue(level.price() > lastAsk);
                lastAsk = level.price();
            }
            assertTrue(level.size() > 0);
            levels++;
        }
        assertEquals(10, levels);
    }

    private void readDefinitions()
    {
        for (int i = 0; i < simulator.universe().count(); i++)
        {
            assertEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, next());
            final InstrumentDefinitionDecoder d = frames.definition;
            definitions.add(new Definition(d.instrumentId(), d.underlyingId(), d.kind(), d.settlement(),
                d.optionType(), d.contractSize() / 1e8, d.tickSize() / 1e8, d.lotSize() / 1e8, d.strike() / 1e8,
                d.expiryNs(), d.symbol()));
        }
    }

    private int next()
    {
        simulator.poll(buffer, 0);
        frames.wrap(buffer, 0);
        return frames.header.templateId();
    }
}
