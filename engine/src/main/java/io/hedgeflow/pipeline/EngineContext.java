package io.hedgeflow.pipeline;

import io.hedgeflow.control.ControlKey;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.fix.FixOrderGatewayContext;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.sim.SimContext;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.nio.file.Path;

/**
 * Configuration of an {@link Engine}: journal directory, ring size, threading mode and idle strategies, the logic's
 * context and the simulated exchange's context. {@link #conclude()} validates and names the offending key.
 * Threading mode and idle strategies left unset follow the cores available ({@link #threadingReason()}).
 */
public final class EngineContext
{
    private Path journalDir;
    private int ringSize = 16_384;
    private ThreadingMode threadingMode;
    private IdleStrategyKind idleStrategy;
    private IdleStrategyKind processorIdleStrategy;
    private LogicContext logicContext = new LogicContext();
    private SimContext simContext = new SimContext();
    private final FixOrderGatewayContext fixContext = new FixOrderGatewayContext();
    private long snapshotInterval = 1_000_000L;
    private JournalRollCycle rollCycle = JournalRollCycle.HOURLY;
    private UdpEndpoint orderGateway;
    private OrderGateway orderRoute;
    private UdpEndpoint control;
    private ControlKey controlKey;
    private long controlWindowNs = 30_000_000_000L;
    private long minFreeDiskBytes = 256L << 20;
    private boolean journalPretouch = true;
    private boolean journalMapAhead = true;
    private long idleWarmIntervalNs = 100_000L;
    private EpochNanoClock controlClock = new SystemEpochNanoClock();

    public EngineContext conclude()
    {
        if (journalDir == null)
        {
            throw new IllegalArgumentException("journalDir must be set");
        }
        if (ringSize < 64 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ringSize must be a power of two >= 64: " + ringSize);
        }
        if (idleWarmIntervalNs < 0)
        {
            throw new IllegalArgumentException("idleWarmIntervalNs must not be negative: " + idleWarmIntervalNs);
        }
        if (snapshotInterval < 0)
        {
            throw new IllegalArgumentException("snapshotInterval must not be negative: " + snapshotInterval);
        }
        if (rollCycle == null)
        {
            throw new IllegalArgumentException("rollCycle must be set");
        }
        if (controlWindowNs <= 0)
        {
            throw new IllegalArgumentException("controlWindowNs must be positive: " + controlWindowNs);
        }
        if (minFreeDiskBytes < 0)
        {
            throw new IllegalArgumentException("minFreeDiskBytes must not be negative: " + minFreeDiskBytes);
        }
        if (control != null && controlKey == null)
        {
            throw new IllegalArgumentException("controlKey must be set with a control endpoint (fail closed: " +
                "commands are authenticated)");
        }
        logicContext.conclude();
        simContext.conclude();
        return this;
    }

    public Path journalDir()
    {
        return journalDir;
    }

    public EngineContext journalDir(final Path value)
    {
        journalDir = value;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public EngineContext ringSize(final int value)
    {
        ringSize = value;
        return this;
    }

    /** Which threads run the duty cycle; unset: {@link ThreadingMode#forProcessors} of the cores available. */
    public ThreadingMode threadingMode()
    {
        return threadingMode != null ? threadingMode : ThreadingMode.forProcessors(cores());
    }

    public EngineContext threadingMode(final ThreadingMode value)
    {
        threadingMode = value;
        return this;
    }

    /**
     * How the feed thread waits (SHARED: the one thread; DEDICATED: the receiver; INVOKER: unused). Unset: BUSY_SPIN
     * when every busy engine thread has a core and one core is left over, else BACKOFF.
     */
    public IdleStrategyKind idleStrategy()
    {
        return idleStrategy != null ? idleStrategy : defaultIdleStrategy();
    }

    public EngineContext idleStrategy(final IdleStrategyKind value)
    {
        idleStrategy = value;
        return this;
    }

    /** How the DEDICATED processor thread waits for frames in the ring; unset: as {@link #idleStrategy()}. */
    public IdleStrategyKind processorIdleStrategy()
    {
        return processorIdleStrategy != null ? processorIdleStrategy : idleStrategy();
    }

    public EngineContext processorIdleStrategy(final IdleStrategyKind value)
    {
        processorIdleStrategy = value;
        return this;
    }

    /** One line saying what threads the engine runs and why, printed at start: "threading SHARED: 2 cores ...". */
    public String threadingReason()
    {
        final String idle = threadingMode() == ThreadingMode.DEDICATED ?
            "receiver idle " + idleStrategy() + ", processor idle " + processorIdleStrategy() :
            "idle " + idleStrategy();
        return "threading " + threadingMode() + ": " + (threadingMode != null ? "configured" : cores() + " cores") +
            " (" + idle + (idleStrategy != null ? ", configured" : "") + ")";
    }

    private IdleStrategyKind defaultIdleStrategy()
    {
        final int busyThreads = threadingMode() == ThreadingMode.DEDICATED ? 2 : 1;
        return cores() > busyThreads ? IdleStrategyKind.BUSY_SPIN : IdleStrategyKind.BACKOFF;
    }

    private static int cores()
    {
        return Runtime.getRuntime().availableProcessors();
    }

    public LogicContext logicContext()
    {
        return logicContext;
    }

    public EngineContext logicContext(final LogicContext value)
    {
        logicContext = value;
        return this;
    }

    /**
     * FIX order route settings (section {@code fix}: order type, cancel-on-disconnect, reconnect interval, reply
     * timeout); the address, credentials and directory come from {@code run --orders-to fix://}.
     */
    public FixOrderGatewayContext fixContext()
    {
        return fixContext;
    }

    /** Simulated market and exchange settings; the exchange closes the loop for every feed. */
    public SimContext simContext()
    {
        return simContext;
    }

    public EngineContext simContext(final SimContext value)
    {
        simContext = value;
        return this;
    }

    /**
     * Inputs between logic snapshots written to the journal directory (0: none). A snapshot is taken on the
     * logic's thread and costs about a millisecond per thousand options; restarts replay from the latest one.
     */
    public long snapshotInterval()
    {
        return snapshotInterval;
    }

    public EngineContext snapshotInterval(final long value)
    {
        snapshotInterval = value;
        return this;
    }

    /** When the journal queues start a new file, by UTC wall clock. */
    public JournalRollCycle rollCycle()
    {
        return rollCycle;
    }

    public EngineContext rollCycle(final JournalRollCycle value)
    {
        rollCycle = value;
        return this;
    }

    /** Where NewOrder frames go as UDP datagrams; null (the default): to the simulated exchange, closing the loop. */
    public UdpEndpoint orderGateway()
    {
        return orderGateway;
    }

    public EngineContext orderGateway(final UdpEndpoint value)
    {
        orderGateway = value;
        return this;
    }

    /**
     * Where NewOrder frames go when not to the simulated exchange nor as UDP datagrams (a FIX venue); the engine
     * closes it. Its execution reports come back through the engine's frame source. Null (the default): none.
     */
    public OrderGateway orderRoute()
    {
        return orderRoute;
    }

    public EngineContext orderRoute(final OrderGateway value)
    {
        orderRoute = value;
        return this;
    }

    /**
     * Where the engine listens for operator KillSwitch frames (hedgeflow kill); null (the default): nowhere, the
     * engine opens no control socket.
     */
    public UdpEndpoint control()
    {
        return control;
    }

    public EngineContext control(final UdpEndpoint value)
    {
        control = value;
        return this;
    }

    /**
     * The key operator commands must be sealed with ({@link io.hedgeflow.control.CommandSeal}); required with a
     * control endpoint (command line only: {@code --control-key FILE}).
     */
    public ControlKey controlKey()
    {
        return controlKey;
    }

    public EngineContext controlKey(final ControlKey value)
    {
        controlKey = value;
        return this;
    }

    /**
     * How far an operator command's timestamp may be from the control endpoint's wall clock (either way) and how long
     * its nonce is remembered against replay.
     */
    public long controlWindowNs()
    {
        return controlWindowNs;
    }

    public EngineContext controlWindowNs(final long value)
    {
        controlWindowNs = value;
        return this;
    }

    /**
     * Least free space on the journal's file system: the engine refuses to start below it and, checked off the hot
     * path while running, fails closed when free space falls under it (before a mapped journal write could fault).
     */
    public long minFreeDiskBytes()
    {
        return minFreeDiskBytes;
    }

    public EngineContext minFreeDiskBytes(final long value)
    {
        minFreeDiskBytes = value;
        return this;
    }

    /**
     * Whether the engine thread touches the journal's pages ahead of its writes, at the end of each batch and in
     * idle duty cycles, so appends rarely take the page fault of a new page ({@code JournalAppender.pretouch()}).
     */
    public boolean journalPretouch()
    {
        return journalPretouch;
    }

    public EngineContext journalPretouch(final boolean value)
    {
        journalPretouch = value;
        return this;
    }

    /**
     * Whether a journal thread maps each queue file's next 64 MiB block ahead of the engine's writes, so no append
     * maps one ({@code JournalContext.mapAhead}).
     */
    public boolean journalMapAhead()
    {
        return journalMapAhead;
    }

    public EngineContext journalMapAhead(final boolean value)
    {
        journalMapAhead = value;
        return this;
    }

    /**
     * How often at most an idle duty cycle keeps the logic's rare inputs warm: their data (the Greek columns of every
     * book and the instrument arrays, {@code HedgeLogic.warm()}, which changes no state) and their code (one frame of
     * a {@code DecisionRehearsal} on a shadow logic, whose output is discarded), ns of the engine's clock; 0: never
     * (and no shadow logic is built).
     */
    public long idleWarmIntervalNs()
    {
        return idleWarmIntervalNs;
    }

    public EngineContext idleWarmIntervalNs(final long value)
    {
        idleWarmIntervalNs = value;
        return this;
    }

    /** The wall clock of the control endpoint's staleness check (outside the deterministic logic). */
    public EpochNanoClock controlClock()
    {
        return controlClock;
    }

    public EngineContext controlClock(final EpochNanoClock value)
    {
        controlClock = value;
        return this;
    }
}
