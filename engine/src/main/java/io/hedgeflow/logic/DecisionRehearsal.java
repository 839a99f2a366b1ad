package io.hedgeflow.logic;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportEncoder;
import io.hedgeflow.codecs.IndexPriceEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionTickerEncoder;
import io.hedgeflow.codecs.OptionTradeEncoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.risk.LimitsContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

import static io.hedgeflow.framing.Fixed8.fromDouble;

/**
 * Keeps the code of the logic's rare inputs warm in idle time by running them on a shadow {@link HedgeLogic}, whose
 * output is discarded: the real logic, its journals, counters and snapshots are never touched, so every decision
 * stays byte for byte what it was. The shadow has the real configuration's default policy, margin settings, rates,
 * intervals and Greek kernel, but pre-trade limits that never bind and room for one underlying
 * ({@link #shadowContext}); its book is one inverse underlying with a perpetual and {@value #OPTIONS} calls expiring
 * one and five years after its start. {@link #step} feeds it the next frame of a fixed cycle:
 * <pre>
 *   OptionTrade +q ─► fill ─► IndexPrice up ─► OptionTrade -q ─► fill ─► IndexPrice back ─► KillSwitch release
 * </pre>
 * Each OptionTrade of {@value #TRADE_QUANTITY} five-year calls moves the book's delta by several underlying units,
 * beyond the default band (250,000 USD), so the default policy decides and orders (kernel passes, evaluator,
 * sizing, margin and pre-trade checks, HedgeDecision and NewOrder encoding), the ExecutionReport fills the order,
 * the index moves run the whole-book kernel pass and the release clears any circuit breaker or drawdown trip. A
 * policy that does not decide on that still runs its trigger check. The shadow's clock advances 1 ms per frame
 * (less with a heartbeat timeout under 2 ms), from its own frames only: at one step per 100 us of idle time its
 * five-year calls last about 180 days of an idle engine, after which the cycle runs without deciding.
 * It allocates nothing per step and runs the real logic's entry point ({@link HedgeLogic#onFrame}, which the
 * project's JVM flags keep from being inlined), so the compiled code it keeps warm is the code a real input runs.
 */
public final class DecisionRehearsal implements AutoCloseable
{
    static final int OPTIONS = 8;
    /** Five-year calls bought, then sold, per cycle. */
    static final double TRADE_QUANTITY = 20.0;
    private static final int UNDERLYING = Integer.MAX_VALUE;
    private static final int PERPETUAL = 1;
    private static final int FIRST_OPTION = 2;
    private static final double SPOT = 100_000.0;
    private static final double INDEX_MOVE = 0.002;
    private static final long START_NS = 1_000_000_000L;
    private static final long YEAR_NS = 365L * 86_400_000_000_000L;
    private static final int CHANNEL = 1;
    private static final int CYCLE = 7;

    private final HedgeLogic shadow;
    private final UnsafeBuffer in = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final FrameEncoder frame = new FrameEncoder();
    private final OptionTradeEncoder trade = new OptionTradeEncoder();
    private final IndexPriceEncoder index = new IndexPriceEncoder();
    private final ExecutionReportEncoder execution = new ExecutionReportEncoder();
    private final KillSwitchEncoder killSwitch = new KillSwitchEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private final long stepNs;
    private long timeNs = START_NS;
    private long sequence;
    private int outputLength;
    private int step;

    /** A shadow logic of this configuration ({@link #shadowContext}), its book defined and priced. */
    public DecisionRehearsal(final LogicContext ctx)
    {
        shadow = new HedgeLogic(shadowContext(ctx));
        stepNs = Math.max(1L, Math.min(1_000_000L, ctx.heartbeatTimeoutNs() / 2));
        define();
    }

    /**
     * The shadow's configuration: a copy of the real one (its default policy, margin settings, rates, limit offset,
     * intervals, Greek kernel) with limits that never bind (so each decision's order is sent and filled) and room
     * for one underlying.
     */
    static LogicContext shadowContext(final LogicContext ctx)
    {
        final LimitsContext limits = new LimitsContext().maxOrderQuantity(1e12).maxOrderNotionalUsd(1e15)
            .priceCollarBps(5_000).maxPositionContracts(1e15).orderRatePerSecond(1e9).orderBurst(1e9)
            .duplicateWindowNs(1).circuitBreakerRejects(Integer.MAX_VALUE).maxDrawdownUsd(1e18);
        return ctx.copy().maxInstruments(OPTIONS + 1).maxUnderlyings(1).limits(limits);
    }

    /**
     * Feeds the shadow the next frame of the cycle (at most one decision and order, a few microseconds when warm).
     *
     * @return bytes of output it caused, for the caller to keep (so the work is not optimised away).
     */
    public int step()
    {
        final int k = step;
        step = k + 1 == CYCLE ? 0 : k + 1;
        timeNs += stepNs;
        return switch (k)
        {
            case 0 -> optionTrade(TRADE_QUANTITY);
            case 3 -> optionTrade(-TRADE_QUANTITY);
            case 1, 4 -> fill();
            case 2 -> index(SPOT * (1.0 + INDEX_MOVE));
            case 5 -> index(SPOT);
            default -> release();
        };
    }

    private int optionTrade(final double quantity)
    {
        begin(trade);
        trade.instrumentId(FIRST_OPTION + 1).quantity(fromDouble(quantity)).price(fromDouble(0.05));
        return feed(frame.end(trade));
    }

    private int index(final double price)
    {
        begin(index);
        index.underlyingId(UNDERLYING).price(fromDouble(price));
        return feed(frame.end(index));
    }

    private int release()
    {
        begin(killSwitch);
        killSwitch.engaged((short)0);
        return feed(frame.end(killSwitch));
    }

    /** Fills the order of the last output in full at its limit price; nothing when it sent none. */
    private int fill()
    {
        for (int offset = 0; offset < outputLength; offset += FrameHeader.frameLength(out, offset))
        {
            header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
            if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                order.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
                begin(execution);
                execution.orderId(order.orderId()).instrumentId(PERPETUAL).side(order.side())
                    .execType(ExecType.FILL).lastQty(order.quantity()).lastPrice(order.limitPrice()).leavesQty(0)
                    .fee(0);
                return feed(frame.end(execution));
            }
        }
        return 0;
    }

    private void define()
    {
        final InstrumentDefinitionEncoder d = new InstrumentDefinitionEncoder();
        begin(d);
        d.instrumentId(PERPETUAL).underlyingId(UNDERLYING).kind(InstrumentKind.PERPETUAL)
            .settlement(Settlement.INVERSE).optionType(OptionType.NONE).contractSize(fromDouble(10))
            .tickSize(fromDouble(0.5)).lotSize(fromDouble(1)).minSize(fromDouble(1)).strike(0).expiryNs(0)
            .symbol("REHEARSAL-PERPETUAL").makerFee(0).takerFee(0);
        feed(frame.end(d));
        final QuoteEncoder quote = new QuoteEncoder();
        begin(quote);
        quote.instrumentId(PERPETUAL).bidPrice(fromDouble(SPOT - 0.5)).bidSize(fromDouble(1e6))
            .askPrice(fromDouble(SPOT + 0.5)).askSize(fromDouble(1e6));
        feed(frame.end(quote));
        final OptionTickerEncoder ticker = new OptionTickerEncoder();
        for (int k = 0; k < OPTIONS; k++)
        {
            begin(d);
            d.instrumentId(FIRST_OPTION + k).underlyingId(UNDERLYING).kind(InstrumentKind.OPTION)
                .settlement(Settlement.INVERSE).optionType(OptionType.CALL).contractSize(fromDouble(1))
                .tickSize(fromDouble(0.0001)).lotSize(fromDouble(0.1)).minSize(fromDouble(0.1))
                .strike(fromDouble(SPOT * (0.9 + 0.05 * (k / 2)))).expiryNs(START_NS + (1 + 4 * (k % 2)) * YEAR_NS)
                .symbol("REHEARSAL-OPTION").makerFee(0).takerFee(0);
            feed(frame.end(d));
            begin(ticker);
            ticker.instrumentId(FIRST_OPTION + k).markPrice(0).markIv(fromDouble(0.5)).bidIv(fromDouble(0.49))
                .askIv(fromDouble(0.51)).underlyingPrice(fromDouble(SPOT));
            feed(frame.end(ticker));
        }
        index(SPOT);
    }

    private void begin(final MessageEncoderFlyweight message)
    {
        frame.begin(in, 0, message, CHANNEL, ++sequence, timeNs);
    }

    private int feed(final int length)
    {
        outputLength = shadow.onFrame(in, 0, length, sequence, out, 0);
        return outputLength;
    }

    /** The shadow's counters (decisions and orders made), for tests. */
    LogicCounters counters()
    {
        return shadow.counters();
    }

    public void close()
    {
        shadow.close();
    }
}
