package io.hedgeflow.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batch excerpts ({@link JournalAppender#appendToBatch}, {@link JournalAppender#commitBatch}): the records stored are
 * those of single-record excerpts, and reading, counting, verifying and continuing the chain see no difference.
 * Journals of single-record excerpts only (written before batches) are covered by {@link GoldenJournalTest}.
 */
class BatchJournalTest
{
    private static final int SEAL_INTERVAL = 4;
    private static final int RECORDS = 11;

    @TempDir
    Path dir;

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void shouldStoreTheSameRecordsLinksAndSealsInFewerExcerpts()
    {
        final Path single = dir.resolve("single");
        try (Journal journal = Journal.open(TestJournals.context(single).sealInterval(SEAL_INTERVAL)))
        {
            for (int i = 0; i < RECORDS; i++)
            {
                append(journal.inputsAppender(), i);
            }
        }
        final Path batched = writeMixed(dir.resolve("batched"));

        final List<byte[]> expected = QueueFiles.records(single, Journal.INPUTS);
        final List<byte[]> actual = QueueFiles.records(batched, Journal.INPUTS);
        assertEquals(1 + RECORDS + 3, expected.size(), "header, records, a seal after every 4 (the header counts)");
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(expected.get(i), actual.get(i), "record " + i);
        }
        assertEquals(expected.size(), excerpts(single));
        assertEquals(7, excerpts(batched), "header, record, batch of 4 and a seal, record, batch of 4 and a seal, " +
            "record, seal");
    }

    @Test
    void shouldReadAndCountTheRecordsOfBatchesInOrder()
    {
        final Path journalDir = writeMixed(dir);
        final List<Long> sequences = new ArrayList<>();
        try (Journal journal = Journal.openReadOnly(journalDir); JournalReader reader = journal.inputsReader())
        {
            assertEquals(RECORDS, reader.count());
            final RecordHandler collector = (buffer, offset, length, stamp, sequence, index) ->
            {
                assertEquals(1_000 * sequence, stamp);
                assertEquals(frames.quote(this.buffer, 0, (int)sequence), length);
                sequences.add(sequence);
            };
            for (int i = 0; i < 4; i++)
            {
                assertTrue(reader.read(collector));
            }
            assertEquals(List.of(0L, 1L, 2L, 3L), sequences, "the first record, then three of the first batch");
            reader.toStart();
            sequences.clear();
            while (reader.read(collector))
            {
            }
            assertFalse(reader.read((buffer, offset, length, stamp, sequence, index) -> sequences.add(-1L)));
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), sequences);
    }

    @Test
    void shouldVerifyBatchesAndFindAChangedRecordInsideOne() throws IOException
    {
        final Path journalDir = writeMixed(dir);
        assertTrue(verify(journalDir).intact(), verify(journalDir).toString());

        final byte[] record = QueueFiles.records(journalDir, Journal.INPUTS).get(3);
        assertEquals(2, JournalRecord.sequence(new UnsafeBuffer(record)), "a record inside the first batch");
        final Path file = QueueFiles.cycleFile(journalDir, Journal.INPUTS);
        final long offset = QueueFiles.find(file, record);
        QueueFiles.flip(file, offset + JournalRecord.FRAME_OFFSET + 20);
        final QueueVerification broken = verify(journalDir).firstBroken();
        assertEquals(Journal.INPUTS, broken.queue());
        assertEquals(2, broken.broken().sequence());
        assertTrue(broken.broken().reason().startsWith("link mismatch"), broken.broken().reason());
        QueueFiles.flip(file, offset + JournalRecord.FRAME_OFFSET + 20);

        QueueFiles.flip(file, offset - JournalRecord.BATCH_LENGTH_PREFIX + 1);
        final QueueVerification unreadable = verify(journalDir).firstBroken();
        assertTrue(unreadable.broken().reason().contains("batch excerpt at index"), unreadable.toString());
        QueueFiles.flip(file, offset - JournalRecord.BATCH_LENGTH_PREFIX + 1);
        assertTrue(verify(journalDir).intact());
    }

    @Test
    void shouldContinueTheChainWhenTheLastSealIsInsideABatchOfASessionThatDidNotClose()
    {
        // a session that stops without closing (as in a crash): its last batch holds a seal with records after it
        final Journal crashed = Journal.open(TestJournals.context(dir).sealInterval(SEAL_INTERVAL));
        for (int i = 0; i < 5; i++)
        {
            crashed.inputsAppender().appendToBatch(buffer, 0, frames.quote(buffer, 0, i), 1_000L * i, i);
        }
        crashed.inputsAppender().commitBatch();
        final QueueVerification unclosed = verify(dir).inputs();
        assertTrue(unclosed.intact(), unclosed.toString());
        assertEquals(1, unclosed.seals());
        assertEquals(2, unclosed.unsealed(), "the two records after the seal in the batch");

        try (Journal journal = Journal.open(TestJournals.context(dir).sealInterval(SEAL_INTERVAL)))
        {
            for (int i = 5; i < 8; i++)
            {
                journal.inputsAppender().appendToBatch(buffer, 0, frames.quote(buffer, 0, i), 1_000L * i, i);
            }
        }

        final QueueVerification inputs = verify(dir).inputs();
        assertTrue(inputs.intact(), inputs.toString());
        assertNull(inputs.broken());
        assertEquals(8, inputs.records());
        assertEquals(2, inputs.headers());
        assertEquals(0, inputs.unsealed(), "closing committed the staged records and sealed them");
    }

    /**
     * The records 0 to 10 in every kind of excerpt: single records, batches holding a seal, a batch of one record (a
     * single-record excerpt), an empty commit, a batch committed by the next {@link JournalAppender#append}.
     */
    private Path writeMixed(final Path journalDir)
    {
        try (Journal journal = Journal.open(TestJournals.context(journalDir).sealInterval(SEAL_INTERVAL)))
        {
            final JournalAppender inputs = journal.inputsAppender();
            append(inputs, 0);
            stage(inputs, 1, 4);
            inputs.commitBatch();
            stage(inputs, 5, 1);
            inputs.commitBatch();
            inputs.commitBatch();
            stage(inputs, 6, 4);
            append(inputs, 10);
        }
        return journalDir;
    }

    private void append(final JournalAppender appender, final int sequence)
    {
        appender.append(buffer, 0, frames.quote(buffer, 0, sequence), 1_000L * sequence, sequence);
    }

    private void stage(final JournalAppender appender, final int first, final int count)
    {
        for (int sequence = first; sequence < first + count; sequence++)
        {
            appender.appendToBatch(buffer, 0, frames.quote(buffer, 0, sequence), 1_000L * sequence, sequence);
        }
    }

    private static Verification verify(final Path journalDir)
    {
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            return Verifier.verify(journal);
        }
    }

    /** Chronicle excerpts in the inputs queue. */
    private static int excerpts(final Path journalDir)
    {
        int excerpts = 0;
        try (Journal journal = Journal.openReadOnly(journalDir);
            ExcerptTailer tailer = journal.queue(Journal.INPUTS).createTailer())
        {
            while (true)
            {
                try (DocumentContext context = tailer.readingDocument())
                {
                    if (!context.isPresent())
                    {
                        return excerpts;
                    }
                    excerpts++;
                }
            }
        }
    }
}
