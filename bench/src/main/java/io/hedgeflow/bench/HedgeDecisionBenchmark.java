package io.hedgeflow.bench;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportEncoder;
import io.hedgeflow.codecs.IndexPriceEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionTickerEncoder;
import io.hedgeflow.codecs.OptionTradeEncoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.logic.PolicyType;
import io.hedgeflow.risk.LimitsContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One hedge decision per policy through {@link HedgeLogic}: a BTC book of {@code options} inverse calls (short,
 * four expiries) hedged with the inverse perpetual. One op = an IndexPrice frame that moves the index by 4%
 * (alternately up and down, so every policy's trigger is crossed: Greeks recomputed by the vector kernel, the
 * policy's band, sizing, pre-trade risk, HedgeDecision and NewOrder encoded) plus the ExecutionReport that fills
 * the order (settling it, so the next op starts from a hedged book). Both frames are encoded (and checksummed) in
 * the op, as a feed would deliver them. NONE is the baseline: the same index frames, no decision and no fill, and
 * no Greeks either (the logic computes them when a policy reads them). The trial fails unless every op of a policy
 * produced exactly one order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HedgeDecisionBenchmark
{
    private static final int BTC = 1;
    private static final int PERP = 10;
    private static final int FIRST_OPTION = 100;
    private static final double SPOT = 95_000.0;
    private static final long T0 = 1_767_571_200_000_000_000L;
    private static final long DAY_NS = 86_400_000_000_000L;
    private static final int MARKET = 1;
    private static final int EXECUTIONS = 2;

    @Param({"NONE", "TIME_INTERVAL", "FIXED_BAND", "GAMMA_BAND", "WHALLEY_WILMOTT", "ZAKAMOULINE"})
    public PolicyType policy;

    /** Leland-adjusted volatility on the policy ({@code -p leland=true}). */
    @Param({"false"})
    public boolean leland;

    @Param({"40"})
    public int options;

    private final UnsafeBuffer in = new UnsafeBuffer(ByteBuffer.allocateDirect(FrameHeader.MAX_FRAME_LENGTH));
    private final UnsafeBuffer out = new UnsafeBuffer(ByteBuffer.allocateDirect(HedgeLogic.MAX_OUTPUT_LENGTH));
    private final FrameEncoder frame = new FrameEncoder();
    private final IndexPriceEncoder index = new IndexPriceEncoder();
    private final ExecutionReportEncoder execution = new ExecutionReportEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private final long[] sequence = new long[3];
    private HedgeLogic logic;
    private long timeNs = T0;
    private long ring;
    private long ops;
    private long ordersBefore;

    @Setup(Level.Trial)
    public void setUp()
    {
        final PolicyContext p = new PolicyContext().type(policy).trigger().bandUnderlying(0.5).trigger().intervalNs(1L)
            .delta().leland(leland);
        logic = new HedgeLogic(new LogicContext().rate(0.03).policy(p).limits(limits())
            .pnlSampleIntervalNs(Long.MAX_VALUE / 4));
        define(new InstrumentDefinitionEncoder(), new QuoteEncoder(), new OptionTickerEncoder());
        final OptionTradeEncoder trade = new OptionTradeEncoder();
        for (int k = 0; k < options; k++)
        {
            begin(trade, MARKET);
            trade.instrumentId(FIRST_OPTION + k).quantity(Fixed8.fromDouble(-10.0)).price(Fixed8.fromDouble(0.05));
            feed(frame.end(trade));
            fill();
        }
        ordersBefore = logic.counters().orders();
        ops = 0;
    }

    private static LimitsContext limits()
    {
        return new LimitsContext().maxOrderQuantity(1e9).maxOrderNotionalUsd(1e12).priceCollarBps(1_000)
            .maxPositionContracts(1e12).orderRatePerSecond(1e6).orderBurst(1e6).duplicateWindowNs(1)
            .circuitBreakerRejects(1_000_000).maxDrawdownUsd(1e15);
    }

    private void define(final InstrumentDefinitionEncoder d, final QuoteEncoder quote, final OptionTickerEncoder ticker)
    {
        begin(d, MARKET);
        d.instrumentId(PERP).underlyingId(BTC).kind(InstrumentKind.PERPETUAL).settlement(Settlement.INVERSE)
            .optionType(OptionType.NONE).contractSize(Fixed8.fromDouble(10)).tickSize(Fixed8.fromDouble(0.5))
            .lotSize(Fixed8.ONE).minSize(Fixed8.ONE).strike(0).expiryNs(0).symbol("BTC-PERPETUAL")
            .makerFee(0).takerFee(Fixed8.fromDouble(0.0005));
        feed(frame.end(d));
        begin(quote, MARKET);
        quote.instrumentId(PERP).bidPrice(Fixed8.fromDouble(SPOT - 0.5)).bidSize(Fixed8.fromDouble(1e6))
            .askPrice(Fixed8.fromDouble(SPOT + 0.5)).askSize(Fixed8.fromDouble(1e6));
        feed(frame.end(quote));
        for (int k = 0; k < options; k++)
        {
            begin(d, MARKET);
            d.instrumentId(FIRST_OPTION + k).underlyingId(BTC).kind(InstrumentKind.OPTION)
                .settlement(Settlement.INVERSE).optionType(OptionType.CALL).contractSize(Fixed8.ONE)
                .tickSize(Fixed8.fromDouble(0.0001)).lotSize(Fixed8.fromDouble(0.1)).minSize(Fixed8.fromDouble(0.1))
                .strike(Fixed8.fromDouble(SPOT * (0.8 + 0.04 * (k / 4)))).expiryNs(T0 + (7L + 21L * (k % 4)) * DAY_NS)
                .symbol("BTC-OPTION-" + k).makerFee(Fixed8.fromDouble(0.0003)).takerFee(Fixed8.fromDouble(0.0003));
            feed(frame.end(d));
            begin(ticker, MARKET);
            ticker.instrumentId(FIRST_OPTION + k).markPrice(0).markIv(Fixed8.fromDouble(0.55))
                .bidIv(Fixed8.fromDouble(0.54)).askIv(Fixed8.fromDouble(0.56)).underlyingPrice(Fixed8.fromDouble(SPOT));
            feed(frame.end(ticker));
        }
        indexMove();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        final long orders = logic.counters().orders() - ordersBefore;
        logic.close();
        if (policy != PolicyType.NONE && orders != ops)
        {
            throw new IllegalStateException(policy + ": " + orders + " orders in " + ops + " ops");
        }
    }

    /** One index move across the trigger, its decision and order, and the fill that settles it. */
    @Benchmark
    public int decide()
    {
        ops++;
        return indexMove() + fill();
    }

    private int indexMove()
    {
        timeNs += 1_000_000L;
        begin(index, MARKET);
        index.underlyingId(BTC).price(Fixed8.fromDouble((ops & 1) == 0 ? SPOT * 0.98 : SPOT * 1.02));
        return feed(frame.end(index));
    }

    /** Fills the order in the last output, if any (a refused frame would leave a sequence gap on the channel). */
    private int fill()
    {
        long orderId = 0;
        long qty = 0;
        long price = 0;
        Side side = Side.BUY;
        for (int offset = 0, end = outputLength; offset < end; offset += FrameHeader.frameLength(out, offset))
        {
            header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
            if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                order.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
                orderId = order.orderId();
                qty = order.quantity();
                price = order.limitPrice();
                side = order.side();
            }
        }
        if (orderId == 0)
        {
            return 0;
        }
        begin(execution, EXECUTIONS);
        execution.orderId(orderId).instrumentId(PERP).side(side).execType(ExecType.FILL).lastQty(qty)
            .lastPrice(price).leavesQty(0).fee(0);
        return feed(frame.end(execution));
    }

    private int outputLength;

    private void begin(final MessageEncoderFlyweight message, final int channel)
    {
        frame.begin(in, 0, message, channel, ++sequence[channel], timeNs);
    }

    private int feed(final int length)
    {
        outputLength = logic.onFrame(in, 0, length, ring++, out, 0);
        return outputLength;
    }
}
