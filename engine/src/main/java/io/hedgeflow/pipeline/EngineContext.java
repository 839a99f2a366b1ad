package io.hedgeflow.pipeline;

import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.sim.SimContext;

import java.nio.file.Path;

/**
 * Configuration of an {@link Engine}: journal directory, ring size, wait strategy, thread layout, the logic's
 * context and the simulated exchange's context. {@link #conclude()} validates and names the offending key.
 */
public final class EngineContext
{
    private Path journalDir;
    private int ringSize = 16_384;
    private WaitStrategyKind waitStrategy = WaitStrategyKind.SLEEPING;
    private ThreadLayout threadLayout = ThreadLayout.COMBINED;
    private LogicContext logicContext = new LogicContext();
    private SimContext simContext = new SimContext();
    private long snapshotInterval = 1_000_000L;
    private JournalRollCycle rollCycle = JournalRollCycle.HOURLY;
    private UdpEndpoint orderGateway;
    private OrderGateway orderRoute;
    private UdpEndpoint control;

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
        if (snapshotInterval < 0)
        {
            throw new IllegalArgumentException("snapshotInterval must not be negative: " + snapshotInterval);
        }
        if (rollCycle == null)
        {
            throw new IllegalArgumentException("rollCycle must be set");
        }
        if (waitStrategy == null)
        {
            throw new IllegalArgumentException("waitStrategy must be set");
        }
        if (threadLayout == null)
        {
            throw new IllegalArgumentException("threadLayout must be set");
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

    public WaitStrategyKind waitStrategy()
    {
        return waitStrategy;
    }

    public EngineContext waitStrategy(final WaitStrategyKind value)
    {
        waitStrategy = value;
        return this;
    }

    /**
     * How the pipeline stages map onto handler threads; COMBINED (the default) was chosen by measurement on
     * 2-core machines (docs/performance-pipeline.md).
     */
    public ThreadLayout threadLayout()
    {
        return threadLayout;
    }

    public EngineContext threadLayout(final ThreadLayout value)
    {
        threadLayout = value;
        return this;
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
}
