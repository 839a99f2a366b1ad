package io.hedgeflow.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kill -9 while a queue rolls, between Chronicle creating the next cycle file and writing its header, leaves a
 * last cycle file of zeros. The fixture makes one the way Chronicle does: a journal with records, then a roll (the
 * end-of-cycle marker written, the next cycle file created at its full size), then that file's content lost.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnfinishedCycleTest
{
    private static final int RECORDS = 5;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(TestJournals.CREATED_NS);
    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);

    @ParameterizedTest
    @ValueSource(ints = { 1, 2 })
    void shouldRemoveAnUnfinishedLastCycleFileAndAppendAfterTheRecordsBefore(final int hoursLater) throws IOException
    {
        final Path unfinished = crashDuringRoll();
        clock.advanceMillis(TimeUnit.HOURS.toMillis(hoursLater - 1));

        try (Journal journal = Journal.open(TestJournals.context(dir).clock(clock)))
        {
            assertEquals(List.of("removed unfinished cycle file " + unfinished +
                " (crash during a roll: no header, no records)"), journal.notices());
            append(journal, RECORDS, 3);
        }

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertEquals(List.of(), journal.notices());
            assertEquals(sequences(RECORDS + 3), read(journal));
            final Verification verification = Verifier.verify(journal);
            assertTrue(verification.intact(), verification.toString());
            assertEquals(RECORDS + 3, verification.inputs().records());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldSkipAnUnfinishedLastCycleFileWhenReadOnlyWithoutWaitingForItsHeader() throws IOException
    {
        final Path unfinished = crashDuringRoll();
        final long size = Files.size(unfinished);

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertEquals(List.of("skipped unfinished cycle file " + unfinished + " (crash during a roll: no header, " +
                "no records); the next run on the journal removes it"), journal.notices());
            assertEquals(sequences(RECORDS), read(journal));
            final Verification verification = Verifier.verify(journal);
            assertTrue(verification.intact(), verification.toString());
            assertEquals(RECORDS, verification.inputs().records());
            try (JournalReader reader = journal.inputsReader())
            {
                assertEquals(RECORDS, reader.count());
            }
        }
        assertEquals(size, Files.size(unfinished), "a read-only open leaves the file");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldSkipAnUnfinishedLastCycleFileWhenReadFromTheMappedFiles() throws IOException
    {
        final Path unfinished = crashDuringRoll();

        final MappedJournal journal = MappedJournal.open(dir);
        assertEquals(List.of("skipped unfinished cycle file " + unfinished + " (crash during a roll: no header, " +
            "no records); the next run on the journal removes it"), journal.notices());
        final List<Long> sequences = new ArrayList<>();
        try (MappedQueueReader reader = journal.inputsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) -> sequences.add(sequence)))
            {
            }
        }
        assertEquals(sequences(RECORDS), sequences);
    }

    @Test
    void shouldRefuseAHeaderlessCycleFileBeforeLaterOnesAndLeaveIt() throws IOException
    {
        final Path unfinished = crashDuringRoll();
        final Path first = CycleFiles.files(dir.resolve(Journal.INPUTS)).getFirst();
        final Path later = unfinished.resolveSibling(unfinished.getFileName().toString().replace("01F", "02F"));
        Files.copy(first, later);
        final long size = Files.size(unfinished);

        final String expected = "unfinished cycle file " + unfinished + " (crash during a roll): later cycle files " +
            "follow it, so it is left as it is and the queue cannot be read past it";
        assertEquals(expected, assertThrows(UnfinishedCycleException.class,
            () -> Journal.open(TestJournals.context(dir).clock(clock))).getMessage());
        assertEquals(expected, assertThrows(UnfinishedCycleException.class,
            () -> Journal.openReadOnly(dir)).getMessage());
        assertEquals(size, Files.size(unfinished));
        assertTrue(UnfinishedCycles.headerless(unfinished));
    }

    @Test
    void shouldRefuseAHeaderlessLastCycleFileThatHoldsData() throws IOException
    {
        final Path unfinished = crashDuringRoll();
        QueueFiles.write(unfinished, 1 << 20, new byte[]{ 1 });

        final UnfinishedCycleException ex = assertThrows(UnfinishedCycleException.class,
            () -> Journal.open(TestJournals.context(dir).clock(clock)));

        assertEquals("unfinished cycle file " + unfinished + " (crash during a roll): it has no header but holds " +
            "data, so it is left as it is", ex.getMessage());
        assertTrue(Files.exists(unfinished));
    }

    @Test
    void shouldLeaveAFinishedJournalAlone()
    {
        try (Journal journal = Journal.open(TestJournals.context(dir).clock(clock)))
        {
            append(journal, 0, RECORDS);
        }
        try (Journal journal = Journal.open(TestJournals.context(dir).clock(clock)))
        {
            assertEquals(List.of(), journal.notices());
        }
        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertEquals(List.of(), journal.notices());
            assertEquals(sequences(RECORDS), read(journal));
        }
    }

    /**
     * Journals records in the first hour, rolls the inputs queue to the next hour as Chronicle does (end-of-cycle
     * marker, then the new file at its full size), then zeroes that file, as if the process died before its header.
     *
     * @return the unfinished file.
     */
    private Path crashDuringRoll() throws IOException
    {
        try (Journal journal = Journal.open(TestJournals.context(dir).clock(clock)))
        {
            append(journal, 0, RECORDS);
        }
        clock.advanceMillis(TimeUnit.HOURS.toMillis(1));
        final Path next;
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir.resolve(Journal.INPUTS))
            .rollCycle(JournalContext.DEFAULT_ROLL_CYCLE).timeProvider(clock).build();
            ExcerptAppender appender = queue.createAppender())
        {
            try (DocumentContext context = appender.writingDocument())
            {
                context.rollbackOnClose();
            }
            next = dir.resolve(Journal.INPUTS).resolve(CycleFiles.fileName(queue, queue.cycle()));
        }
        final long size = Files.size(next);
        assertTrue(size > 0);
        try (RandomAccessFile file = new RandomAccessFile(next.toFile(), "rw"))
        {
            file.setLength(0);
            file.setLength(size);
        }
        assertEquals(2, CycleFiles.files(dir.resolve(Journal.INPUTS)).size());
        return next;
    }

    private void append(final Journal journal, final int from, final int count)
    {
        for (int i = from; i < from + count; i++)
        {
            final int length = frames.encode(TestFrames.TEMPLATE_IDS[i % TestFrames.TEMPLATE_IDS.length], frame, 0);
            journal.inputsAppender().append(frame, 0, length, 1_000 + i, i);
        }
    }

    private static List<Long> read(final Journal journal)
    {
        final List<Long> sequences = new ArrayList<>();
        try (JournalReader reader = journal.inputsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) -> sequences.add(sequence)))
            {
            }
            assertFalse(reader.read((buffer, offset, length, stamp, sequence, index) -> sequences.add(sequence)));
        }
        return sequences;
    }

    private static List<Long> sequences(final int count)
    {
        final List<Long> sequences = new ArrayList<>();
        for (long i = 0; i < count; i++)
        {
            sequences.add(i);
        }
        return sequences;
    }
}
