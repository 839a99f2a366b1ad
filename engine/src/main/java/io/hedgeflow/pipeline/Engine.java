package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.gateway.UdpFramePublisher;
import io.hedgeflow.gateway.UdpFrameSource;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalHeader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.sim.SimExchange;
import io.hedgeflow.status.EngineCounters;
import jdk.incubator.vector.DoubleVector;
import org.HdrHistogram.Histogram;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live engine: a feed poller publishing raw frames into a Disruptor ring, the input journaler and the logic
 * in parallel, then the order publisher gated on both ({@link ThreadLayout#SPLIT}; {@link ThreadLayout#COMBINED}
 * runs the same three stages in sequence on one thread).
 * <pre>
 *   FrameSource ─► FeedPoller ─► ring ─┬─► InputJournalHandler ─┐
 *        ▲                             └─► LogicHandler ────────┴─► OrderPublishHandler ─► decisions journal
 *        │                                                                 │
 *        └──── ExecutionReports ◄── SimExchange ◄──── order ring ◄─────────┘
 * </pre>
 * With an order gateway configured ({@link EngineContext#orderGateway()}) NewOrder frames go out as UDP datagrams
 * instead, and execution reports are expected back on the feed; with an order route
 * ({@link EngineContext#orderRoute()}, e.g. a FIX venue) NewOrder frames go to it and its reports come back through
 * the frame source. With a control endpoint
 * ({@link EngineContext#control()}) the poller also takes operator KillSwitch commands ({@link OperatorControl}),
 * journaled as inputs of the control channel. On an existing journal the engine first recovers
 * ({@link Recovery}): the logic's state is rebuilt from the journaled inputs, ring sequences continue, and frames
 * the source replays that were already processed are skipped. The caller's thread runs the poller
 * ({@link #run}); the stages run on one or three threads by {@link EngineContext#threadLayout()}. Counters and
 * errors go to the counters file in the journal directory, where {@code hedgeflow stat} reads them.
 */
public final class Engine implements AutoCloseable
{
    /** Engine version recorded in journal headers. */
    public static final String VERSION = "0.1.0";
    private static final int ORDER_RING_CAPACITY = 1 << 16;
    private static final int CONTROL_RECEIVE_BUFFER = 1 << 16;

    private final Journal journal;
    private final HedgeLogic logic;
    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    private final Disruptor<FrameEvent> disruptor;
    private final LogicHandler logicHandler;
    private final EventHandler<FrameEvent> lastStage;
    private final EngineCounters counters;
    private final PipelineExceptionHandler errors;
    private final FeedPoller poller;
    private final FrameSource source;
    private final Recovery.Result recovery;
    private final OrderGateway orderGateway;
    private final UdpFrameSource controlSource;
    private final OperatorControl operator;
    private boolean closed;

    public Engine(final EngineContext ctx, final FrameSource source) throws IOException
    {
        ctx.conclude();
        this.source = source;
        controlSource = ctx.control() != null ? new UdpFrameSource(ctx.control(), CONTROL_RECEIVE_BUFFER, 0) : null;
        operator = controlSource != null ? new OperatorControl(controlSource) : null;
        journal = Journal.open(new JournalContext().directory(ctx.journalDir()).rollCycle(ctx.rollCycle().rollCycle())
            .header(sessionHeader(ctx.logicContext())));
        counters = new EngineCounters(ctx.journalDir());
        errors = new PipelineExceptionHandler(counters);
        if (source instanceof UdpFrameSource udp)
        {
            udp.countReceivedInto(counters.udpFeed(udp.localPort()));
        }
        logic = new HedgeLogic(ctx.logicContext());
        final SimExchange exchange = new SimExchange(ctx.simContext());
        recovery = Recovery.recover(journal, logic, exchange);
        final long base = recovery.nextRingSequence();
        final OneToOneRingBuffer orders = new OneToOneRingBuffer(new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            ORDER_RING_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH, 64)));
        disruptor = new Disruptor<>(FrameEvent::new, ctx.ringSize(), new StageThreadFactory(), ProducerType.SINGLE,
            ctx.waitStrategy().newStrategy());
        final RingBuffer<FrameEvent> ring = disruptor.getRingBuffer();
        logicHandler = new LogicHandler(logic, latency, counters, ring, base, ctx.journalDir(),
            ctx.snapshotInterval());
        orderGateway = ctx.orderRoute() != null ? ctx.orderRoute() : ctx.orderGateway() != null ?
            new UdpFramePublisher(ctx.orderGateway(), FrameHeader.MAX_FRAME_LENGTH) : null;
        final OrderPublishHandler publisher =
            new OrderPublishHandler(journal.decisionsAppender(), orders, orderGateway, base);
        disruptor.setDefaultExceptionHandler(errors);
        lastStage = ctx.threadLayout().wire(disruptor,
            new InputJournalHandler(journal.inputsAppender(), counters, ring, base), logicHandler, publisher);
        poller = new FeedPoller(ring, source, exchange, orders, () -> disruptor.getSequenceValueFor(lastStage),
            ctx.simContext().latencyNs(), lastSequences(logic), errors::errors, operator);
        disruptor.start();
    }

    /**
     * Publishes up to maxFrames frames from the source (paced at ratePerSecond when positive) and waits until the
     * pipeline has processed all of them.
     *
     * @return frames published.
     */
    public long run(final long maxFrames, final double ratePerSecond)
    {
        final long intervalNs = ratePerSecond > 0 ? Math.max(1L, Math.round(1e9 / ratePerSecond)) : 0L;
        final long frames = poller.run(maxFrames, System.nanoTime(), intervalNs);
        awaitProcessed();
        return frames;
    }

    /** The journal header of a session of this engine with this configuration on this JVM. */
    public static JournalHeader sessionHeader(final LogicContext ctx)
    {
        return JournalHeader.session(VERSION, ctx.digest(), DoubleVector.SPECIES_PREFERRED.vectorBitSize());
    }

    private static long[] lastSequences(final HedgeLogic logic)
    {
        final long[] last = new long[HedgeLogic.CHANNELS];
        for (int channel = 0; channel < last.length; channel++)
        {
            last[channel] = logic.lastSequence(channel);
        }
        return last;
    }

    /** What the restart from an existing journal did (all zero for a new journal). */
    public Recovery.Result recovery()
    {
        return recovery;
    }

    /** Latency is recorded for inputs from the next frame published on. */
    public void startMeasuring()
    {
        logicHandler.measureFrom(disruptor.getCursor() + 1);
    }

    private void awaitProcessed()
    {
        final long target = disruptor.getCursor();
        while (disruptor.getSequenceValueFor(lastStage) < target)
        {
            Thread.yield();
        }
    }

    /** The logic; read its state only after {@link #run} returned. */
    public HedgeLogic logic()
    {
        return logic;
    }

    /** Tick-to-decision latency in nanoseconds of the measured inputs. */
    public Histogram latency()
    {
        return latency;
    }

    /** Frames the source dropped as unreadable, and datagrams on the control endpoint that were not a command. */
    public long sourceRejected()
    {
        return source.rejected() + (operator != null ? operator.rejected() : 0);
    }

    /** The local port of the operator control endpoint, -1 without one. */
    public int controlPort()
    {
        return controlSource != null ? controlSource.localPort() : -1;
    }

    /** Exceptions raised by pipeline stages. */
    public long errors()
    {
        return errors.errors();
    }

    public Throwable firstError()
    {
        return errors.first();
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            disruptor.halt();
            journal.close();
            counters.close();
            logic.close();
            source.close();
            if (operator != null)
            {
                operator.close();
            }
            if (orderGateway != null)
            {
                orderGateway.close();
            }
        }
    }

    private static final class StageThreadFactory implements ThreadFactory
    {
        private final AtomicInteger count = new AtomicInteger();

        public Thread newThread(final Runnable r)
        {
            final Thread thread = new Thread(r, "hedgeflow-stage-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
