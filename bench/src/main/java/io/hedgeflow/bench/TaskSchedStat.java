package io.hedgeflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time and run-queue time of every thread of this JVM, from {@code /proc/self/task/TID/schedstat} (Linux: time
 * on a CPU, time runnable but waiting for one, in ns) and the thread's name from {@code comm}. Two snapshots give
 * what each thread did in between: whether the engine's threads or the scheduler made a tail.
 */
final class TaskSchedStat
{
    private static final Path TASKS = Path.of("/proc/self/task");

    /** One thread's times at a snapshot, or their difference over a phase (ns). */
    record Usage(long tid, String name, long cpuNs, long runQueueNs)
    {
    }

    private TaskSchedStat()
    {
    }

    /** The kernel thread id of the calling thread (from /proc/thread-self), -1 where there is none. */
    static long currentTid()
    {
        try
        {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
        }
        catch (final IOException | RuntimeException ex)
        {
            return -1;
        }
    }

    /** Every thread's times now; empty where /proc is not readable. */
    static List<Usage> snapshot()
    {
        final List<Usage> usages = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(TASKS))
        {
            tasks.forEach(task -> read(task, usages));
        }
        catch (final IOException ex)
        {
            return usages;
        }
        return usages;
    }

    private static void read(final Path task, final List<Usage> usages)
    {
        try
        {
            final String[] fields = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
            usages.add(new Usage(Long.parseLong(task.getFileName().toString()),
                Files.readString(task.resolve("comm")).trim(), Long.parseLong(fields[0]), Long.parseLong(fields[1])));
        }
        catch (final IOException | RuntimeException ex)
        {
            // the thread ended between listing and reading: it did nothing in the phase worth reporting
        }
    }

    /**
     * What each thread did between two snapshots, busiest first, leaving out threads below minNs of CPU and
     * run-queue time together.
     */
    static List<Usage> between(final List<Usage> before, final List<Usage> after, final long minNs)
    {
        final List<Usage> deltas = new ArrayList<>();
        for (final Usage end : after)
        {
            long cpuNs = end.cpuNs();
            long runQueueNs = end.runQueueNs();
            for (final Usage start : before)
            {
                if (start.tid() == end.tid())
                {
                    cpuNs -= start.cpuNs();
                    runQueueNs -= start.runQueueNs();
                }
            }
            if (cpuNs + runQueueNs >= minNs)
            {
                deltas.add(new Usage(end.tid(), end.name(), cpuNs, runQueueNs));
            }
        }
        deltas.sort(Comparator.comparingLong(Usage::cpuNs).reversed());
        return deltas;
    }
}
