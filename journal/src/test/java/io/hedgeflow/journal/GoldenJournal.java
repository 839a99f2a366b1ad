package io.hedgeflow.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the golden journal: two sessions, an hour apart so each queue has two files, with fixed headers, stamps
 * and Chronicle clock, so every run writes the same records. GoldenJournalTest reads the copy committed under
 * src/test/resources/golden and compares it with a fresh one; to regenerate the committed copy after a deliberate
 * format change (bump {@link JournalHeader#FORMAT_VERSION} and keep reading the old version), run
 * <pre>
 *   mvn -B -q -pl journal -am verify -Dtest=GoldenJournalTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dhedgeflow.golden.regenerate=true
 * </pre>
 */
final class GoldenJournal
{
    static final JournalHeader FIRST_SESSION =
        new JournalHeader(JournalHeader.FORMAT_VERSION, "", TestJournals.CREATED_NS, "golden-1", "config-a", 256, "25");
    static final JournalHeader SECOND_SESSION = new JournalHeader(
        JournalHeader.FORMAT_VERSION, "", TestJournals.CREATED_NS + TimeUnit.HOURS.toNanos(1), "golden-2", "config-a",
        256, "25");
    static final int SEAL_INTERVAL = 8;
    /** Data records written: inputs, decisions. */
    static final int INPUTS = TestFrames.TEMPLATE_IDS.length + 12;
    static final int DECISIONS = 6;
    /** Queue files are cut after their records (Chronicle pre-allocates tens of MiB, sparse). */
    private static final long FILE_LENGTH = 128 * 1024;

    private GoldenJournal()
    {
    }

    /**
     * Writes the golden journal into an empty or absent directory.
     */
    static void write(final Path directory) throws IOException
    {
        final TestFrames frames = new TestFrames();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final SetTimeProvider clock = new SetTimeProvider(TestJournals.CREATED_NS);
        try (Journal journal = open(directory, FIRST_SESSION, clock))
        {
            for (int i = 0; i < TestFrames.TEMPLATE_IDS.length; i++)
            {
                final int length = frames.encode(TestFrames.TEMPLATE_IDS[i], buffer, 0);
                journal.inputsAppender().append(buffer, 0, length, TestFrames.TIME_NS + i, i);
            }
            decisions(journal, frames, buffer, List.of(5L, 10L));
        }
        clock.advanceMillis(TimeUnit.HOURS.toMillis(1));
        try (Journal journal = open(directory, SECOND_SESSION, clock))
        {
            for (int i = TestFrames.TEMPLATE_IDS.length; i < INPUTS; i++)
            {
                final int length = frames.quote(buffer, 0, i);
                journal.inputsAppender().append(buffer, 0, length, TestFrames.TIME_NS + i, i);
            }
            decisions(journal, frames, buffer, List.of(20L));
        }
        cut(directory);
    }

    private static Journal open(final Path directory, final JournalHeader header, final SetTimeProvider clock)
    {
        return Journal.open(
            new JournalContext().directory(directory).header(header).sealInterval(SEAL_INTERVAL).clock(clock));
    }

    /** A NewOrder and a HedgeDecision triggered by each sequence. */
    private static void decisions(
        final Journal journal, final TestFrames frames, final UnsafeBuffer buffer, final List<Long> sequences)
    {
        for (final long sequence : sequences)
        {
            for (final int templateId : new int[]{ 20, 21 })
            {
                final int length = frames.encode(templateId, buffer, 0);
                journal.decisionsAppender().append(buffer, 0, length, TestFrames.TIME_NS + sequence, sequence);
            }
        }
    }

    private static void cut(final Path directory) throws IOException
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.filter(path -> path.toString().endsWith(".cq4")).toList())
            {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
                {
                    channel.truncate(FILE_LENGTH);
                }
            }
        }
    }
}
