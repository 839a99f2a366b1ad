package io.hedgeflow.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MappedQueueReader} reads exactly what Chronicle's tailer reads ({@link JournalReader}): every record, data and
 * control, in order, with the same Chronicle index, across sessions, seals, index blocks, batch excerpts and cycle
 * files.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MappedQueueReaderTest
{
    private static final int SESSIONS = 3;
    private static final int RECORDS_PER_SESSION = 700;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = new SetTimeProvider(TestJournals.CREATED_NS);
    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);

    static List<RollCycle> rollCycles()
    {
        return List.of(TestRollCycles.TEST_SECONDLY, RollCycles.FIVE_MINUTELY, RollCycles.FAST_HOURLY,
            RollCycles.FAST_DAILY);
    }

    @ParameterizedTest
    @MethodSource("rollCycles")
    void shouldReadEveryRecordWithItsIndexAsChronicleDoesAcrossCycleFiles(final RollCycle rollCycle)
    {
        writeSessions(rollCycle);

        assertTrue(CycleFiles.files(dir.resolve(Journal.INPUTS)).size() > 1);
        for (final String queue : List.of(Journal.INPUTS, Journal.DECISIONS))
        {
            final List<String> expected = chronicleRecords(dir, queue);
            assertTrue(expected.size() > SESSIONS * RECORDS_PER_SESSION / 10, queue);
            assertEquals(expected, mappedRecords(dir, queue), queue);
        }
    }

    @Test
    void shouldReadTheSessionHeaderAndOnlyTheDataRecords()
    {
        writeSessions(RollCycles.FAST_HOURLY);

        final MappedJournal journal = MappedJournal.open(dir);
        try (MappedQueueReader inputs = journal.inputsReader(); Journal chronicle = Journal.openReadOnly(dir);
            JournalReader chronicleInputs = chronicle.inputsReader())
        {
            assertEquals(List.of(), journal.notices());
            assertEquals(TestJournals.HEADER.forQueue(Journal.INPUTS), inputs.header());
            final List<Long> sequences = new ArrayList<>();
            while (inputs.read((buffer, offset, length, stamp, sequence, index) -> sequences.add(sequence)))
            {
            }
            assertFalse(inputs.read((buffer, offset, length, stamp, sequence, index) -> sequences.add(sequence)));
            assertEquals(SESSIONS * RECORDS_PER_SESSION, sequences.size());
            assertEquals(chronicleInputs.count(), sequences.size());
            for (int i = 0; i < sequences.size(); i++)
            {
                assertEquals(i, sequences.get(i));
            }
        }
    }

    @Test
    void shouldRefuseACycleFileOfAnotherDataFormat() throws IOException
    {
        writeSessions(RollCycles.FAST_DAILY);
        final Path file = CycleFiles.files(dir.resolve(Journal.INPUTS)).getFirst();
        final long dataFormat = QueueFiles.find(file, "dataFormat".getBytes(StandardCharsets.ISO_8859_1));
        QueueFiles.write(file, dataFormat + "dataFormat".length() + 1, new byte[]{ 0 });

        try (MappedQueueReader inputs = MappedJournal.open(dir).inputsReader())
        {
            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> inputs.read((buffer, offset, length, stamp, sequence, index) -> {}));
            assertEquals(file + ": unsupported Chronicle Queue data format (store header without dataFormat 1)",
                ex.getMessage());
        }
    }

    @Test
    void shouldReportADocumentCutShortByTheEndOfItsFile() throws IOException
    {
        writeSessions(RollCycles.FAST_DAILY);
        final Path file = CycleFiles.files(dir.resolve(Journal.INPUTS)).getFirst();
        final byte[] header = QueueFiles.records(dir, Journal.INPUTS).getFirst();
        final long cut = QueueFiles.find(file, header) + 10;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(cut);
        }

        try (MappedQueueReader inputs = MappedJournal.open(dir).inputsReader())
        {
            final IllegalStateException ex = assertThrows(IllegalStateException.class,
                () -> inputs.read((buffer, offset, length, stamp, sequence, index) -> {}));
            assertEquals("document at offset " + (cut - 14) + " of " + file + " has " + header.length + " bytes, " +
                "past the end of the file (" + cut + " bytes)", ex.getMessage());
        }
    }

    private void writeSessions(final RollCycle rollCycle)
    {
        for (int session = 0; session < SESSIONS; session++)
        {
            try (Journal journal = Journal.open(TestJournals.context(dir).rollCycle(rollCycle).clock(clock)
                .sealInterval(64)))
            {
                for (int i = 0; i < RECORDS_PER_SESSION; i++)
                {
                    final int sequence = session * RECORDS_PER_SESSION + i;
                    final int length = frames.encode(
                        TestFrames.TEMPLATE_IDS[sequence % TestFrames.TEMPLATE_IDS.length], frame, 0);
                    if (i % 4 == 0)
                    {
                        journal.inputsAppender().append(frame, 0, length, 1_000 + sequence, sequence);
                    }
                    else
                    {
                        journal.inputsAppender().appendToBatch(frame, 0, length, 1_000 + sequence, sequence);
                    }
                    if (i % 10 == 0)
                    {
                        journal.decisionsAppender().append(frame, 0, length, 2_000 + sequence, sequence);
                    }
                }
                journal.inputsAppender().commitBatch();
            }
            clock.advanceMillis(rollCycle.lengthInMillis());
        }
    }

    /** Each record as its index and bytes in hex, by Chronicle's tailer. */
    private static List<String> chronicleRecords(final Path journal, final String queue)
    {
        final List<String> records = new ArrayList<>();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = new JournalReader(j.queue(queue)))
        {
            while (reader.readRecord((record, length, index) -> records.add(describe(record, length, index))))
            {
            }
        }
        return records;
    }

    private static List<String> mappedRecords(final Path journal, final String queue)
    {
        final List<String> records = new ArrayList<>();
        try (MappedQueueReader reader = new MappedQueueReader(journal.resolve(queue)))
        {
            while (reader.readRecord((record, length, index) -> records.add(describe(record, length, index))))
            {
            }
        }
        return records;
    }

    private static String describe(final DirectBuffer record, final int length, final long index)
    {
        final byte[] bytes = new byte[length];
        record.getBytes(0, bytes);
        return Long.toHexString(index) + ':' + HexFormat.of().formatHex(bytes);
    }
}
