package io.hedgeflow.sim;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderEncoder;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.framing.MessageVersions;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimExchangeTest
{
    private static final long T0 = SimContext.DEFAULT_START_TIME_NS + 1_000_000_000L;
    private static final long LATENCY = 200_000L;

    private final UnsafeBuffer in = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final FrameEncoder frameEncoder = new FrameEncoder();
    private final QuoteEncoder quoteEncoder = new QuoteEncoder();
    private final NewOrderEncoder orderEncoder = new NewOrderEncoder();
    private final SimFrames frames = new SimFrames();
    private SimUniverse universe;
    private int btcPerp;
    private int ethPerp;

    private SimExchange exchange(final SimContext ctx)
    {
        return exchange(ctx, ctx, false);
    }

    /**
     * An exchange configured by ctx that learns the instruments of a simulator configured by market, as written or
     * with the fees cut off as a schema version-2 writer would have sent them.
     */
    private SimExchange exchange(final SimContext ctx, final SimContext market, final boolean versionTwo)
    {
        final MarketSimulator simulator = new MarketSimulator(market);
        final SimExchange exchange = new SimExchange(ctx);
        universe = simulator.universe();
        btcPerp = universe.perpetualId(1);
        ethPerp = universe.perpetualId(2);
        for (int i = 0; i < universe.count(); i++)
        {
            final int length = simulator.poll(in, 0);
            exchange.onMarketFrame(in, 0, versionTwo ? versionTwo(length) : length);
        }
        return exchange;
    }

    @Test
    void shouldFillABuyAtTheAskAfterTheLatencyAndNotBefore()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY));
        quote(exchange, btcPerp, 94_999.5, 95_000.0);
        assertTrue(order(exchange, 11, btcPerp, Side.BUY, 1_000, 95_100.0, T0));
        assertEquals(0, exchange.poll(T0 + LATENCY - 1, out, 0));
        quote(exchange, btcPerp, 95_000.5, 95_001.0);
        final int length = exchange.poll(T0 + LATENCY + 5_000, out, 0);
        assertTrue(length > 0);
        final ExecutionReportDecoder report = report(length);
        assertEquals(T0 + LATENCY, FrameHeader.sendingTimeNs(out, 0));
        assertEquals(SimExchange.CHANNEL_ID, FrameHeader.channelId(out, 0));
        assertEquals(1, FrameHeader.sequence(out, 0));
        assertEquals(11, report.orderId());
        assertEquals(btcPerp, report.instrumentId());
        assertEquals(Side.BUY, report.side());
        assertEquals(ExecType.FILL, report.execType());
        assertEquals(Fixed8.fromDouble(1_000), report.lastQty());
        assertEquals(Fixed8.fromDouble(95_001.0), report.lastPrice());
        assertEquals(0, report.leavesQty());
        assertEquals(0, exchange.poll(Long.MAX_VALUE, out, 0));
    }

    @Test
    void shouldFillASellAtTheBid()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY));
        quote(exchange, ethPerp, 3_299.95, 3_300.0);
        order(exchange, 12, ethPerp, Side.SELL, 100, 3_299.0, T0);
        final ExecutionReportDecoder report = report(exchange.poll(T0 + LATENCY, out, 0));
        assertEquals(ExecType.FILL, report.execType());
        assertEquals(Side.SELL, report.side());
        assertEquals(Fixed8.fromDouble(3_299.95), report.lastPrice());
        assertEquals(Fixed8.fromDouble(100), report.lastQty());
    }

    @Test
    void shouldRejectANonMarketableLimit()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY));
        quote(exchange, btcPerp, 94_999.5, 95_000.0);
        order(exchange, 13, btcPerp, Side.BUY, 10, 94_999.5, T0);
        order(exchange, 14, btcPerp, Side.SELL, 10, 95_000.0, T0);
        for (final long orderId : new long[]{13, 14})
        {
            final ExecutionReportDecoder report = report(exchange.poll(T0 + LATENCY, out, 0));
            assertEquals(orderId, report.orderId());
            assertEquals(ExecType.REJECTED, report.execType());
            assertEquals(0, report.lastQty());
            assertEquals(0, report.fee());
        }
    }

    @Test
    void shouldRejectWithoutAQuoteOrForAnUnknownInstrument()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY));
        order(exchange, 15, btcPerp, Side.BUY, 10, 1e6, T0);
        order(exchange, 16, 999_999, Side.BUY, 10, 1e6, T0);
        order(exchange, 17, -1, Side.SELL, 10, 0, T0);
        for (int i = 0; i < 3; i++)
        {
            assertEquals(ExecType.REJECTED, report(exchange.poll(T0 + LATENCY, out, 0)).execType());
        }
    }

    @Test
    void shouldChargeTakerFeesInTheSettlementCurrency()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY).takerFeeBps(5.0));
        final int btcOption = universe.firstOptionId(1);
        quote(exchange, btcPerp, 99_999.5, 100_000.0);
        quote(exchange, ethPerp, 3_999.95, 4_000.0);
        quote(exchange, btcOption, 0.0195, 0.02);
        order(exchange, 1, btcPerp, Side.BUY, 1_000, 100_000.0, T0);
        order(exchange, 2, ethPerp, Side.BUY, 500, 4_000.0, T0);
        order(exchange, 3, btcOption, Side.BUY, 2.5, 0.03, T0);
        // inverse perpetual: 1000 contracts x 10 USD / 100000 = 0.1 BTC notional; 5 bps = 0.00005 BTC
        assertEquals(Fixed8.fromDouble(0.00005), report(exchange.poll(T0 + LATENCY, out, 0)).fee());
        // linear perpetual: 500 contracts x 0.01 ETH x 4000 = 20000 USD notional; 5 bps = 10 USD
        assertEquals(Fixed8.fromDouble(10.0), report(exchange.poll(T0 + LATENCY, out, 0)).fee());
        // inverse option: 2.5 contracts x 1 BTC x 0.02 BTC = 0.05 BTC premium; 5 bps = 0.000025 BTC
        assertEquals(Fixed8.fromDouble(0.000025), report(exchange.poll(T0 + LATENCY, out, 0)).fee());
    }

    @Test
    void shouldChargeTheInstrumentsOwnTakerFeeWhenItsDefinitionGivesOne()
    {
        final SimExchange exchange =
            exchange(new SimContext().latencyNs(LATENCY).takerFeeBps(5.0), new SimContext().takerFeeBps(2.0), false);
        quote(exchange, btcPerp, 99_999.5, 100_000.0);
        order(exchange, 1, btcPerp, Side.BUY, 1_000, 100_000.0, T0);
        // 0.1 BTC notional at the definition's 2 bps, not the configured 5
        assertEquals(Fixed8.fromDouble(0.00002), report(exchange.poll(T0 + LATENCY, out, 0)).fee());
    }

    @Test
    void shouldChargeTheConfiguredFeeForDefinitionsOfSchemaVersionTwo()
    {
        final SimExchange exchange =
            exchange(new SimContext().latencyNs(LATENCY).takerFeeBps(5.0), new SimContext().takerFeeBps(2.0), true);
        quote(exchange, btcPerp, 99_999.5, 100_000.0);
        order(exchange, 1, btcPerp, Side.BUY, 1_000, 100_000.0, T0);
        assertEquals(Fixed8.fromDouble(0.00005), report(exchange.poll(T0 + LATENCY, out, 0)).fee());
    }

    /** The definition frame in the buffer as a version-2 writer sent it: its shorter block, without the fees. */
    private int versionTwo(final int length)
    {
        final int block = MessageVersions.blockLength(InstrumentDefinitionDecoder.class, 2);
        final int cut = InstrumentDefinitionDecoder.BLOCK_LENGTH - block;
        in.putShort(FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.blockLengthEncodingOffset(), (short)block,
            ByteOrder.LITTLE_ENDIAN);
        in.putShort(FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.versionEncodingOffset(), (short)2,
            ByteOrder.LITTLE_ENDIAN);
        FrameHeader.frameLength(in, 0, length - cut);
        return length - cut;
    }

    @Test
    void shouldReportInArrivalOrderWithContiguousSequences()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY));
        quote(exchange, btcPerp, 94_999.5, 95_000.0);
        for (int i = 0; i < 5; i++)
        {
            order(exchange, 100 + i, btcPerp, Side.BUY, 1, 95_000.0, T0 + i * 10);
        }
        assertEquals(5, exchange.pendingCount());
        for (int i = 0; i < 5; i++)
        {
            final ExecutionReportDecoder report = report(exchange.poll(T0 + LATENCY + 40, out, 0));
            assertEquals(100 + i, report.orderId());
            assertEquals(i + 1, FrameHeader.sequence(out, 0));
            assertEquals(T0 + LATENCY + i * 10, FrameHeader.sendingTimeNs(out, 0));
        }
        assertEquals(0, exchange.pendingCount());
    }

    @Test
    void shouldNotReportAnOrderStampedEarlierBeforeItsPredecessor()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY));
        quote(exchange, btcPerp, 94_999.5, 95_000.0);
        order(exchange, 1, btcPerp, Side.BUY, 1, 95_000.0, T0 + 100);
        order(exchange, 2, btcPerp, Side.BUY, 1, 95_000.0, T0);
        assertEquals(0, exchange.poll(T0 + LATENCY + 99, out, 0));
        assertEquals(1, report(exchange.poll(T0 + LATENCY + 100, out, 0)).orderId());
        assertEquals(2, report(exchange.poll(T0 + LATENCY + 100, out, 0)).orderId());
        assertEquals(T0 + LATENCY + 100, FrameHeader.sendingTimeNs(out, 0));
    }

    @Test
    void shouldRejectOrdersBeyondCapacityAndDropOnlyWhenRejectsAreFullToo()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY).orderCapacity(2));
        quote(exchange, btcPerp, 94_999.5, 95_000.0);
        for (int i = 0; i < 4; i++)
        {
            assertTrue(order(exchange, i, btcPerp, Side.BUY, 1, 95_000.0, T0), "order " + i);
        }
        assertFalse(order(exchange, 4, btcPerp, Side.BUY, 1, 95_000.0, T0));
        assertEquals(1, exchange.droppedOrderCount());
        final ExecType[] expected = {ExecType.FILL, ExecType.FILL, ExecType.REJECTED, ExecType.REJECTED};
        for (int i = 0; i < 4; i++)
        {
            final ExecutionReportDecoder report = report(exchange.poll(T0 + LATENCY, out, 0));
            assertEquals(i, report.orderId());
            assertEquals(expected[i], report.execType());
        }
        assertEquals(0, exchange.poll(T0 + LATENCY, out, 0));
        assertTrue(order(exchange, 5, btcPerp, Side.BUY, 1, 95_000.0, T0 + 1));
        assertEquals(ExecType.FILL, report(exchange.poll(T0 + LATENCY + 1, out, 0)).execType());
    }

    @Test
    void shouldRefuseAFrameThatIsNotANewOrder()
    {
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY));
        final int length = quote(exchange, btcPerp, 1.0, 2.0);
        assertThrows(IllegalArgumentException.class, () -> exchange.onOrder(in, 0, length));
    }

    @Test
    void shouldNotAllocatePerOrder()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final SimExchange exchange = exchange(new SimContext().latencyNs(LATENCY));
        quote(exchange, btcPerp, 94_999.5, 95_000.0);
        final int orders = 100_000;
        roundTrips(exchange, orders, T0);
        final long before = threads.getCurrentThreadAllocatedBytes();
        final long filled = roundTrips(exchange, orders, T0 + orders);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(orders, filled);
        assertTrue(allocated < 1024, "bytes allocated over " + orders + " orders: " + allocated);
    }

    private long roundTrips(final SimExchange exchange, final int orders, final long startNs)
    {
        long filled = 0;
        for (int i = 0; i < orders; i++)
        {
            order(exchange, i, btcPerp, (i & 1) == 0 ? Side.BUY : Side.SELL, 1, (i & 1) == 0 ? 1e6 : 1.0, startNs + i);
            if (exchange.poll(startNs + i + LATENCY, out, 0) > 0)
            {
                frames.wrap(out, 0);
                filled += frames.report.execType() == ExecType.FILL ? 1 : 0;
            }
        }
        while (exchange.poll(Long.MAX_VALUE, out, 0) > 0)
        {
            frames.wrap(out, 0);
            filled += frames.report.execType() == ExecType.FILL ? 1 : 0;
        }
        return filled;
    }

    private int quote(final SimExchange exchange, final int id, final double bid, final double ask)
    {
        frameEncoder.begin(in, 0, quoteEncoder, MarketSimulator.CHANNEL_ID, 1, T0);
        quoteEncoder.instrumentId(id).bidPrice(Fixed8.fromDouble(bid)).bidSize(Fixed8.ONE)
            .askPrice(Fixed8.fromDouble(ask)).askSize(Fixed8.ONE);
        final int length = frameEncoder.end(quoteEncoder);
        exchange.onMarketFrame(in, 0, length);
        return length;
    }

    private boolean order(
        final SimExchange exchange,
        final long orderId,
        final int id,
        final Side side,
        final double quantity,
        final double limit,
        final long timeNs)
    {
        frameEncoder.begin(in, 0, orderEncoder, 3, orderId + 1, timeNs);
        orderEncoder.orderId(orderId).instrumentId(id).side(side).quantity(Fixed8.fromDouble(quantity))
            .limitPrice(Fixed8.fromDouble(limit)).triggerSequence(0);
        return exchange.onOrder(in, 0, frameEncoder.end(orderEncoder));
    }

    private ExecutionReportDecoder report(final int length)
    {
        assertTrue(length > 0, "no report");
        assertEquals(length, FrameHeader.frameLength(out, 0));
        assertEquals(length, frames.decodedFrameLength(out, 0));
        frames.wrap(out, 0);
        return frames.report;
    }
}
