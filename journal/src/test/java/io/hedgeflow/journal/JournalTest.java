package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalTest
{
    @TempDir
    Path dir;

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer heap = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH + 64]);
    private final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(FrameHeader.MAX_FRAME_LENGTH + 64));
    private final List<Read> reads = new ArrayList<>();
    private final RecordHandler collector = (buffer, offset, length, stamp, sequence, index) ->
    {
        final byte[] frame = new byte[length];
        buffer.getBytes(offset, frame);
        reads.add(new Read(frame, stamp, sequence, index));
    };

    record Read(byte[] frame, long stamp, long sequence, long index)
    {
    }

    @Test
    void shouldCreateBothQueueDirectories()
    {
        try (Journal journal = TestJournals.open(dir.resolve("session")))
        {
            assertEquals(dir.resolve("session"), journal.directory());
            assertTrue(Files.isDirectory(dir.resolve("session").resolve(Journal.INPUTS)));
            assertTrue(Files.isDirectory(dir.resolve("session").resolve(Journal.DECISIONS)));
        }
    }

    @Test
    void shouldRoundTripFramesOfEveryTypeFromHeapAndOffHeapBuffers()
    {
        final List<byte[]> written = new ArrayList<>();
        final long[] indices = new long[TestFrames.TEMPLATE_IDS.length];
        try (Journal journal = TestJournals.open(dir); JournalReader reader = journal.inputsReader())
        {
            for (int i = 0; i < TestFrames.TEMPLATE_IDS.length; i++)
            {
                final UnsafeBuffer buffer = i % 2 == 0 ? heap : direct;
                final int offset = 3 + i;
                final int length = frames.encode(TestFrames.TEMPLATE_IDS[i], buffer, offset);
                written.add(copy(buffer, offset, length));
                indices[i] = journal.inputsAppender().append(buffer, offset, length, 1_000 + i, 100 + i);
            }

            while (reader.read(collector))
            {
            }
        }

        assertEquals(written.size(), reads.size());
        for (int i = 0; i < reads.size(); i++)
        {
            assertArrayEquals(written.get(i), reads.get(i).frame());
            assertEquals(1_000 + i, reads.get(i).stamp());
            assertEquals(100 + i, reads.get(i).sequence());
            assertEquals(indices[i], reads.get(i).index());
            assertTrue(i == 0 || indices[i] > indices[i - 1], Arrays.toString(indices));
        }
    }

    @Test
    void shouldKeepInputsAndDecisionsApart()
    {
        try (Journal journal = TestJournals.open(dir);
            JournalReader inputs = journal.inputsReader();
            JournalReader decisions = journal.decisionsReader())
        {
            append(journal.inputsAppender(), 2, 10);
            append(journal.decisionsAppender(), 21, 11);
            append(journal.decisionsAppender(), 20, 11);

            assertEquals(1, inputs.count());
            assertEquals(2, decisions.count());
            assertTrue(decisions.read(collector));
            assertEquals(21, reads.getFirst().frame()[FrameHeader.MESSAGE_OFFSET + 2]);
        }
    }

    @Test
    void shouldTailAQueueThatIsStillBeingWritten()
    {
        try (Journal journal = TestJournals.open(dir); JournalReader reader = journal.inputsReader())
        {
            assertFalse(reader.read(collector));
            append(journal.inputsAppender(), 2, 1);
            assertTrue(reader.read(collector));
            assertFalse(reader.read(collector));
            append(journal.inputsAppender(), 4, 2);
            assertTrue(reader.read(collector));
            assertFalse(reader.read(collector));
        }

        assertEquals(List.of(1L, 2L), reads.stream().map(Read::sequence).toList());
    }

    @Test
    void shouldAppendAfterExistingRecordsWhenReopened()
    {
        try (Journal journal = TestJournals.open(dir))
        {
            append(journal.inputsAppender(), 2, 1);
            append(journal.inputsAppender(), 3, 2);
        }
        try (Journal journal = TestJournals.open(dir); JournalReader reader = journal.inputsReader())
        {
            append(journal.inputsAppender(), 4, 3);
            while (reader.read(collector))
            {
            }
        }

        assertEquals(List.of(1L, 2L, 3L), reads.stream().map(Read::sequence).toList());
        assertTrue(reads.get(2).index() > reads.get(1).index());
    }

    @Test
    void shouldCountRecordsWithoutMovingTheReaderAndRewindToStart()
    {
        try (Journal journal = TestJournals.open(dir); JournalReader reader = journal.inputsReader())
        {
            assertEquals(0, reader.count());
            append(journal.inputsAppender(), 2, 1);
            append(journal.inputsAppender(), 2, 2);
            append(journal.inputsAppender(), 2, 3);
            assertTrue(reader.read(collector));

            assertEquals(3, reader.count());
            assertTrue(reader.read(collector));
            reader.toStart();
            assertTrue(reader.read(collector));
        }

        assertEquals(List.of(1L, 2L, 1L), reads.stream().map(Read::sequence).toList());
    }

    @Test
    void shouldReadASessionOpenedReadOnlyWhileItIsWritten()
    {
        try (Journal writer = TestJournals.open(dir))
        {
            append(writer.inputsAppender(), 2, 1);
            try (Journal journal = Journal.openReadOnly(dir); JournalReader reader = journal.inputsReader())
            {
                assertThrows(IllegalStateException.class, journal::inputsAppender);
                assertThrows(IllegalStateException.class, journal::decisionsAppender);
                assertTrue(reader.read(collector));
                assertFalse(reader.read(collector));
                append(writer.inputsAppender(), 2, 2);
                assertTrue(reader.read(collector));
            }
        }

        assertEquals(List.of(1L, 2L), reads.stream().map(Read::sequence).toList());
    }

    @Test
    void shouldPrintRecordsAsTheyAreRead()
    {
        final FramePrinter printer = new FramePrinter();
        final StringBuilder out = new StringBuilder();
        try (Journal journal = TestJournals.open(dir); JournalReader reader = journal.decisionsReader())
        {
            append(journal.decisionsAppender(), 20, 12);
            assertTrue(reader.read((buffer, offset, length, stamp, sequence, index) ->
                printer.print(buffer, offset, length, stamp, sequence, FramePrinter.Format.TEXT, out)));
        }

        assertEquals("seq=12 stamp=120 ch=1 chseq=7 t=2026-01-01T00:00:00.000000100Z NewOrder orderId=42 " +
            "instrumentId=3 side=BUY quantity=0.5 limitPrice=100010 triggerSequence=12", out.toString());
    }

    @Test
    void shouldRefuseToOpenReadOnlyWhatIsNotAJournal()
    {
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> Journal.openReadOnly(dir.resolve("missing")));

        assertTrue(error.getMessage().contains("missing"), error.getMessage());
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void shouldRejectFrameLongerThanTheLargestFrame()
    {
        try (Journal journal = TestJournals.open(dir))
        {
            final UnsafeBuffer big = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH + 1]);
            assertThrows(
                IllegalArgumentException.class,
                () -> journal.inputsAppender().append(big, 0, FrameHeader.MAX_FRAME_LENGTH + 1, 0, 0));
        }
    }

    @Test
    @Timeout(10)
    void shouldAppendFromAnotherThreadThanTheOneThatOpened() throws InterruptedException
    {
        try (Journal journal = TestJournals.open(dir); JournalReader reader = journal.inputsReader())
        {
            final Thread writer = new Thread(() -> append(journal.inputsAppender(), 2, 7));
            writer.start();
            writer.join();

            assertTrue(reader.read(collector));
        }

        assertEquals(7, reads.getFirst().sequence());
    }

    @Test
    void shouldPretouchPagesAheadOfTheLastRecordOneAtATimeAndMoreAfterWritingIntoThem()
    {
        final int window = JournalAppender.PRETOUCH_AHEAD_BYTES / 4096;
        try (Journal journal = TestJournals.open(dir))
        {
            final JournalAppender appender = journal.inputsAppender();
            append(appender, 2, 1);

            assertEquals(window, pretouchAll(appender), "every page of the window ahead, once");
            assertFalse(appender.pretouch());
            final int length = frames.encode(2, heap, 0);
            for (int i = 0; i < 4096 / length + 1; i++)
            {
                append(appender, 2, 2 + i);
            }
            final int more = pretouchAll(appender);
            assertTrue(more >= 1 && more <= 2, "the window moved on by the page written: " + more);
        }
    }

    private static int pretouchAll(final JournalAppender appender)
    {
        int touched = 0;
        while (appender.pretouch())
        {
            touched++;
        }
        return touched;
    }

    @Test
    void shouldAppendAndReadWithoutAllocatingOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final AtomicLong sum = new AtomicLong();
        final RecordHandler summer = (buffer, offset, length, stamp, sequence, index) -> sum.addAndGet(sequence);
        try (Journal journal = TestJournals.open(dir); JournalReader reader = journal.inputsReader())
        {
            final JournalAppender appender = journal.inputsAppender();
            final int length = frames.encode(2, direct, 0);
            final long[] allocated = new long[10];
            for (int round = -20; round < allocated.length; round++)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 1_000; i++)
                {
                    appender.append(direct, 0, length, i, i);
                    appender.pretouch();
                    reader.read(summer);
                }
                final long after = threads.getCurrentThreadAllocatedBytes();
                if (round >= 0)
                {
                    allocated[round] = after - before;
                }
            }

            // an hourly roll inside one round allocates; it cannot hit every round
            assertEquals(0, Arrays.stream(allocated).min().orElseThrow(), Arrays.toString(allocated));
            assertEquals(30 * 499_500L, sum.get());
        }
    }

    private void append(final JournalAppender appender, final int templateId, final long sequence)
    {
        final int length = frames.encode(templateId, heap, 0);
        appender.append(heap, 0, length, sequence * 10, sequence);
    }

    private static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }
}
