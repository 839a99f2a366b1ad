package io.hedgeflow.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifierTest
{
    private static final int SEAL_INTERVAL = 4;

    @TempDir
    Path dir;

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void shouldFindAnIntactJournalOfTwoSessionsWithSeals()
    {
        write(TestJournals.context(dir).sealInterval(SEAL_INTERVAL), 0, 10, 5);
        write(TestJournals.context(dir).sealInterval(SEAL_INTERVAL), 10, 3, 2);

        final Verification verification = verify();

        assertTrue(verification.intact(), verification.toString());
        assertNull(verification.firstBroken());
        final QueueVerification inputs = verification.inputs();
        assertEquals(13, inputs.records());
        assertEquals(2, inputs.headers());
        assertEquals(4, inputs.seals(), "each time 4 records (headers too) follow a seal, and at the first close");
        assertEquals(0, inputs.unsealed());
        assertTrue(inputs.fromStart());
        assertEquals(7, verification.decisions().records());
        assertEquals(13 + 2 + 4 + verification.decisions().total(), verification.total());
    }

    @Test
    void shouldDetectAChangeOfAnyByteOfADataRecordInEitherQueue() throws IOException
    {
        final long[] indices = write(TestJournals.context(dir), 0, 6, 6);

        for (final String queue : new String[]{ Journal.INPUTS, Journal.DECISIONS })
        {
            final byte[] record = QueueFiles.records(dir, queue).get(3);
            final Path file = QueueFiles.cycleFile(dir, queue);
            final long offset = QueueFiles.find(file, record);
            final long index = indices[queue.equals(Journal.INPUTS) ? 2 : 8];
            for (int i = 0; i < record.length; i++)
            {
                QueueFiles.flip(file, offset + i);
                final Verification verification = verify();
                final QueueVerification broken = verification.firstBroken();
                assertEquals(queue, null == broken ? null : broken.queue(), "byte " + i + " of the record in " + queue);
                assertEquals(index, broken.broken().index(), "byte " + i);
                QueueFiles.flip(file, offset + i);
            }
        }
        assertTrue(verify().intact());
    }

    @Test
    void shouldReportTheQueueIndexAndSequenceOfTheBrokenRecord() throws IOException
    {
        final long[] indices = write(TestJournals.context(dir), 0, 6, 0);
        final Path file = QueueFiles.cycleFile(dir, Journal.INPUTS);
        final byte[] record = QueueFiles.records(dir, Journal.INPUTS).get(5);
        QueueFiles.flip(file, QueueFiles.find(file, record) + JournalRecord.FRAME_OFFSET + 40);

        final QueueVerification inputs = verify().inputs();

        assertFalse(inputs.intact());
        assertEquals(indices[4], inputs.broken().index());
        assertEquals(4, inputs.broken().sequence());
        assertEquals(5, inputs.broken().position(), "header, then records 0 to 4 of the cycle");
        assertTrue(inputs.broken().file().endsWith("F.cq4"), inputs.broken().file());
        assertTrue(inputs.broken().reason().startsWith("link mismatch"), inputs.broken().reason());
        assertEquals(4, inputs.records(), "records checked before the broken one");
    }

    @Test
    void shouldDetectAChangedSessionHeaderField() throws IOException
    {
        write(TestJournals.context(dir), 0, 2, 2);
        final Path file = QueueFiles.cycleFile(dir, Journal.DECISIONS);
        QueueFiles.flip(file, QueueFiles.find(file, "config-1".getBytes()) + 7);

        final Verification verification = verify();

        assertTrue(verification.inputs().intact());
        assertEquals(JournalRecord.HEADER, verification.decisions().broken().sequence());
        assertEquals(verification.decisions().firstIndex(), verification.decisions().broken().index());
    }

    @Test
    void shouldDetectARemovedRecord() throws IOException
    {
        write(TestJournals.context(dir), 0, 6, 0);
        final Path file = QueueFiles.cycleFile(dir, Journal.INPUTS);
        final long offset = QueueFiles.find(file, QueueFiles.records(dir, Journal.INPUTS).get(3));
        // Chronicle's excerpt header precedes the record: setting its metadata bit hides the record from readers
        final byte[] excerptHeader = QueueFiles.read(file, offset - 4, 4);
        excerptHeader[3] |= 0x40;
        QueueFiles.write(file, offset - 4, excerptHeader);

        final QueueVerification inputs = verify().inputs();

        assertFalse(inputs.intact());
        assertEquals(3, inputs.broken().sequence(), "the record after the removed one (sequence 2)");
        assertEquals(2, inputs.records());
    }

    @Test
    void shouldDetectReorderedRecords() throws IOException
    {
        final long[] indices = write(TestJournals.context(dir), 0, 6, 0);
        final Path file = QueueFiles.cycleFile(dir, Journal.INPUTS);
        final List<byte[]> records = QueueFiles.records(dir, Journal.INPUTS);
        final long second = QueueFiles.find(file, records.get(2));
        final long third = QueueFiles.find(file, records.get(3));
        QueueFiles.write(file, second, records.get(3));
        QueueFiles.write(file, third, records.get(2));

        final QueueVerification inputs = verify().inputs();

        assertEquals(indices[1], inputs.broken().index());
        assertEquals(2, inputs.broken().sequence(), "the record moved forward");
    }

    @Test
    void shouldDetectLinksForgedUnderASealWithTheSeal() throws IOException
    {
        write(TestJournals.context(dir).sealInterval(SEAL_INTERVAL), 0, 6, 0);
        final Path file = QueueFiles.cycleFile(dir, Journal.INPUTS);
        final List<byte[]> records = QueueFiles.records(dir, Journal.INPUTS);
        final long[] offsets = new long[records.size()];
        for (int i = 0; i < offsets.length; i++)
        {
            offsets[i] = QueueFiles.find(file, records.get(i));
        }
        assertEquals(JournalRecord.SEAL, new UnsafeBuffer(records.get(4)).getLong(JournalRecord.SEQUENCE_OFFSET));

        // change record 1 (a data record), then recompute the links of it and every record up to the seal
        records.get(2)[JournalRecord.FRAME_OFFSET + 40] ^= 1;
        final RecordChain chain = new RecordChain();
        for (int i = 0; i <= 4; i++)
        {
            final UnsafeBuffer record = new UnsafeBuffer(records.get(i));
            record.putLong(JournalRecord.LINK_OFFSET, chain.nextLink(record, record.capacity()), JournalRecord.ORDER);
            chain.accept(record, record.capacity());
            QueueFiles.write(file, offsets[i], records.get(i));
        }

        final QueueVerification inputs = verify().inputs();

        assertEquals(JournalRecord.SEAL, inputs.broken().sequence());
        assertTrue(inputs.broken().reason().startsWith("SHA-256 seal mismatch"), inputs.broken().reason());
    }

    @Test
    void shouldSayAQueueStartsMidWayWhenItsOlderFilesAreDeleted() throws IOException
    {
        final SetTimeProvider clock = new SetTimeProvider(TestJournals.CREATED_NS);
        try (Journal journal = Journal.open(TestJournals.context(dir).sealInterval(SEAL_INTERVAL).clock(clock)))
        {
            append(journal.inputsAppender(), 0, 6);
            clock.advanceMillis(TimeUnit.HOURS.toMillis(1));
            append(journal.inputsAppender(), 6, 6);
        }
        try (Stream<Path> files = Files.list(dir.resolve(Journal.INPUTS)))
        {
            Files.delete(files.filter(path -> path.toString().endsWith(".cq4")).sorted().findFirst().orElseThrow());
        }

        final QueueVerification inputs = verify().inputs();

        assertTrue(inputs.intact(), inputs.toString());
        assertFalse(inputs.fromStart());
        assertEquals(6, inputs.records());
        assertEquals(0, inputs.headers());
        assertEquals(3, inputs.seals(), "the first seal of the file starts the SHA-256 checks of the next ones");
        try (Journal journal = Journal.openReadOnly(dir); JournalReader reader = journal.inputsReader())
        {
            assertNull(reader.header());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 6 })
    void shouldContinueTheChainOfASessionThatDidNotClose(final int records)
    {
        // a session that stops without closing (as in a crash) leaves records after its last seal, if it has one
        final Journal crashed = Journal.open(TestJournals.context(dir).sealInterval(SEAL_INTERVAL));
        append(crashed.inputsAppender(), 0, records);
        final QueueVerification unclosed = verify().inputs();
        assertTrue(unclosed.intact());
        assertEquals((1 + records) % SEAL_INTERVAL, unclosed.unsealed(), "header and records after the last seal");

        write(TestJournals.context(dir).sealInterval(SEAL_INTERVAL), records, 3, 0);

        final QueueVerification inputs = verify().inputs();
        assertTrue(inputs.intact(), inputs.toString());
        assertEquals(records + 3, inputs.records());
        assertEquals(2, inputs.headers());
        assertEquals(0, inputs.unsealed());
    }

    @Test
    void shouldWriteIdenticalDecisionRecordsForSessionsCreatedAtDifferentTimes()
    {
        final JournalHeader later = new JournalHeader(JournalHeader.FORMAT_VERSION, "", TestJournals.CREATED_NS + 1,
            "0.1.0-test", "config-1", 256, "25");
        write(TestJournals.context(dir.resolve("a")).sealInterval(SEAL_INTERVAL), 0, 0, 9);
        write(TestJournals.context(dir.resolve("b")).sealInterval(SEAL_INTERVAL).header(later), 0, 0, 9);

        final List<byte[]> a = QueueFiles.records(dir.resolve("a"), Journal.DECISIONS);
        final List<byte[]> b = QueueFiles.records(dir.resolve("b"), Journal.DECISIONS);

        assertEquals(1 + 9 + 3, a.size(), "header, records, seals after 4 and 8 and at close");
        assertEquals(a.size(), b.size());
        assertFalse(Arrays.equals(a.getFirst(), b.getFirst()), "the headers' creation times differ");
        assertArrayEquals(Arrays.copyOfRange(a.getFirst(), 8, a.getFirst().length),
            Arrays.copyOfRange(b.getFirst(), 8, b.getFirst().length));
        for (int i = 1; i < a.size(); i++)
        {
            assertArrayEquals(a.get(i), b.get(i), "record " + i);
        }
    }

    private Verification verify()
    {
        try (Journal journal = Journal.openReadOnly(dir))
        {
            return Verifier.verify(journal);
        }
    }

    /**
     * One session: inputs with sequences from first, then decisions triggered by the first inputs.
     *
     * @return the indices of the inputs, then of the decisions.
     */
    private long[] write(final JournalContext ctx, final long first, final int inputs, final int decisions)
    {
        final long[] indices = new long[inputs + decisions];
        try (Journal journal = Journal.open(ctx))
        {
            for (int i = 0; i < inputs; i++)
            {
                indices[i] = append(journal.inputsAppender(), first + i, 1);
            }
            for (int i = 0; i < decisions; i++)
            {
                indices[inputs + i] = append(journal.decisionsAppender(), 1000 + first + i, 1);
            }
        }
        return indices;
    }

    /** Appends Quote records with sequences from first on, each with unique bytes; returns the last index. */
    private long append(final JournalAppender appender, final long first, final int count)
    {
        long index = -1;
        for (int i = 0; i < count; i++)
        {
            final long sequence = first + i;
            final int length = frames.quote(buffer, 0, (int)sequence);
            index = appender.append(buffer, 0, length, 1_000 * sequence, sequence);
        }
        return index;
    }
}
