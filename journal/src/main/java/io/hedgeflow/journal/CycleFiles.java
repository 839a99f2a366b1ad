package io.hedgeflow.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the cycle files of a queue directory say, read from the file system rather than from Chronicle's directory
 * listing, which a read-only queue never refreshes (so it keeps naming files deleted since, by retention).
 * Each {@link RollCycles} (and {@link TestRollCycles}) names its files {@code <date pattern>.cq4} with a distinct
 * pattern.
 */
final class CycleFiles
{
    private static final String SUFFIX = SingleChronicleQueue.SUFFIX;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** Chronicle's roll cycles, then its test roll cycles (a SECONDLY journal rolls by TEST_SECONDLY). */
    private static final List<RollCycle> ROLL_CYCLES = Stream.concat(
        Arrays.stream(RollCycles.values()), Arrays.stream(TestRollCycles.values()))
        .map(RollCycle.class::cast).toList();

    private CycleFiles()
    {
    }

    /**
     * @param queueDirectory of a queue.
     * @return the roll cycle whose file name pattern matches the queue's files, else the default roll cycle; so a
     * read-only open does not make Chronicle warn that it overrides the builder's roll cycle with the stored one.
     */
    static RollCycle detectRollCycle(final Path queueDirectory)
    {
        final List<String> names = names(queueDirectory);
        if (!names.isEmpty())
        {
            for (final RollCycle rollCycle : ROLL_CYCLES)
            {
                if (parses(rollCycle.format(), names.getFirst()))
                {
                    return rollCycle;
                }
            }
        }
        return JournalContext.DEFAULT_ROLL_CYCLE;
    }

    /**
     * @param queueDirectory of a queue.
     * @return true if it holds at least one cycle file.
     */
    static boolean hasCycleFiles(final Path queueDirectory)
    {
        return !names(queueDirectory).isEmpty();
    }

    /**
     * @param queueDirectory of a queue.
     * @return its cycle files, in cycle order.
     */
    static List<Path> files(final Path queueDirectory)
    {
        return names(queueDirectory).stream().map(name -> queueDirectory.resolve(name + SUFFIX)).toList();
    }

    /**
     * @param queue open queue.
     * @return the first cycle with a file present, {@link Integer#MAX_VALUE} if none.
     */
    static int firstCycle(final SingleChronicleQueue queue)
    {
        final List<String> names = names(queue.file().toPath());
        return names.isEmpty() ? Integer.MAX_VALUE : cache(queue).parseCount(names.getFirst());
    }

    /**
     * The cycle a file holds, from its name, as Chronicle numbers cycles: whole roll cycle lengths since the roll
     * cycle's epoch, by UTC wall clock.
     *
     * @param rollCycle of the queue, from {@link #detectRollCycle}.
     * @param file      a cycle file of the queue.
     * @return its cycle.
     */
    static int cycle(final RollCycle rollCycle, final Path file)
    {
        final String name = file.getFileName().toString();
        final TemporalAccessor time = DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC)
            .parse(name.substring(0, name.length() - SUFFIX.length()));
        final long millis = time.getLong(ChronoField.EPOCH_DAY) * MILLIS_PER_DAY +
            (time.isSupported(ChronoField.MILLI_OF_DAY) ? time.getLong(ChronoField.MILLI_OF_DAY) : 0);
        return (int)((millis - rollCycle.defaultEpoch()) / rollCycle.lengthInMillis());
    }

    /**
     * @return the name of the file of a cycle of the queue.
     */
    static String fileName(final SingleChronicleQueue queue, final int cycle)
    {
        return cache(queue).resourceFor(cycle).path.getName();
    }

    private static RollingResourcesCache cache(final SingleChronicleQueue queue)
    {
        return new RollingResourcesCache(queue.rollCycle(), queue.epoch(),
            name -> new File(queue.file(), name + SUFFIX), file -> file.getName().replace(SUFFIX, ""));
    }

    private static boolean parses(final String pattern, final String date)
    {
        try
        {
            DateTimeFormatter.ofPattern(pattern).parse(date);
            return true;
        }
        catch (final DateTimeParseException ex)
        {
            return false;
        }
    }

    /** Names of the cycle files without suffix, in order (the date patterns sort in time order). */
    private static List<String> names(final Path queueDirectory)
    {
        try (Stream<Path> files = Files.list(queueDirectory))
        {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(SUFFIX))
                .map(name -> name.substring(0, name.length() - SUFFIX.length())).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
