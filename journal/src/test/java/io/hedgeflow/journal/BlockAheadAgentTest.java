package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import net.openhft.chronicle.bytes.MappedFile;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue file's blocks are mapped by the {@link BlockAheadAgent}'s thread ahead of the writer, so an append
 * never maps one, and what was written across the blocks reads back and verifies; with mapping ahead off the writer
 * maps each block itself.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BlockAheadAgentTest
{
    private static final int BLOCKS = 2;
    private static final String AGENT = "hedgeflow-journal-block-ahead";

    private final SetTimeProvider clock = new SetTimeProvider(TestJournals.CREATED_NS);
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);

    @TempDir
    Path dir;

    @Test
    void shouldMapEachNextBlockOnTheAgentThreadBeforeTheWriterReachesIt()
    {
        long written = 0;
        try (Journal journal = Journal.open(TestJournals.context(dir).clock(clock)))
        {
            final JournalAppender appender = journal.inputsAppender();
            final MappedFile file = appender.block().file();
            final List<String> mappers = listen(file);
            for (int block = 1; block <= BLOCKS; block++)
            {
                awaitMappings(file, block + 1);
                written += appendUntilTheNextBlock(appender);
            }
            awaitMappings(file, BLOCKS + 2);
            assertEquals(List.of(AGENT), mappers.stream().distinct().toList());
        }
        try (Journal journal = Journal.openReadOnly(dir); JournalReader reader = journal.inputsReader())
        {
            assertTrue(Verifier.verify(journal).intact());
            assertEquals(written, reader.count());
        }
    }

    @Test
    void shouldLeaveEachBlockToTheWriterWhenMappingAheadIsOff()
    {
        try (Journal journal = Journal.open(TestJournals.context(dir).clock(clock).mapAhead(false)))
        {
            final JournalAppender appender = journal.inputsAppender();
            final MappedFile file = appender.block().file();
            final List<String> mappers = listen(file);
            for (int block = 1; block <= BLOCKS; block++)
            {
                appendUntilTheNextBlock(appender);
                assertEquals(block + 1, file.chunkCount());
            }
            assertEquals(List.of(Thread.currentThread().getName()), mappers.stream().distinct().toList());
        }
    }

    private static List<String> listen(final MappedFile file)
    {
        final List<String> mappers = new CopyOnWriteArrayList<>();
        file.setNewChunkListener((name, chunk, delayMicros) -> mappers.add(Thread.currentThread().getName()));
        return mappers;
    }

    private static void awaitMappings(final MappedFile file, final long chunks)
    {
        while (file.chunkCount() < chunks)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Appends maximum-length frames, one excerpt each, until the writer has entered the next block; the count. */
    private long appendUntilTheNextBlock(final JournalAppender appender)
    {
        final long version = appender.block().version();
        long appended = 0;
        while (appender.block().version() == version)
        {
            appender.append(frame, 0, frame.capacity(), appended, appended);
            appended++;
        }
        return appended;
    }
}
