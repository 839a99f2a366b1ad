package io.hedgeflow.pipeline;

import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.sim.MarketSimulator;

import org.agrona.IoUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Warms the JIT before a session starts. A cold JVM runs the logic 10-100x slower for its first seconds (the Vector
 * API kernel until C2 compiles it, DESIGN section 10), and its rare paths (decisions, orders, risk checks, fills)
 * stay interpreted for many seconds more; a network feed cannot wait (the kernel drops the datagrams the engine does
 * not take in time), a simulated feed and the latency harness would measure the JIT instead of the engine. This runs
 * a throwaway engine of the same configuration on the simulator into a temporary journal, deleted afterwards, so the
 * real engine starts compiled. The real session's journal, logic and exchange are separate instances: nothing of the
 * warm-up reaches them (EngineDeterminismTest). It ends with a collection, so the garbage of its cold phase (the
 * kernel's code before C2 allocates) is not left in the young generation for the session's first GC, and then waits
 * (at most {@link #COMPILER_WAIT_NS}) until the JIT's compiler threads are idle ({@link CompilerThreads}): the
 * compiles the warm-up queued finish before the session, not in its first seconds on a core the engine needs.
 */
public final class EngineWarmup
{
    /** Longest wait for the compiler threads to go idle after the throwaway run. */
    public static final long COMPILER_WAIT_NS = 10_000_000_000L;

    private EngineWarmup()
    {
    }

    /**
     * Runs frames simulated frames through a throwaway engine configured as ctx (threading, logic, simulator), with
     * no sockets and no snapshots; none for 0 frames.
     *
     * @return frames run.
     */
    public static long run(final EngineContext ctx, final long frames) throws IOException
    {
        return run(ctx, frames, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * As {@link #run(EngineContext, long)}, with the throwaway journal in a temporary directory under parent (the
     * file system the real journal uses, so the warm-up also warms that path), deleted afterwards.
     *
     * @return frames run.
     */
    public static long run(final EngineContext ctx, final long frames, final Path parent) throws IOException
    {
        if (frames <= 0)
        {
            return 0;
        }
        final Path dir = Files.createTempDirectory(parent, "hedgeflow-warmup");
        final long run;
        try
        {
            final ThreadingMode mode = ctx.threadingMode() == ThreadingMode.INVOKER ? ThreadingMode.SHARED :
                ctx.threadingMode();
            final EngineContext warm = new EngineContext().journalDir(dir).ringSize(ctx.ringSize()).threadingMode(mode)
                .idleStrategy(ctx.idleStrategy()).processorIdleStrategy(ctx.processorIdleStrategy())
                .logicContext(ctx.logicContext()).simContext(ctx.simContext()).snapshotInterval(0);
            try (Engine engine = new Engine(warm, new SimFeedSource(new MarketSimulator(ctx.simContext()))))
            {
                run = engine.run(frames, 0);
            }
            System.gc();
        }
        finally
        {
            IoUtil.delete(dir.toFile(), false);
        }
        CompilerThreads.awaitIdle(COMPILER_WAIT_NS);
        return run;
    }
}
