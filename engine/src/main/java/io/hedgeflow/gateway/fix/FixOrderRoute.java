package io.hedgeflow.gateway.fix;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.sim.SimExchange;
import io.hedgeflow.status.EngineCounters;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2IntHashMap;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.util.concurrent.TimeUnit;

import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * The engine's order path to a FIX venue. As the engine's {@link OrderGateway} it takes NewOrder frames and kill
 * switch changes from the order publisher's thread into a ring; as the engine's {@link FrameSource} it runs on the
 * feed poller's thread, which alone drives Artio: it sends the ringed orders as NewOrderSingle, polls the session,
 * and returns the venue's execution reports as ExecutionReport frames (exchange channel, stamped with the logic time
 * of the last feed frame) ahead of the next feed frame, so they are journaled and applied like every input.
 * Instrument symbols are learned from the InstrumentDefinition frames passing through.
 * <p>
 * Reconciliation: after every logon (the first one, after a restart, after a lost session) the gateway asks the
 * venue for its working orders and positions; until both answers are in, the feed is held (no new input, so no new
 * order), then the answers go in as Reconciliation frames ({@link ReconciliationRound}) before the next feed frame
 * that is not a definition (definitions pass first, for their symbols). An order that cannot leave (STALE session,
 * reconciliation under way, kill switch engaged, unknown symbol) comes back at once as REJECTED. The kill switch
 * sends one OrderMassCancelRequest when engaged (at the next logon if the session is down). When the feed ends the
 * source keeps polling until no order is in flight and none arrived for a settle time (the last frames' orders may
 * still be in the pipeline), or the reply timeout passes.
 */
public final class FixOrderRoute implements FrameSource, OrderGateway
{
    private static final int ORDER_RING_CAPACITY = 1 << 16;
    private static final int ORDER_MSG_TYPE = 1;
    private static final int KILL_SWITCH_MSG_TYPE = 2;
    private static final long NONE = -1;
    private static final long SETTLE_NS = TimeUnit.MILLISECONDS.toNanos(200);
    /** Longest the session goes unpolled while feed frames keep coming (an unpaced or backlogged feed). */
    static final long SESSION_POLL_INTERVAL_NS = TimeUnit.MICROSECONDS.toNanos(20);
    private static final int SIDE_BITS = 8;
    private static final long SIDE_MASK = (1L << SIDE_BITS) - 1;

    private final FixOrderGatewayContext ctx;
    private final FrameSource feed;
    private final FixOrderGateway gateway;
    private final OneToOneRingBuffer orders = new OneToOneRingBuffer(new UnsafeBuffer(
        BufferUtil.allocateDirectAligned(ORDER_RING_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH, 64)));
    private final ExpandableRingBuffer reports = new ExpandableRingBuffer();
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(FrameHeader.MAX_FRAME_LENGTH);
    private final Int2ObjectHashMap<String> symbols = new Int2ObjectHashMap<>();
    private final Object2IntHashMap<String> instrumentBySymbol = new Object2IntHashMap<>(-1);
    private final ReconciliationRound round = new ReconciliationRound();
    private final UnsafeBuffer killSwitchMessage = new UnsafeBuffer(new byte[1]);
    private final Long2LongHashMap instrumentAndSideByOrder = new Long2LongHashMap(NONE);
    private final MessageHandler orderHandler = this::onOrderPath;
    private final FixExecutionListener reportListener = this::onExecutionReport;
    private final ExpandableRingBuffer.MessageConsumer reportCopier = this::copyReport;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final FrameEncoder frameEncoder = new FrameEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private MutableDirectBuffer target;
    private int targetOffset;
    private int copied;
    private long sequence;
    private long logicTimeNs;
    private long drainDeadlineNs;
    private long lastOrderNs;
    private long lastSessionPollNs;
    private boolean feedEnded;
    private long rejectedUnsent;
    private boolean killSwitchEngaged;
    private boolean massCancelDue;
    private FixCounters counters;
    private boolean closed;

    /**
     * Logs on to the venue, waiting up to the reply timeout.
     *
     * @throws IllegalStateException when no logon succeeded in that time (wrong credentials, venue down).
     */
    public FixOrderRoute(final FixOrderGatewayContext ctx, final FrameSource feed)
    {
        this.ctx = ctx.conclude();
        this.feed = feed;
        gateway = new FixOrderGateway(ctx, reportListener, round);
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ctx.replyTimeoutMs());
        while (!gateway.isActive() && System.nanoTime() - deadline < 0)
        {
            if (gateway.poll() == 0)
            {
                Thread.onSpinWait();
            }
        }
        if (!gateway.isActive())
        {
            final long failures = gateway.logonFailures();
            CloseHelper.quietClose(gateway);
            throw new IllegalStateException("no FIX logon to " + ctx.host() + ":" + ctx.port() + " as " +
                ctx.credentials().clientId() + " within " + ctx.replyTimeoutMs() + " ms (" + failures +
                " refused or failed)");
        }
    }

    /** Order publisher's thread: queues one NewOrder frame for the venue, made now. */
    public void send(final DirectBuffer buffer, final int offset, final int length)
    {
        send(buffer, offset, length, System.nanoTime());
    }

    /** Order publisher's thread: queues one NewOrder frame for the venue, with its tick time (tick-to-wire). */
    public void send(final DirectBuffer buffer, final int offset, final int length, final long tickNs)
    {
        int index;
        while ((index = orders.tryClaim(ORDER_MSG_TYPE, SIZE_OF_LONG + length)) < 0)
        {
            Thread.onSpinWait();
        }
        final AtomicBuffer ring = orders.buffer();
        ring.putLong(index, tickNs);
        ring.putBytes(index + SIZE_OF_LONG, buffer, offset, length);
        orders.commit(index);
    }

    /** Order publisher's thread: the kill switch changed, after the orders sent before; engaging mass-cancels. */
    public void onKillSwitch(final boolean engaged)
    {
        killSwitchMessage.putByte(0, (byte)(engaged ? 1 : 0));
        write(KILL_SWITCH_MSG_TYPE, killSwitchMessage, 0, 1);
    }

    /** Before polling starts: reports continue after the journal's last exchange sequence; the kill switch state. */
    public void onRecovered(final long lastReportSequence, final boolean killSwitchEngaged)
    {
        sequence = Math.max(sequence, lastReportSequence);
        if (killSwitchEngaged)
        {
            onKillSwitchChanged(true);
        }
    }

    private void write(final int msgType, final DirectBuffer buffer, final int offset, final int length)
    {
        while (!orders.write(msgType, buffer, offset, length))
        {
            Thread.onSpinWait();
        }
    }

    /**
     * Feed poller's thread while no feed frame is due: sends the orders queued since the last call (Artio's framer
     * writes them to the socket now) and polls the session.
     */
    public int doWork()
    {
        return sendQueuedOrders() + pollSession();
    }

    /**
     * Feed poller's thread: the next execution report, Reconciliation or feed frame. The queued orders go out first;
     * the session (about 1 us: the framer reads the socket) is polled here only when {@link #doWork} has not polled
     * it for {@link #SESSION_POLL_INTERVAL_NS}, so a paced feed's frames do not wait for it.
     */
    public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        sendQueuedOrders();
        if (System.nanoTime() - lastSessionPollNs >= SESSION_POLL_INTERVAL_NS)
        {
            pollSession();
        }
        if (massCancelDue && gateway.isActive() && !round.pending() && gateway.sendMassCancel(Long.MAX_VALUE))
        {
            massCancelDue = false;
        }
        if (round.answered() && logicTimeNs != 0 && round.symbolsKnown(instrumentBySymbol))
        {
            emitRound();
        }
        if (counters != null)
        {
            counters.update(this);
        }
        if (!reports.isEmpty())
        {
            return nextReport(buffer, offset);
        }
        if (round.pending() && !round.answered())
        {
            return 0;
        }
        if (feedEnded)
        {
            final long nowNs = System.nanoTime();
            final boolean settled = instrumentAndSideByOrder.isEmpty() && !round.pending() &&
                nowNs - lastOrderNs >= SETTLE_NS;
            return settled || nowNs - drainDeadlineNs >= 0 ? END : 0;
        }
        final int length = feed.poll(buffer, offset, maxLength);
        if (length == END)
        {
            stopFeed();
            return round.answered() ? emitRoundBefore(buffer, offset, 0) : 0;
        }
        if (length > 0 && !onFeedFrame(buffer, offset) && round.answered())
        {
            return emitRoundBefore(buffer, offset, length);
        }
        return length;
    }

    private int sendQueuedOrders()
    {
        final int sent = orders.read(orderHandler, Integer.MAX_VALUE);
        return sent > 0 ? sent + gateway.invokeFramer() : 0;
    }

    private int pollSession()
    {
        lastSessionPollNs = System.nanoTime();
        return gateway.poll();
    }

    /**
     * The feed ended, or the run took all the feed frames it wanted: from now on the route polls the venue until no
     * order is in flight and none arrived for a settle time, or the reply timeout passes, then returns END.
     */
    public boolean stopFeed()
    {
        if (!feedEnded)
        {
            feedEnded = true;
            lastOrderNs = System.nanoTime();
            drainDeadlineNs = lastOrderNs + TimeUnit.MILLISECONDS.toNanos(ctx.replyTimeoutMs());
        }
        return true;
    }

    /** The round goes in now, ahead of the feed frame just polled (queued behind it), with what symbols are known. */
    private int emitRoundBefore(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        emitRound();
        if (length > 0)
        {
            reports.append(buffer, offset, length);
        }
        return nextReport(buffer, offset);
    }

    private void emitRound()
    {
        sequence += round.emit(reports, scratch, frameEncoder, SimExchange.CHANNEL_ID, sequence + 1, logicTimeNs,
            instrumentBySymbol, instrumentAndSideByOrder);
        round.releaseHeld(reportListener);
    }

    private int nextReport(final MutableDirectBuffer buffer, final int offset)
    {
        target = buffer;
        targetOffset = offset;
        reports.consume(reportCopier, 1);
        return copied;
    }

    private boolean copyReport(
        final MutableDirectBuffer frames, final int frameOffset, final int length, final int headOffset)
    {
        frames.getBytes(frameOffset, target, targetOffset, length);
        copied = length;
        return true;
    }

    /** Learns the symbol of a definition; returns whether the frame was one. */
    private boolean onFeedFrame(final DirectBuffer buffer, final int offset)
    {
        logicTimeNs = FrameHeader.sendingTimeNs(buffer, offset);
        header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        if (header.templateId() != InstrumentDefinitionDecoder.TEMPLATE_ID)
        {
            return false;
        }
        definition.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        final String symbol = definition.symbol().strip();
        symbols.put(definition.instrumentId(), symbol);
        instrumentBySymbol.put(symbol, definition.instrumentId());
        return true;
    }

    private void onOrderPath(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (msgTypeId == KILL_SWITCH_MSG_TYPE)
        {
            onKillSwitchChanged(buffer.getByte(index) == 1);
        }
        else
        {
            onNewOrder(buffer.getLong(index), buffer, index + SIZE_OF_LONG);
        }
    }

    private void onKillSwitchChanged(final boolean engaged)
    {
        massCancelDue = engaged && !killSwitchEngaged || massCancelDue && engaged;
        killSwitchEngaged = engaged;
    }

    private void onNewOrder(final long tickNs, final DirectBuffer frame, final int index)
    {
        header.wrap(frame, index + FrameHeader.MESSAGE_OFFSET);
        newOrder.wrap(frame, index + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        lastOrderNs = System.nanoTime();
        final long orderId = newOrder.orderId();
        final int instrumentId = newOrder.instrumentId();
        final String symbol = symbols.get(instrumentId);
        final short sideRaw = newOrder.sideRaw();
        instrumentAndSideByOrder.put(orderId, instrumentAndSide(instrumentId, sideRaw));
        if (symbol == null || round.pending() || killSwitchEngaged ||
            !gateway.sendNewOrder(orderId, symbol, sideRaw == Side.BUY.value() ? '1' : '2', newOrder.quantity(),
            newOrder.limitPrice(), tickNs))
        {
            rejectedUnsent++;
            onExecutionReport(orderId, '8', '8', 0, 0, 0, 0);
        }
    }

    private void onExecutionReport(
        final long orderId, final char execType, final char ordStatus, final long lastQty, final long lastPx,
        final long leavesQty, final long cumQty)
    {
        final ExecType type = switch (execType)
        {
            case '0' -> ExecType.ACK;
            case 'F' -> leavesQty > 0 ? ExecType.PARTIAL_FILL : ExecType.FILL;
            case '4' -> ExecType.CANCELED;
            case '8' -> ExecType.REJECTED;
            default -> null;
        };
        final long instrumentAndSide = instrumentAndSideByOrder.get(orderId);
        if (type == null || instrumentAndSide == NONE)
        {
            round.holdIfListed(orderId, execType, ordStatus, lastQty, lastPx, leavesQty, cumQty);
            return;
        }
        if (type == ExecType.FILL || type == ExecType.CANCELED || type == ExecType.REJECTED)
        {
            instrumentAndSideByOrder.remove(orderId);
        }
        frameEncoder.begin(scratch, 0, report, SimExchange.CHANNEL_ID, ++sequence, logicTimeNs);
        report.orderId(orderId).instrumentId((int)(instrumentAndSide >>> SIDE_BITS))
            .side(Side.get((short)(instrumentAndSide & SIDE_MASK)))
            .execType(type).lastQty(lastQty).lastPrice(lastPx).leavesQty(leavesQty).fee(0);
        reports.append(scratch, 0, frameEncoder.end(report));
    }

    /** The key of the route's in-flight map: instrument id and the SBE side's value. */
    static long instrumentAndSide(final int instrumentId, final short sideRaw)
    {
        return ((long)instrumentId << SIDE_BITS) | sideRaw;
    }

    /** The route's counters (FIX session state, reconciliation) in the engine's counters file, for stat. */
    public void countInto(final EngineCounters engineCounters)
    {
        counters = new FixCounters(engineCounters);
    }

    /** Reconciliation rounds written as inputs. */
    public long reconciliations()
    {
        return round.rounds();
    }

    /** Venue positions left out of a reconciliation (symbol never defined on the feed, or no room). */
    public long positionsLeftOut()
    {
        return round.positionsLeftOut();
    }

    /** True while orders can leave: logged on, reconciled, kill switch released. */
    public boolean isLive()
    {
        return gateway.isActive() && !round.pending() && !killSwitchEngaged;
    }

    /**
     * Orders that never reached the venue (STALE session, reconciliation under way, kill switch engaged or unknown
     * symbol), reported back as REJECTED.
     */
    public long rejectedUnsent()
    {
        return rejectedUnsent;
    }

    /** The FIX session and its counters. */
    public FixOrderGateway gateway()
    {
        return gateway;
    }

    public long rejected()
    {
        return feed.rejected();
    }

    /** Closes the session (logout) and the feed; the engine closes this as both its source and its gateway. */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            CloseHelper.closeAll(gateway, feed);
        }
    }
}
