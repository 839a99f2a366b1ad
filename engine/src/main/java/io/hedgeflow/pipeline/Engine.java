package io.hedgeflow.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.gateway.UdpFramePublisher;
import io.hedgeflow.gateway.UdpFrameSource;
import io.hedgeflow.gateway.deribit.DeribitFrameSource;
import io.hedgeflow.gateway.fix.FixOrderRoute;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalHeader;
import io.hedgeflow.logic.DecisionRehearsal;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.sim.SimExchange;
import io.hedgeflow.status.EngineCounters;
import jdk.incubator.vector.DoubleVector;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;

import java.io.IOException;
import java.util.List;

/**
 * The live engine, in the threading mode of its context ({@link ThreadingMode}):
 * <pre>
 *   SHARED, INVOKER   FrameSource ─► FeedPoller ─► FrameHandler                       one thread
 *   DEDICATED         FrameSource ─► ReceiverAgent ─► ring ─► ProcessorAgent: FrameHandler    two threads
 *
 *   FrameHandler: exchange reports due ─► InputJournalHandler ─► LogicHandler ─► OrderPublishHandler ─┐
 *                         ▲                                                                         │
 *                         └──────────────────────── SimExchange ◄───────────────── NewOrder ────────┘
 * </pre>
 * The simulated exchange lives on the processing thread, so the input sequence (and the journal) depends on the
 * feed alone: every mode writes the same journal for the same feed, and the feed never waits for the processing
 * thread (DEDICATED: only a full ring holds it back, counted). With an order gateway configured
 * ({@link EngineContext#orderGateway()}) NewOrder frames go out as UDP datagrams instead, and execution reports are
 * expected back on the feed; with an order route ({@link EngineContext#orderRoute()}, e.g. a FIX venue) NewOrder
 * frames go to it and its reports come back through the frame source. With a control endpoint ({@link EngineContext#control()}) the processing thread also
 * takes operator KillSwitch commands ({@link OperatorControl}), journaled as inputs of the control channel. On an
 * existing journal the engine first recovers ({@link Recovery}): the logic's state is rebuilt from the journaled
 * inputs, sequences continue, and frames the source replays that were already processed are skipped. Counters and
 * errors go to the counters file in the journal directory, where {@code hedgeflow stat} reads them.
 * <p>
 * Journal faults fail closed ({@link JournalFault}): the engine refuses to start with less than
 * {@link EngineContext#minFreeDiskBytes()} free on the journal's file system; while running, a
 * {@link DiskSpacePoller} thread checks it off the hot path, and a journal write error is caught where it happens.
 * Either way nothing more is processed or sent, {@link #run} and {@link #doWork()} throw
 * {@link JournalFaultException}, and {@link #close()} leaves the journal as a crash would (no seal is written to
 * a file system that cannot take it); a restart recovers it.
 */
public final class Engine implements AutoCloseable
{
    /** Engine version recorded in journal headers. */
    public static final String VERSION = "0.1.0";
    /** Most feed frames one duty cycle takes ({@link #doWork()} in INVOKER mode). */
    public static final int DUTY_CYCLE_BATCH = DutyCycleAgent.BATCH;
    private static final int CONTROL_RECEIVE_BUFFER = 1 << 16;

    private final ThreadingMode mode;
    private final Journal journal;
    private final HedgeLogic logic;
    private final DecisionRehearsal rehearsal;
    private final EngineCounters counters;
    private final PipelineExceptionHandler errors;
    private final FrameSource source;
    private final Recovery.Result recovery;
    private final OrderGateway orderGateway;
    private final UdpFrameSource controlSource;
    private final OperatorControl operator;
    private final FeedPoller feed;
    private final FrameHandler handler;
    private final IdleStrategy idle;
    private final Agent feedAgent;
    private final RingBuffer<FrameEvent> ring;
    private final ProcessorAgent processor;
    private final AgentRunner processorRunner;
    private final JournalFault fault;
    private final DiskSpacePoller diskSpace;
    private volatile boolean stopRequested;
    private boolean closed;

    public Engine(final EngineContext ctx, final FrameSource source) throws IOException
    {
        ctx.conclude();
        this.source = source;
        mode = ctx.threadingMode();
        fault = new JournalFault(ctx.journalDir(), ctx.minFreeDiskBytes());
        fault.requireFreeSpace();
        controlSource = ctx.control() != null ? new UdpFrameSource(ctx.control(), CONTROL_RECEIVE_BUFFER, 0) : null;
        journal = Journal.open(new JournalContext().directory(ctx.journalDir()).rollCycle(ctx.rollCycle().rollCycle())
            .pretouch(ctx.journalPretouch()).mapAhead(ctx.journalMapAhead())
            .header(sessionHeader(ctx.logicContext())));
        counters = new EngineCounters(ctx.journalDir());
        operator = controlSource != null ? new OperatorControl(controlSource, ctx, counters) : null;
        errors = new PipelineExceptionHandler(counters);
        if (source.origin() instanceof UdpFrameSource udp)
        {
            udp.countReceivedInto(counters.udpFeed(udp.localPort()));
        }
        if (source.origin() instanceof DeribitFrameSource deribit)
        {
            deribit.countInto(counters);
        }
        logic = new HedgeLogic(ctx.logicContext());
        rehearsal = ctx.idleWarmIntervalNs() > 0 ? new DecisionRehearsal(ctx.logicContext()) : null;
        final SimExchange exchange = new SimExchange(ctx.simContext());
        final boolean ordersToSimExchange = ctx.orderRoute() == null && ctx.orderGateway() == null;
        recovery = Recovery.recover(journal, logic, ordersToSimExchange ? exchange : null);
        final long base = recovery.nextRingSequence();
        orderGateway = ctx.orderRoute() != null ? ctx.orderRoute() : ctx.orderGateway() != null ?
            new UdpFramePublisher(ctx.orderGateway(), FrameHeader.MAX_FRAME_LENGTH) : null;
        if (orderGateway != null)
        {
            orderGateway.onRecovered(logic.lastSequence(SimExchange.CHANNEL_ID), logic.killSwitchEngaged());
        }
        if (orderGateway instanceof FixOrderRoute route)
        {
            route.countInto(counters);
        }
        handler = new FrameHandler(new InputJournalHandler(journal.inputsAppender(), counters),
            new LogicHandler(logic, counters, base, ctx.journalDir(), ctx.snapshotInterval(), ctx.idleWarmIntervalNs(),
                rehearsal),
            new OrderPublishHandler(journal.inputsAppender(), journal.decisionsAppender(), exchange, orderGateway,
                fault), exchange, errors, fault, lastSequences(logic), base);
        diskSpace = new DiskSpacePoller(fault);
        feed = new FeedPoller(source);
        idle = ctx.idleStrategy().newStrategy();
        if (mode == ThreadingMode.DEDICATED)
        {
            ring = RingBuffer.createSingleProducer(FrameEvent::new, ctx.ringSize());
            processor = new ProcessorAgent(ring, handler, operator);
            feedAgent = new ReceiverAgent(feed, ring, counters.backPressure());
            processorRunner = new AgentRunner(ctx.processorIdleStrategy().newStrategy(), errors, null, processor);
            AgentRunner.startOnThread(processorRunner, runnable ->
            {
                final Thread thread = new Thread(runnable);
                thread.setDaemon(true);
                return thread;
            });
        }
        else
        {
            ring = null;
            processor = null;
            processorRunner = null;
            feedAgent = new DutyCycleAgent(feed, handler, operator);
            feed.start(Long.MAX_VALUE, 0, 0);
        }
    }

    /**
     * Takes up to maxFrames frames from the source (paced at ratePerSecond when positive), or fewer when
     * {@link #requestStop()} is called, and returns once all of them are processed: SHARED runs the duty cycle on the
     * caller's thread, DEDICATED the feed receiver (the processor has its own thread). Not in INVOKER mode: there the
     * caller drives {@link #doWork()}.
     *
     * @return frames taken from the source (the exchange's reports come on top as inputs).
     */
    public long run(final long maxFrames, final double ratePerSecond)
    {
        if (mode == ThreadingMode.INVOKER)
        {
            throw new IllegalStateException("threading mode INVOKER: the caller drives the engine with doWork()");
        }
        final long intervalNs = ratePerSecond > 0 ? Math.max(1L, Math.round(1e9 / ratePerSecond)) : 0L;
        final long first = feed.polled();
        feed.start(maxFrames, System.nanoTime(), intervalNs);
        idle.reset();
        while (!feed.done() && !stopRequested)
        {
            fault.throwIfFaulted();
            idle.idle(doWork(feedAgent));
        }
        fault.throwIfFaulted();
        if (mode == ThreadingMode.DEDICATED)
        {
            awaitProcessed();
        }
        return feed.polled() - first;
    }

    /**
     * Asks {@link #run} to return early, from any thread (a signal handler): it takes no further frame from the
     * source and returns once every frame it took is processed, as at the end of a feed. Later calls of run return
     * at once.
     */
    public void requestStop()
    {
        stopRequested = true;
    }

    /**
     * INVOKER mode: one duty cycle on the caller's thread (up to a batch of feed frames, each fully processed).
     *
     * @return work done; 0 when no frame was ready (see {@link #feedEnded()}).
     */
    public int doWork()
    {
        if (mode != ThreadingMode.INVOKER)
        {
            throw new IllegalStateException("threading mode " + mode + ": the engine drives itself, use run()");
        }
        fault.throwIfFaulted();
        return doWork(feedAgent);
    }

    /** True once the source ended (a capture file's end, a UDP feed's idle timeout). */
    public boolean feedEnded()
    {
        return feed.ended();
    }

    private static int doWork(final Agent agent)
    {
        try
        {
            return agent.doWork();
        }
        catch (final RuntimeException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void awaitProcessed()
    {
        final long target = ring.getCursor();
        long seen = processor.processed();
        long progressNs = System.nanoTime();
        idle.reset();
        while (seen < target)
        {
            fault.throwIfFaulted();
            idle.idle();
            final long now = processor.processed();
            if (now > seen)
            {
                seen = now;
                progressNs = System.nanoTime();
            }
            else if (System.nanoTime() - progressNs > ReceiverAgent.STALL_TIMEOUT_NS)
            {
                throw new IllegalStateException("pipeline stalled: no progress for " +
                    ReceiverAgent.STALL_TIMEOUT_NS / 1_000_000_000L + " s (see hedgeflow stat --errors)");
            }
        }
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

    /** The threading mode this engine runs in. */
    public ThreadingMode threadingMode()
    {
        return mode;
    }

    /** What opening the journal noticed and repaired (an unfinished cycle file removed), one line each. */
    public List<String> journalNotices()
    {
        return journal.notices();
    }

    /** What the restart from an existing journal did (all zero for a new journal). */
    public Recovery.Result recovery()
    {
        return recovery;
    }

    /** Latency and service time are recorded for feed frames from the next one on (call between runs). */
    public void startMeasuring()
    {
        handler.startMeasuring();
    }

    /** The logic; read its state only after {@link #run} returned. */
    public HedgeLogic logic()
    {
        return logic;
    }

    /** Tick-to-decision latency in nanoseconds of the measured feed frames: receive (or intended) time to done. */
    public Histogram latency()
    {
        return handler.latency();
    }

    /** Service time in nanoseconds of the measured feed frames: taken by the processing thread to done. */
    public Histogram service()
    {
        return handler.service();
    }

    /**
     * Service time in nanoseconds of the measured feed frames by their SBE template id (array index), 2 significant
     * digits; templates never seen have empty histograms.
     */
    public Histogram[] serviceByTemplate()
    {
        return handler.serviceByTemplate();
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
            diskSpace.close();
            if (processorRunner != null)
            {
                processorRunner.close();
            }
            if (!fault.faulted())
            {
                journal.close();
            }
            counters.close();
            logic.close();
            if (rehearsal != null)
            {
                rehearsal.close();
            }
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
}
