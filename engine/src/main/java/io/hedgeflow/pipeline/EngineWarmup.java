package io.hedgeflow.pipeline;

import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.sim.MarketSimulator;

import org.agrona.IoUtil;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Warms the JIT before a session starts. A cold JVM runs the logic 10-100x slower for its first seconds (the Vector
 * API kernel until C2 compiles it, DESIGN section 10), and its rare paths (decisions, orders, risk checks, fills)
 * stay interpreted for many seconds more; a network feed cannot wait (the kernel drops the datagrams the engine does
 * not take in time), a simulated feed and the latency harness would measure the JIT instead of the engine. This runs
 * throwaway engines of the same configuration on the simulator into temporary journals, deleted afterwards, so the
 * real engine starts compiled. The real session's journal, logic and exchange are separate instances: nothing of the
 * warm-up reaches them (EngineDeterminismTest). It ends with a collection, so the garbage of its cold phase (the
 * kernel's code before C2 allocates) is not left in the young generation for the session's first GC.
 * <p>
 * The frames are shared by {@link #ROUNDS} engines run one after the other, each measuring and writing snapshots as
 * the session will: a new engine's first frames (its journal's header record, the simulator's definitions, new
 * buffers and state) take branches the steady state never takes, and C2, which compiled the steady paths without
 * them, deoptimises those methods when they are first taken. The second engine takes them during the warm-up, so
 * the session does not. While the compilers are still busy at the end of the last round (their compilation time
 * more than {@link #BUSY_FRACTION} of the round's wall time: a long C2 queue on a loaded machine), further rounds of
 * the same size follow, {@link #MAX_ROUNDS} in all at most, so the session does not start in code that C2 has yet
 * to compile.
 */
public final class EngineWarmup
{
    /** Engines the requested frames are shared between. */
    static final int ROUNDS = 2;
    /** Rounds at most, the extra ones only while the compilers are busy. */
    static final int MAX_ROUNDS = 2 * ROUNDS;
    /** Fraction of a round's wall time spent compiling above which the compilers count as busy. */
    static final double BUSY_FRACTION = 0.1;

    private EngineWarmup()
    {
    }

    /**
     * Runs at least frames simulated frames through throwaway engines configured as ctx (threading, logic,
     * simulator, snapshot interval), with no sockets; none for 0 frames.
     *
     * @return frames run: frames, or up to {@code MAX_ROUNDS / ROUNDS} times as many while the JIT was busy.
     */
    public static long run(final EngineContext ctx, final long frames) throws IOException
    {
        return run(ctx, frames, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * As {@link #run(EngineContext, long)}, with the throwaway journals in a temporary directory under parent (the
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
        final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        final boolean jitTimed = null != jit && jit.isCompilationTimeMonitoringSupported();
        final long size = (frames + ROUNDS - 1) / ROUNDS;
        final Path dir = Files.createTempDirectory(parent, "hedgeflow-warmup");
        try
        {
            long run = 0;
            boolean busy = true;
            for (int round = 0; round < MAX_ROUNDS && (run < frames || busy); round++)
            {
                final long compilingMs = jitTimed ? jit.getTotalCompilationTime() : 0;
                final long startNs = System.nanoTime();
                run += round(ctx, dir.resolve("round-" + round), run < frames ? Math.min(size, frames - run) : size);
                final double wallMs = (System.nanoTime() - startNs) / 1e6;
                busy = jitTimed && jit.getTotalCompilationTime() - compilingMs > BUSY_FRACTION * wallMs;
            }
            System.gc();
            return run;
        }
        finally
        {
            IoUtil.delete(dir.toFile(), false);
        }
    }

    private static long round(final EngineContext ctx, final Path dir, final long frames) throws IOException
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
