package io.hedgeflow.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

/**
 * Finds the roll cycle an existing queue was written with from the name of one of its files (each
 * {@link RollCycles} names its files with a distinct date pattern), so a read-only open does not make Chronicle
 * warn that it overrides the builder's roll cycle with the one stored in the queue's metadata.
 */
final class RollCycleDetector
{
    private static final String SUFFIX = ".cq4";

    private RollCycleDetector()
    {
    }

    /**
     * @param queueDirectory of a queue.
     * @return the roll cycle whose file name pattern matches a file of the queue, else the default roll cycle.
     */
    static RollCycle detect(final Path queueDirectory)
    {
        final String name = firstFileName(queueDirectory);
        if (null != name)
        {
            final String date = name.substring(0, name.length() - SUFFIX.length());
            for (final RollCycles rollCycle : RollCycles.values())
            {
                if (parses(rollCycle.format(), date))
                {
                    return rollCycle;
                }
            }
        }
        return JournalContext.DEFAULT_ROLL_CYCLE;
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

    private static String firstFileName(final Path queueDirectory)
    {
        try (Stream<Path> files = Files.list(queueDirectory))
        {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(SUFFIX))
                .sorted().findFirst().orElse(null);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
