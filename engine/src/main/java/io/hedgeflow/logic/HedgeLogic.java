package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;
import io.hedgeflow.codecs.AccountSnapshotDecoder;
import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.FundingRateDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.OptionTickerDecoder;
import io.hedgeflow.codecs.OptionTradeDecoder;
import io.hedgeflow.codecs.OrderState;
import io.hedgeflow.codecs.PositionSnapshotDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.ReconciliationDecoder;
import io.hedgeflow.codecs.ChannelResetDecoder;
import io.hedgeflow.codecs.HeartbeatDecoder;
import io.hedgeflow.framing.EnumLookup;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.risk.PreTradeRisk;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.List;

import static io.hedgeflow.framing.Fixed8.toDouble;

/**
 * The hedging state machine: one entry point, {@link #onFrame}, deterministic and single-threaded.
 * <pre>
 *  frame ─► validate (structure, channel sequence) ─► apply to market state / positions ─► evaluate the
 *  underlying's hedging policy ─► pre-trade limit ─► HedgeDecision (+ NewOrder) frames into the caller's buffer
 * </pre>
 * Time comes only from frame headers; a rejected frame changes nothing but the reject counters. It knows nothing
 * of threads, journals or sockets: the live engine, replay and backtests host the same class.
 */
public final class HedgeLogic implements AutoCloseable
{
    /** Channel ids accepted on input: 0 to CHANNELS - 1. */
    public static final int CHANNELS = 64;
    /** Most bytes of output one input can cause (a decision and an order frame fit with room to spare). */
    public static final int MAX_OUTPUT_LENGTH = 1024;

    private static final EnumLookup<ExecType> EXEC_TYPES = new EnumLookup<>(ExecType.values(), ExecType::value);
    private static final EnumLookup<OrderState> ORDER_STATES =
        new EnumLookup<>(OrderState.values(), OrderState::value);
    private static final int SNAPSHOT_MAGIC = 0x4E534648;
    private static final int SNAPSHOT_VERSION = 5;

    private final LogicContext ctx;
    private final Instruments ins;
    private final Books books;
    private final OpenOrders openOrders;
    private final DecisionProxy proxy;
    private final HedgeEvaluator evaluator;
    private final PreTradeRisk risk;
    private final Executions executions;
    private final Reconciler reconciler;
    private final LogicCounters counters = new LogicCounters();
    private final Account account;
    private final AccountRisk accountRisk;
    private final ChannelStates channels;
    private final FrameValidator validator = new FrameValidator();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final QuoteDecoder quote = new QuoteDecoder();
    private final BookLevelsDecoder bookLevels = new BookLevelsDecoder();
    private final IndexPriceDecoder index = new IndexPriceDecoder();
    private final FundingRateDecoder funding = new FundingRateDecoder();
    private final OptionTickerDecoder ticker = new OptionTickerDecoder();
    private final OptionTradeDecoder optionTrade = new OptionTradeDecoder();
    private final ExecutionReportDecoder execution = new ExecutionReportDecoder();
    private final PositionSnapshotDecoder positionSnapshot = new PositionSnapshotDecoder();
    private final KillSwitchDecoder killSwitch = new KillSwitchDecoder();
    private final AccountSnapshotDecoder accountSnapshot = new AccountSnapshotDecoder();
    private final ReconciliationDecoder reconciliation = new ReconciliationDecoder();
    private long nowNs;
    private boolean killSwitchEngaged;
    private long ringSequence;
    private int channel;

    public HedgeLogic(final LogicContext ctx)
    {
        this.ctx = ctx.conclude();
        ins = new Instruments(ctx.maxInstruments());
        books = new Books(ctx);
        channels = new ChannelStates(CHANNELS, ctx.gapRecoveryNs(), ctx.heartbeatTimeoutNs());
        openOrders = new OpenOrders(ctx.maxOpenOrders());
        proxy = new DecisionProxy(ctx.decisionChannel());
        risk = new PreTradeRisk(ctx.limits());
        account = new Account(ctx.maxUnderlyings(), ctx.maxInstruments());
        accountRisk = new AccountRisk(ins, books, account, ctx.margin());
        evaluator = new HedgeEvaluator(ctx, ins, openOrders, proxy, counters, risk, accountRisk, account);
        executions = new Executions(ins, books, openOrders, risk, counters, account);
        reconciler = new Reconciler(ins, openOrders, executions, counters, ctx.maxOpenOrders(), ctx.maxUnderlyings());
    }

    /**
     * Processes one input frame and writes the frames it causes (decisions, orders) at outOffset.
     *
     * @return bytes written to out, 0 when the frame caused no output.
     */
    public int onFrame(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long ringSequence,
        final MutableDirectBuffer out,
        final int outOffset)
    {
        proxy.wrap(out, outOffset);
        counters.frames++;
        RejectReason reason = validator.validate(buffer, offset, length, CHANNELS);
        if (reason == null)
        {
            channel = FrameHeader.channelId(buffer, offset);
            reason = channels.isDuplicate(channel, FrameHeader.sequence(buffer, offset)) ? RejectReason.DUPLICATE : null;
        }
        if (reason == null)
        {
            this.ringSequence = ringSequence;
            header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
            reason = dispatch(buffer, offset, offset + FrameHeader.MIN_FRAME_LENGTH);
        }
        if (reason != null)
        {
            counters.reject(reason);
        }
        return proxy.position() - outOffset;
    }

    private RejectReason dispatch(final DirectBuffer buffer, final int frame, final int body)
    {
        final int blockLength = header.blockLength();
        final int version = header.version();
        return switch (header.templateId())
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID ->
                onDefinition(definition.wrap(buffer, body, blockLength, version), buffer, frame);
            case QuoteDecoder.TEMPLATE_ID -> onQuote(quote.wrap(buffer, body, blockLength, version), buffer, frame);
            case BookLevelsDecoder.TEMPLATE_ID -> onBook(buffer, body, blockLength, version, frame);
            case IndexPriceDecoder.TEMPLATE_ID -> onIndex(index.wrap(buffer, body, blockLength, version), buffer, frame);
            case FundingRateDecoder.TEMPLATE_ID ->
                onFunding(funding.wrap(buffer, body, blockLength, version), buffer, frame);
            case OptionTickerDecoder.TEMPLATE_ID ->
                onTicker(ticker.wrap(buffer, body, blockLength, version), buffer, frame);
            case OptionTradeDecoder.TEMPLATE_ID ->
                onOptionTrade(optionTrade.wrap(buffer, body, blockLength, version), buffer, frame);
            case ExecutionReportDecoder.TEMPLATE_ID ->
                onExecution(execution.wrap(buffer, body, blockLength, version), buffer, frame);
            case PositionSnapshotDecoder.TEMPLATE_ID ->
                onPositionSnapshot(positionSnapshot.wrap(buffer, body, blockLength, version), buffer, frame);
            case AccountSnapshotDecoder.TEMPLATE_ID ->
                onAccountSnapshot(accountSnapshot.wrap(buffer, body, blockLength, version), buffer, frame);
            case KillSwitchDecoder.TEMPLATE_ID ->
                onKillSwitch(killSwitch.wrap(buffer, body, blockLength, version), buffer, frame);
            case ReconciliationDecoder.TEMPLATE_ID ->
                onReconciliation(reconciliation.wrap(buffer, body, blockLength, version), buffer, frame);
            case ChannelResetDecoder.TEMPLATE_ID -> onChannelReset(buffer, frame);
            case HeartbeatDecoder.TEMPLATE_ID -> onHeartbeat(buffer, frame);
            default -> accept(buffer, frame);
        };
    }

    /** Marks the frame accepted: advances the channel's sequence and logic time. Returns null for brevity. */
    private RejectReason accept(final DirectBuffer buffer, final int frame)
    {
        nowNs = Math.max(nowNs, FrameHeader.sendingTimeNs(buffer, frame));
        if (channels.onAccepted(channel, FrameHeader.sequence(buffer, frame), nowNs))
        {
            counters.gaps++;
        }
        return null;
    }

    private RejectReason onChannelReset(final DirectBuffer buffer, final int frame)
    {
        accept(buffer, frame);
        channels.reset(channel);
        return null;
    }

    private RejectReason onHeartbeat(final DirectBuffer buffer, final int frame)
    {
        accept(buffer, frame);
        channels.monitorHeartbeats(channel);
        return null;
    }

    private RejectReason onDefinition(final InstrumentDefinitionDecoder d, final DirectBuffer buffer, final int frame)
    {
        final RejectReason reason = books.check(d, ins);
        if (reason == null)
        {
            accept(buffer, frame);
            books.define(d, ins);
            touch(ins.underlying[ins.indexOf(d.instrumentId())]);
        }
        return reason;
    }

    /**
     * Keeps a perpetual's funding rate (per 8 hours), the carry of instrumentChoice CHEAPEST, after charging the
     * position the previous rate since the previous FundingRate ({@link Account}); it changes no delta, so
     * nothing is evaluated. Rejected: an unknown instrument, one that is not a perpetual, or |rate| of 1 or more.
     */
    private RejectReason onFunding(final FundingRateDecoder d, final DirectBuffer buffer, final int frame)
    {
        final int i = ins.indexOf(d.instrumentId());
        if (i == Instruments.MISSING)
        {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        final double rate = toDouble(d.rate());
        if (ins.kind[i] != InstrumentKind.PERPETUAL || !(Math.abs(rate) < 1.0))
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        account.onFunding(ins, i, ins.position[i], ins.fundingRate[i], nowNs);
        ins.fundingRate[i] = rate;
        return null;
    }

    private RejectReason onQuote(final QuoteDecoder q, final DirectBuffer buffer, final int frame)
    {
        final int i = ins.indexOf(q.instrumentId());
        if (i == Instruments.MISSING)
        {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        final double bid = toDouble(q.bidPrice());
        final double ask = toDouble(q.askPrice());
        if (!(bid > 0.0) || !(ask >= bid))
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        ins.bid[i] = bid;
        ins.ask[i] = ask;
        if (ins.kind[i] != InstrumentKind.OPTION)
        {
            account.onMark(ins, i, ins.position[i], 0.5 * (bid + ask));
        }
        touch(ins.underlying[i]);
        return null;
    }

    /** Depth of a hedge instrument is kept for sizing; of other instruments accepted and ignored. */
    private RejectReason onBook(
        final DirectBuffer buffer, final int body, final int blockLength, final int version, final int frame)
    {
        final int i = ins.indexOf(bookLevels.wrap(buffer, body, blockLength, version).instrumentId());
        if (i == Instruments.MISSING)
        {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        if (!DepthLevels.isValid(bookLevels))
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        final UnderlyingBook book = touch(ins.underlying[i]);
        if (book.hedgeInstrument == i)
        {
            book.depth.apply(bookLevels.wrap(buffer, body, blockLength, version));
        }
        return null;
    }

    private RejectReason onIndex(final IndexPriceDecoder d, final DirectBuffer buffer, final int frame)
    {
        final int b = books.indexOf(d.underlyingId());
        if (b == Instruments.MISSING)
        {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        final double price = toDouble(d.price());
        if (!(price > 0.0))
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        final UnderlyingBook book = touch(b);
        book.indexPrice = price;
        book.dirty = true;
        evaluate(book);
        return null;
    }

    private RejectReason onTicker(final OptionTickerDecoder d, final DirectBuffer buffer, final int frame)
    {
        final int i = ins.indexOf(d.instrumentId());
        if (i == Instruments.MISSING || ins.greekSlot[i] == Instruments.MISSING)
        {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        final double vol = toDouble(d.markIv());
        if (!(vol > 0.0 && vol < 10.0))
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        final UnderlyingBook book = touch(ins.underlying[i]);
        book.vol(ins.greekSlot[i], vol);
        final double mark = toDouble(d.markPrice());
        if (mark > 0.0)
        {
            account.onMark(ins, i, book.vectors.quantity(ins.greekSlot[i]), mark);
        }
        return null;
    }

    private RejectReason onOptionTrade(final OptionTradeDecoder d, final DirectBuffer buffer, final int frame)
    {
        final int i = ins.indexOf(d.instrumentId());
        if (i == Instruments.MISSING || ins.greekSlot[i] == Instruments.MISSING)
        {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        final double qty = toDouble(d.quantity());
        if (qty == 0.0 || d.price() < 0L)
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        final UnderlyingBook book = touch(ins.underlying[i]);
        final int slot = ins.greekSlot[i];
        book.quantity(slot, book.vectors.quantity(slot) + qty);
        account.onTrade(ins, i, qty, toDouble(d.price()), 0.0);
        evaluate(book);
        return null;
    }

    private RejectReason onExecution(final ExecutionReportDecoder d, final DirectBuffer buffer, final int frame)
    {
        final int k = openOrders.find(d.orderId());
        final ExecType type = EXEC_TYPES.get(d.execTypeRaw());
        if (k < 0 || type == ExecType.NULL_VAL)
        {
            return k < 0 ? RejectReason.UNKNOWN_REFERENCE : RejectReason.BAD_VALUE;
        }
        final double leaves = openOrders.signedLeaves(k);
        final double filled = Math.copySign(toDouble(d.lastQty()), leaves);
        final boolean fill = type == ExecType.FILL || type == ExecType.PARTIAL_FILL;
        if (fill && (!(Math.abs(filled) > 0.0) || Math.abs(filled) > Math.abs(leaves) || d.lastPrice() <= 0L))
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        final UnderlyingBook owner = books.get(openOrders.book(k));
        if (type == ExecType.REJECTED)
        {
            risk.onExchangeReject();
        }
        if (fill)
        {
            executions.fill(k, filled, toDouble(d.lastPrice()), toDouble(d.fee()));
        }
        if (type == ExecType.FILL || type == ExecType.REJECTED || type == ExecType.CANCELED)
        {
            executions.close(k);
        }
        evaluate(touch(owner.index));
        return null;
    }

    private RejectReason onPositionSnapshot(final PositionSnapshotDecoder d, final DirectBuffer buffer, final int frame)
    {
        final int i = ins.indexOf(d.instrumentId());
        if (i == Instruments.MISSING)
        {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        accept(buffer, frame);
        final double position = toDouble(d.position());
        final int slot = ins.greekSlot[i];
        final UnderlyingBook book = touch(ins.underlying[i]);
        if (slot == Instruments.MISSING)
        {
            ins.position[i] = position;
        }
        else
        {
            book.quantity(slot, position);
        }
        evaluate(book);
        return null;
    }

    /**
     * Sets the equity of one settlement currency: USDC for LINEAR, the coin of a defined underlying for INVERSE
     * (rejected when that underlying is not defined yet). Nothing is evaluated: the equity bounds the next order.
     */
    private RejectReason onAccountSnapshot(final AccountSnapshotDecoder d, final DirectBuffer buffer, final int frame)
    {
        final Settlement settlement = d.settlement();
        final int b = books.indexOf(d.underlyingId());
        if (settlement == Settlement.NULL_VAL)
        {
            return RejectReason.BAD_VALUE;
        }
        if (settlement == Settlement.INVERSE && b == Instruments.MISSING)
        {
            return RejectReason.UNKNOWN_REFERENCE;
        }
        accept(buffer, frame);
        account.snapshot(settlement == Settlement.INVERSE ? Account.coin(b) : Account.LINEAR, toDouble(d.equity()));
        return null;
    }

    /**
     * One frame of the venue's working orders and positions after a logon ({@link Reconciler}); the round's last
     * frame closes unconfirmed orders and adopts the venue's positions. On a position difference beyond the
     * tolerance nothing is evaluated: the engine follows this input with a KillSwitch (origin RECONCILIATION).
     * Rejected: an order state, quantity or last flag out of range.
     */
    private RejectReason onReconciliation(final ReconciliationDecoder d, final DirectBuffer buffer, final int frame)
    {
        final ReconciliationDecoder.OrdersDecoder orders = d.orders();
        while (orders.hasNext())
        {
            orders.next();
            if (ORDER_STATES.get(orders.stateRaw()) == OrderState.NULL_VAL || orders.cumQty() < 0L ||
                orders.leavesQty() < 0L || orders.avgPrice() < 0L)
            {
                return RejectReason.BAD_VALUE;
            }
        }
        if (d.last() > 1)
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        final boolean breach = reconciler.apply(d.sbeRewind(), ctx.positionTolerance());
        if (d.last() == 0)
        {
            return null;
        }
        counters.reconciliations++;
        if (breach)
        {
            counters.positionBreaches++;
            return null;
        }
        for (int b = 0; b < books.count(); b++)
        {
            if (reconciler.touched(b))
            {
                evaluate(touch(b));
            }
        }
        return null;
    }

    private RejectReason onKillSwitch(final KillSwitchDecoder d, final DirectBuffer buffer, final int frame)
    {
        final short engaged = d.engaged();
        if (engaged != 0 && engaged != 1)
        {
            return RejectReason.BAD_VALUE;
        }
        accept(buffer, frame);
        killSwitchEngaged = engaged == 1;
        if (!killSwitchEngaged)
        {
            risk.reset();
        }
        return null;
    }

    /** The book of dense index b, marked as fed by the current frame's channel. */
    private UnderlyingBook touch(final int b)
    {
        final UnderlyingBook book = books.get(b);
        book.channelMask |= 1L << channel;
        return book;
    }

    private void evaluate(final UnderlyingBook book)
    {
        book.refresh(nowNs);
        final UnderlyingBook hedgeBook = books.hedgeBookOf(book);
        if (hedgeBook == null || book.indexPrice <= 0.0 || hedgeBook.indexPrice <= 0.0)
        {
            return;
        }
        final PolicyContext p = book.policy;
        final boolean basis = p.ratio().hedgeInstrument() == HedgeInstrument.FUTURE;
        final int hedge = basis ? book.hedgeFuture(ins, p.ratio().hedgeFutureId(), nowNs) : hedgeBook.hedgeInstrument;
        if (hedge == Instruments.MISSING)
        {
            return;
        }
        final double hedgePrice = basis ? ins.mid(hedge) : hedgeBook.indexPrice;
        if (book.cross != null)
        {
            book.cross.sample(book.indexPrice, hedgePrice, hedge, nowNs, p.estimator().ratioSampleNs());
        }
        if (book.hedgeInstrument != Instruments.MISSING && nowNs >= book.pnl.nextSampleNs)
        {
            book.pnl.sample(book, ins);
            book.costs.sampleDelta(book.firstOrder().totalDelta() + book.deltaOneDelta(ins, false));
            book.pnl.nextSampleNs = nowNs + ctx.pnlSampleIntervalNs();
            final double drawdown = book.pnl.drawdown();
            risk.onDrawdown(ins.inverse[book.hedgeInstrument] ? drawdown * book.indexPrice : drawdown);
        }
        if (((book.channelMask | hedgeBook.channelMask) & channels.staleMask(nowNs)) != 0)
        {
            counters.staleSkips++;
        }
        else if (!killSwitchEngaged)
        {
            evaluator.evaluate(book, hedgeBook, hedge, hedgePrice, nowNs, ringSequence, channel);
        }
    }

    /**
     * Writes the complete state, deterministic byte for byte, after the input of the given ring sequence.
     * <pre>
     *   magic "HFSN" | version | ring sequence | logic time | kill switch | counters | channels | instruments |
     *   books (each: options with quantity and vol, delta-one instruments, hedge, index, P&amp;L sampler, costs,
 *   depth, and with a cross or basis hedge its positions, sampler (with its hedge instrument) and estimator state) |
     *   open orders | next order id | decision sequence | account (version 5: equity and known per currency,
     *   marks and funding times per instrument) | margin counters (version 5) | per instrument its maker and
     *   taker fee (version 5) | open orders' quantities as sent | reconciliation counters and round (version 5)
     * </pre>
     *
     * @return bytes written at offset.
     */
    public int snapshot(final ExpandableArrayBuffer buffer, final int offset, final long lastRingSequence)
    {
        final StateWriter out = new StateWriter(buffer, offset);
        out.putInt(SNAPSHOT_MAGIC);
        out.putInt(SNAPSHOT_VERSION);
        out.putLong(lastRingSequence);
        out.putLong(nowNs);
        out.putBoolean(killSwitchEngaged);
        counters.writeTo(out);
        channels.writeTo(out);
        ins.writeTo(out);
        books.writeTo(out);
        openOrders.writeTo(out);
        risk.writeTo(out);
        out.putLong(evaluator.nextOrderId());
        out.putLong(proxy.sequence());
        account.writeTo(out, ins.count());
        counters.writeMarginTo(out);
        ins.writeFeesTo(out);
        openOrders.writeQuantitiesTo(out);
        counters.writeReconciliationTo(out);
        reconciler.writeTo(out);
        return out.position() - offset;
    }

    /**
     * Restores a fresh logic (no input seen yet) from a {@link #snapshot}, configured as the one that wrote it.
     *
     * @return the ring sequence of the last input the snapshot covers.
     */
    public long restore(final DirectBuffer buffer, final int offset, final int length)
    {
        if (counters.frames() != 0)
        {
            throw new IllegalStateException("restore needs a logic that has seen no input");
        }
        final StateReader in = new StateReader(buffer, offset, length);
        if (in.getInt() != SNAPSHOT_MAGIC || in.getInt() != SNAPSHOT_VERSION)
        {
            throw new IllegalArgumentException("not a hedgeflow logic snapshot of version " + SNAPSHOT_VERSION);
        }
        final long lastRingSequence = in.getLong();
        nowNs = in.getLong();
        killSwitchEngaged = in.getBoolean();
        counters.readFrom(in);
        channels.readFrom(in);
        ins.readFrom(in);
        books.readFrom(in, ins);
        openOrders.readFrom(in);
        risk.readFrom(in);
        evaluator.nextOrderId(in.getLong());
        proxy.sequence(in.getLong());
        account.readFrom(in, ins.count());
        counters.readMarginFrom(in);
        ins.readFeesFrom(in);
        openOrders.readQuantitiesFrom(in);
        counters.readReconciliationFrom(in);
        reconciler.readFrom(in);
        if (in.remaining() != 0)
        {
            throw new IllegalArgumentException("snapshot has " + in.remaining() + " bytes after its end");
        }
        return lastRingSequence;
    }

    /** Counters of what has been processed. */
    public LogicCounters counters()
    {
        return counters;
    }

    /** Last sequence accepted on a channel (0 when none, or after a ChannelReset). */
    public long lastSequence(final int channel)
    {
        return channels.lastSequence(channel);
    }

    /**
     * Keeps the working set of the rare inputs warm without changing any state, for a duty cycle with no input:
     * the Greek columns of every book ({@link Books#warm}) and the instrument arrays a
     * decision's account and risk checks walk ({@link Instruments#warm}); nothing it does reaches a decision, a
     * counter or a snapshot. Returns a checksum of what was read, for the caller to keep.
     */
    public long warm()
    {
        return books.warm() + ins.warm();
    }

    /** True while an order sent by the logic has not been filled, rejected or cancelled. */
    public boolean isOpenOrder(final long orderId)
    {
        return openOrders.find(orderId) >= 0;
    }

    /** True after the circuit breaker tripped, until a KillSwitch release. */
    public boolean safeMode()
    {
        return risk.safeMode();
    }

    public boolean killSwitchEngaged()
    {
        return killSwitchEngaged;
    }

    /** Number of underlyings seen, in order of first definition. */
    public int underlyingCount()
    {
        return books.count();
    }

    /**
     * Equity of a settlement currency, kept from its AccountSnapshot ({@link Account}): INVERSE the coin of
     * underlyingId, LINEAR USDC; NaN before its AccountSnapshot (or for an underlying not defined).
     */
    public double equity(final Settlement settlement, final int underlyingId)
    {
        final int c = currency(settlement, underlyingId);
        return c != Instruments.MISSING && account.known(c) ? account.equity(c) : Double.NaN;
    }

    private int currency(final Settlement settlement, final int underlyingId)
    {
        final int b = books.indexOf(underlyingId);
        return settlement == Settlement.LINEAR ? Account.LINEAR : b == Instruments.MISSING ? b : Account.coin(b);
    }

    /**
     * The account per settlement currency, for reports: USDC when any linear instrument is defined or its equity
     * known, then the coin of each underlying with an inverse instrument or a known equity, in book order.
     */
    public List<AccountReport> accounts()
    {
        return accountRisk.reports(nowNs);
    }

    /** Snapshot of one underlying's risk for reports. */
    public UnderlyingReport report(final int k)
    {
        final UnderlyingBook book = books.get(k);
        book.refresh(nowNs);
        final double options = book.firstOrder().totalDelta();
        final boolean inverse = book.hedgeInstrument != Instruments.MISSING && ins.inverse[book.hedgeInstrument];
        final TradeCosts costs = book.costs;
        return new UnderlyingReport(book.underlyingId, book.indexPrice, options,
            options + book.deltaOneDelta(ins, false), book.pnl.samples(), book.pnl.sdUnhedged(),
            book.pnl.sdHedged(), inverse, book.policy.type(), costs.fills, costs.contracts, costs.fees,
            costs.slippage, costs.meanAbsDelta());
    }

    public void close()
    {
        books.close();
    }
}
