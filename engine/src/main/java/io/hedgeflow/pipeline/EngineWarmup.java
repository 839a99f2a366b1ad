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
 * throwaway engines of the same configuration (snapshots and latency recording included, as the session runs) on
 * the simulator into a temporary directory, deleted afterwards, so the real engine starts compiled. One engine is
 * not enough: a session's first inputs (definitions before any quote, empty books, the journal's header record, the
 * first snapshot) take branches that the first throwaway engine ran only while its code was still interpreted,
 * without a profile, so C2 compiled them as uncommon traps and the real session deoptimised at its start, running
 * its frame path in the interpreter while C2 recompiled it on the cores the engine needed (a loopback feed at 100k/s
 * lost thousands of datagrams in its first second). After the first engine, {@link #ROUNDS} - 1 short fresh ones run
 * those branches in profiled code. The real session's journal, logic and exchange are separate instances: nothing of
 * the warm-up reaches them (EngineDeterminismTest). It ends with a collection, so the garbage of its cold phase (the
 * kernel's code before C2 allocates) is not left in the young generation for the session's first GC, and then waits
 * (at most {@link #COMPILER_WAIT_NS}) until the JIT's compiler threads are idle ({@link CompilerThreads}): the
 * compiles the warm-up queued finish before the session, not in its first seconds on a core the engine needs.
 */
public final class EngineWarmup
{
    /** Longest wait for the compiler threads to go idle after the throwaway run. */
    public static final long COMPILER_WAIT_NS = 10_000_000_000L;
    /** Throwaway engines run one after the other, each from an empty journal. */
    static final int ROUNDS = 4;
    /** Each engine after the first runs this fraction of the frames (1 / 16), the first engine the rest. */
    private static final int SHORT_ROUND_SHIFT = 4;

    private EngineWarmup()
    {
    }

    /**
     * Runs frames simulated frames through throwaway engines configured as ctx (threading, logic, simulator,
     * snapshot interval), with no sockets; none for 0 frames.
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
        long run = 0;
        try
        {
            final long shortRound = frames >> SHORT_ROUND_SHIFT;
            for (int round = 0; round < ROUNDS; round++)
            {
                final long roundFrames = round > 0 ? shortRound : frames - (ROUNDS - 1) * shortRound;
                if (roundFrames > 0)
                {
                    run += runEngine(ctx, Files.createDirectory(dir.resolve("round-" + round)), roundFrames);
                }
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

    private static long runEngine(final EngineContext ctx, final Path dir, final long frames) throws IOException
    {
        final ThreadingMode mode = ctx.threadingMode() == ThreadingMode.INVOKER ? ThreadingMode.SHARED :
            ctx.threadingMode();
        final EngineContext warm = new EngineContext().journalDir(dir).ringSize(ctx.ringSize()).threadingMode(mode)
            .idleStrategy(ctx.idleStrategy()).processorIdleStrategy(ctx.processorIdleStrategy())
            .logicContext(ctx.logicContext()).simContext(ctx.simContext()).snapshotInterval(ctx.snapshotInterval());
        try (Engine engine = new Engine(warm, new SimFeedSource(new MarketSimulator(ctx.simContext()))))
        {
            engine.startMeasuring();
            return engine.run(frames, 0);
        }
    }
}
