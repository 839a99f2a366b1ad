package io.hedgeflow.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordChainTest
{
    /** Two full blocks of the default interval and a partial one sealed at close. */
    private static final int RECORDS = 2 * JournalContext.DEFAULT_SEAL_INTERVAL + 100;

    @TempDir
    Path dir;

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void shouldSealEachBlockWithTheSha256OfTheWholeBlockComputedAtTheSeal() throws NoSuchAlgorithmException
    {
        writeQuotes();
        final List<byte[]> records = QueueFiles.records(dir, Journal.INPUTS);

        byte[] previous = new byte[JournalRecord.DIGEST_LENGTH];
        final ByteArrayOutputStream block = new ByteArrayOutputStream();
        long count = 0;
        final List<Long> counts = new ArrayList<>();
        for (final byte[] record : records)
        {
            final long sequence = new UnsafeBuffer(record).getLong(JournalRecord.SEQUENCE_OFFSET, JournalRecord.ORDER);
            if (sequence == JournalRecord.SEAL)
            {
                final MessageDigest reference = MessageDigest.getInstance("SHA-256");
                reference.update(previous);
                reference.update(block.toByteArray());
                previous = reference.digest();
                final byte[] sealed = Arrays.copyOfRange(record, JournalRecord.SEAL_DIGEST_OFFSET,
                    JournalRecord.SEAL_DIGEST_OFFSET + JournalRecord.DIGEST_LENGTH);
                assertArrayEquals(previous, sealed, "seal " + counts.size());
                assertEquals(count, new UnsafeBuffer(record).getLong(JournalRecord.SEAL_COUNT_OFFSET,
                    JournalRecord.ORDER));
                counts.add(count);
                block.reset();
                count = 0;
            }
            else
            {
                final int from = sequence == JournalRecord.HEADER ? JournalRecord.SEQUENCE_OFFSET : 0;
                block.write(record, from, record.length - from);
                count++;
            }
        }

        assertEquals(List.of(1024L, 1024L, RECORDS + 1L - 2048L), counts, "header and records per seal");
    }

    @Test
    void shouldSealTheSameWhetherRecordsAreHashedAsAcceptedOrInBatches()
    {
        writeQuotes();
        final List<byte[]> records = QueueFiles.records(dir, Journal.INPUTS);
        final RecordChain appending = new RecordChain();
        final RecordChain verifying = new RecordChain(RecordChain.VERIFY_BATCH);
        final RecordChain odd = new RecordChain(JournalRecord.HEADER_LENGTH + 7);
        final UnsafeBuffer seal = new UnsafeBuffer(new byte[JournalRecord.SEAL_LENGTH]);
        int seals = 0;
        for (final byte[] bytes : records)
        {
            final UnsafeBuffer record = new UnsafeBuffer(bytes);
            if (JournalRecord.sequence(record) == JournalRecord.SEAL)
            {
                appending.seal(seal);
                assertArrayEquals(body(bytes), body(seal.byteArray()), "the appending chain remakes seal " + seals);
                assertTrue(verifying.sealMatches(record), "seal " + seals);
                assertTrue(odd.sealMatches(record), "seal " + seals);
                seals++;
            }
            for (final RecordChain chain : new RecordChain[]{ appending, verifying, odd })
            {
                assertEquals(JournalRecord.link(record), chain.nextLink(record, bytes.length));
                chain.accept(record, bytes.length);
            }
        }
        assertEquals(3, seals);
    }

    private static byte[] body(final byte[] seal)
    {
        return Arrays.copyOfRange(seal, JournalRecord.SEAL_COUNT_OFFSET, JournalRecord.SEAL_LENGTH);
    }

    private void writeQuotes()
    {
        try (Journal journal = Journal.open(TestJournals.context(dir)))
        {
            final JournalAppender appender = journal.inputsAppender();
            for (int i = 0; i < RECORDS; i++)
            {
                final int length = frames.quote(buffer, 0, i);
                appender.append(buffer, 0, length, 1_000L * i, i);
            }
        }
    }
}
