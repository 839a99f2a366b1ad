package io.hedgeflow.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * The JIT compiler threads of this JVM ({@code C1 CompilerThread*}, {@code C2 CompilerThread*}), seen through
 * /proc/self/task (Linux): their busy time (running or runnable), and a wait until they go idle. A warm-up that
 * ends while the compilers still work through their queue (a C2 compile of the Greek kernel takes a core for a
 * second or more on a loaded 2-core machine) hands that work to the session's first seconds, where it takes a core
 * from the engine; waiting for the queue to drain keeps it in the warm-up. The queue itself is not visible to Java
 * code; the threads' busy time is, and a long compile in progress keeps it growing (unlike
 * {@code CompilationMXBean}, which counts finished compiles). Elsewhere than Linux nothing is readable and the wait
 * returns at once.
 */
final class CompilerThreads
{
    /** Window in which the compiler threads must stay (nearly) idle. */
    static final long QUIET_NS = 100_000_000L;
    /** Compiler busy time per window still counted as idle: an idle compiler thread's housekeeping wake-ups. */
    static final long IDLE_BUSY_NS = 1_000_000L;
    private static final long POLL_NS = 10_000_000L;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String NAME_SUFFIX = " CompilerThre";

    private CompilerThreads()
    {
    }

    /**
     * Time the JIT compiler threads ran or waited to run so far, ns (the first two /proc/self/task/TID/schedstat
     * fields: on a CPU, and runnable in a run queue, so a compiler starved by a loaded machine still counts as busy);
     * -1 when /proc is not readable. A compiler thread that ended no longer counts, so the sum can fall.
     */
    static long busyNs()
    {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS))
        {
            for (final Path task : tasks)
            {
                sum += compilerBusyNs(task);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
        return sum;
    }

    /**
     * Waits until the compiler threads were busy at most {@link #IDLE_BUSY_NS} in the last {@link #QUIET_NS}, or
     * timeoutNs passed; returns at once when their busy time is not readable.
     *
     * @return ns waited.
     */
    static long awaitIdle(final long timeoutNs)
    {
        final long startNs = System.nanoTime();
        long windowStartNs = startNs;
        long windowBusyNs = busyNs();
        while (windowBusyNs >= 0)
        {
            LockSupport.parkNanos(POLL_NS);
            final long nowNs = System.nanoTime();
            final long busy = busyNs();
            if (busy < 0 || nowNs - startNs >= timeoutNs)
            {
                break;
            }
            if (busy < windowBusyNs || busy - windowBusyNs > IDLE_BUSY_NS)
            {
                windowStartNs = nowNs;
                windowBusyNs = busy;
            }
            else if (nowNs - windowStartNs >= QUIET_NS)
            {
                break;
            }
        }
        return System.nanoTime() - startNs;
    }

    private static long compilerBusyNs(final Path task) throws IOException
    {
        final String name;
        final String schedstat;
        try
        {
            name = Files.readString(task.resolve("comm"));
            if (name.length() < 2 + NAME_SUFFIX.length() || name.charAt(0) != 'C' ||
                !name.startsWith(NAME_SUFFIX, 2))
            {
                return 0;
            }
            schedstat = Files.readString(task.resolve("schedstat"));
        }
        catch (final NoSuchFileException ex)
        {
            return 0; // the thread ended between the listing and the read
        }
        final int first = schedstat.indexOf(' ');
        final int second = schedstat.indexOf(' ', first + 1);
        return Long.parseLong(schedstat.substring(0, first)) + Long.parseLong(schedstat.substring(first + 1, second));
    }
}
