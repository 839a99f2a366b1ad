package io.hedgeflow.pipeline;

/**
 * Which threads run the engine's duty cycle, as Aeron's media driver does it ({@code engine.threadingMode}).
 * <pre>
 *   SHARED     one thread:  FrameSource ─► FrameHandler (exchange, journal, logic, publish)      no hand-off
 *   DEDICATED  receiver:    FrameSource ─► ring ─► processor: FrameHandler                      two threads
 *   INVOKER    the caller:  Engine.doWork() runs the SHARED duty cycle once                     no engine thread
 * </pre>
 * SHARED and INVOKER run the caller's thread; DEDICATED adds one processor thread. Never more busy threads than
 * cores, and one core left for the JIT, the GC and the kernel: {@link #forProcessors} picks the default.
 */
public enum ThreadingMode
{
    /** One thread polls the feed and runs every stage: nothing crosses threads on the hot path. */
    SHARED,
    /** The feed receiver (caller's thread) and the processor (its own thread) with the Disruptor ring between. */
    DEDICATED,
    /** No engine loop: the caller drives the duty cycle with {@link Engine#doWork()} (tests, embedding). */
    INVOKER;

    /** Cores DEDICATED needs: a receiver, a processor and one left for the JIT, the GC and the kernel. */
    static final int DEDICATED_MIN_CORES = 3;

    /** The default on a machine with this many cores: DEDICATED from {@link #DEDICATED_MIN_CORES} on. */
    public static ThreadingMode forProcessors(final int cores)
    {
        return cores >= DEDICATED_MIN_CORES ? DEDICATED : SHARED;
    }
}
