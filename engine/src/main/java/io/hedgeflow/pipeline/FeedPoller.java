package io.hedgeflow.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.sim.SimExchange;
import org.agrona.BufferUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.function.LongSupplier;

/**
 * Polls a {@link FrameSource} and publishes its frames into the ring, closing the loop with the simulated
 * exchange deterministically in logic time:
 * <pre>
 *   next market frame at time T
 *     1. wait until every input with time &lt;= T - exchange latency has passed the order publisher, so every
 *        order that can execute by T is at the exchange (orders arrive through the order ring)
 *     2. publish the exchange's execution reports due by T
 *     3. publish the market frame (the exchange sees it too)
 * </pre>
 * The same source therefore yields the same input sequence whatever the thread timing. With a rate, frames are
 * paced from a fixed schedule and stamped with their intended time, so latency is free of coordinated omission.
 */
final class FeedPoller
{
    /** Channel of the control frames the engine injects (kill switch on a stage exception or operator command). */
    static final int CONTROL_CHANNEL = 3;
    /** The operator control endpoint is polled once every this many loop iterations (a system call each time). */
    private static final int CONTROL_POLL_MASK = 255;
    private static final long STALL_TIMEOUT_NS = 10_000_000_000L;

    private final RingBuffer<FrameEvent> ring;
    private final FrameSource source;
    private final SimExchange exchange;
    private final org.agrona.concurrent.ringbuffer.RingBuffer orders;
    private final LongSupplier publishedThrough;
    private final long exchangeLatencyNs;
    private final long[] publishedTime;
    private final int mask;
    private final UnsafeBuffer pending = new UnsafeBuffer(BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH, 64));
    private final UnsafeBuffer report = new UnsafeBuffer(BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH, 64));
    private final MessageHandler orderHandler;
    private final long[] processedThrough;
    private final LongSupplier stageErrors;
    private final OperatorControl operator;
    private long loops;
    private final FrameChecksum checksum = new FrameChecksum();
    private final FrameEncoder controlEncoder = new FrameEncoder();
    private final KillSwitchEncoder killSwitch = new KillSwitchEncoder();
    private final UnsafeBuffer control = new UnsafeBuffer(BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH, 64));
    private long controlSequence;
    private long errorsSeen;
    private long gateSequence = -1;
    private long publisherSeen = -1;
    private long lastSequence = -1;
    private long lastTimeNs = Long.MIN_VALUE;
    private long published;

    FeedPoller(
        final RingBuffer<FrameEvent> ring,
        final FrameSource source,
        final SimExchange exchange,
        final org.agrona.concurrent.ringbuffer.RingBuffer orders,
        final LongSupplier publishedThrough,
        final long exchangeLatencyNs,
        final long[] processedThrough,
        final LongSupplier stageErrors,
        final OperatorControl operator)
    {
        this.operator = operator;
        this.processedThrough = processedThrough;
        this.stageErrors = stageErrors;
        this.controlSequence = processedThrough[CONTROL_CHANNEL];
        this.ring = ring;
        this.source = source;
        this.exchange = exchange;
        this.orders = orders;
        this.publishedThrough = publishedThrough;
        this.exchangeLatencyNs = exchangeLatencyNs;
        this.publishedTime = new long[ring.getBufferSize()];
        this.mask = ring.getBufferSize() - 1;
        this.orderHandler = (msgTypeId, buffer, index, length) -> exchange.onOrder(buffer, index, length);
    }

    /**
     * Publishes up to maxFrames frames; with intervalNs &gt; 0 paces them from startNs on.
     *
     * @return frames published by this call.
     */
    long run(final long maxFrames, final long startNs, final long intervalNs)
    {
        final long first = published;
        while (published - first < maxFrames)
        {
            if (stageErrors.getAsLong() > errorsSeen)
            {
                errorsSeen = stageErrors.getAsLong();
                publishKillSwitch(true, KillSwitchOrigin.STAGE_ERROR, first, startNs, intervalNs);
                continue;
            }
            final int command = operator != null && (++loops & CONTROL_POLL_MASK) == 0 ?
                operator.poll() : OperatorControl.NONE;
            if (command != OperatorControl.NONE)
            {
                publishKillSwitch(command == 1, KillSwitchOrigin.OPERATOR, first, startNs, intervalNs);
                continue;
            }
            final int length = source.poll(pending, 0, FrameHeader.MAX_FRAME_LENGTH);
            if (length == FrameSource.END)
            {
                break;
            }
            if (length == 0)
            {
                drainOrders();
                continue;
            }
            if (!intact(length))
            {
                publish(pending, length, lastTimeNs, first, startNs, intervalNs);
                continue;
            }
            if (alreadyProcessed())
            {
                exchange.onMarketFrame(pending, 0, length);
                continue;
            }
            final long timeNs = Math.max(lastTimeNs, FrameHeader.sendingTimeNs(pending, 0));
            awaitOrdersUpTo(timeNs - exchangeLatencyNs);
            int reportLength;
            while (published - first < maxFrames && (reportLength = exchange.poll(timeNs, report, 0)) > 0)
            {
                publish(report, reportLength, FrameHeader.sendingTimeNs(report, 0), first, startNs, intervalNs);
            }
            if (published - first < maxFrames)
            {
                exchange.onMarketFrame(pending, 0, length);
                publish(pending, length, timeNs, first, startNs, intervalNs);
            }
        }
        return published - first;
    }

    /**
     * An exception in a stage, or an operator command, engages or releases the kill switch through a journaled
     * input on the control channel, so replay sees it too.
     */
    private void publishKillSwitch(
        final boolean engaged, final KillSwitchOrigin origin, final long first, final long startNs,
        final long intervalNs)
    {
        controlEncoder.begin(control, 0, killSwitch, CONTROL_CHANNEL, ++controlSequence, lastTimeNs);
        killSwitch.engaged((short)(engaged ? 1 : 0)).origin(origin);
        publish(control, controlEncoder.end(killSwitch), lastTimeNs, first, startNs, intervalNs);
    }

    /**
     * True when the frame's length and checksum hold, so its header can be trusted. A damaged frame is published
     * as it is, at the time of the frame before it, for the logic to journal, reject and count: its time, channel
     * and sequence are never used, and the exchange never sees it.
     */
    private boolean intact(final int length)
    {
        return length >= FrameHeader.MIN_FRAME_LENGTH && length <= FrameHeader.MAX_FRAME_LENGTH &&
            FrameHeader.frameLength(pending, 0) == length && checksum.matches(pending, 0, length);
    }

    /** True for a frame the journal already holds, from a source replaying from its start after a restart. */
    private boolean alreadyProcessed()
    {
        final int channel = FrameHeader.channelId(pending, 0);
        return channel >= 0 && channel < processedThrough.length &&
            FrameHeader.sequence(pending, 0) <= processedThrough[channel];
    }

    private void awaitOrdersUpTo(final long timeNs)
    {
        if (lastSequence - gateSequence > mask >> 1)
        {
            publisherSeen = publishedThrough.getAsLong();
            gateSequence = Math.max(gateSequence, publisherSeen);
        }
        while (gateSequence < lastSequence && publishedTime[(int)(gateSequence + 1) & mask] <= timeNs)
        {
            gateSequence++;
        }
        final long waitStartNs = System.nanoTime();
        while (publisherSeen < gateSequence)
        {
            publisherSeen = publishedThrough.getAsLong();
            if (publisherSeen < gateSequence && drainOrders() == 0)
            {
                checkStall(waitStartNs);
                Thread.yield();
            }
        }
        drainOrders();
    }

    /** The producer never waits for ever: a pipeline that makes no progress for STALL_TIMEOUT_NS ends the run. */
    private static void checkStall(final long waitStartNs)
    {
        if (System.nanoTime() - waitStartNs > STALL_TIMEOUT_NS)
        {
            throw new IllegalStateException("pipeline stalled: no progress for " + STALL_TIMEOUT_NS / 1_000_000_000L +
                " s (see hedgeflow stat --errors)");
        }
    }

    private int drainOrders()
    {
        return orders.read(orderHandler);
    }

    private void publish(
        final UnsafeBuffer frame,
        final int length,
        final long timeNs,
        final long first,
        final long startNs,
        final long intervalNs)
    {
        long receiveNs = System.nanoTime();
        if (intervalNs > 0)
        {
            final long intendedNs = startNs + (published - first) * intervalNs;
            while (receiveNs < intendedNs)
            {
                Thread.yield();
                receiveNs = System.nanoTime();
            }
            receiveNs = intendedNs;
        }
        final long waitStartNs = System.nanoTime();
        long sequence;
        while (true)
        {
            try
            {
                sequence = ring.tryNext();
                break;
            }
            catch (final InsufficientCapacityException ex)
            {
                if (drainOrders() == 0)
                {
                    checkStall(waitStartNs);
                    Thread.yield();
                }
            }
        }
        final FrameEvent event = ring.get(sequence);
        event.input.putBytes(0, frame, 0, length);
        event.inputLength = length;
        event.receiveNs = receiveNs;
        event.outputLength = 0;
        ring.publish(sequence);
        publishedTime[(int)sequence & mask] = timeNs;
        lastSequence = sequence;
        lastTimeNs = timeNs;
        published++;
    }
}
