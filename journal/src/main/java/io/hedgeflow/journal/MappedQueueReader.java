package io.hedgeflow.journal;

import net.openhft.chronicle.queue.RollCycle;
import org.agrona.UnsafeApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads the data records of one queue of a {@link MappedJournal} forward from its first cycle file, straight from
 * the memory-mapped files, without opening the queue through Chronicle: no Chronicle runtime to start, and a few
 * loads per record. It walks Chronicle Queue's documents: a 4-byte header word (length, metadata and not-complete
 * bits) before each, aligned to 4 bytes (the data format 1 every cycle file of this Chronicle version declares),
 * skips metadata (the store header, index blocks) and moves to the next cycle file at an end-of-data marker or at
 * the end of what a file holds. A cycle file is mapped once, as large as it is when reached: records appended after
 * that are not seen (no live tail: {@link JournalReader} tails). Chronicle indexes are computed as Chronicle does:
 * the cycle (from the file name) and the count of data documents before the record in its cycle. Garbage-free per
 * record; one thread at a time.
 */
public final class MappedQueueReader implements RecordSource, AutoCloseable
{
    private static final int HEADER_WORD_LENGTH = QueueFileFormat.HEADER_WORD_LENGTH;

    private final List<Path> files;
    private final RollCycle rollCycle;
    private final ExcerptRecords records = new ExcerptRecords();
    private final DataRecordVisitor dataOnly = new DataRecordVisitor();
    private int nextFile;
    private Path file;
    private Arena arena;
    private long address;
    private long size;
    private long position;
    private long firstIndex;
    private long sequenceInCycle;

    /**
     * @param queueDirectory of a queue, with the cycle files to read.
     */
    MappedQueueReader(final Path queueDirectory)
    {
        this(CycleFiles.files(queueDirectory), CycleFiles.detectRollCycle(queueDirectory));
    }

    private MappedQueueReader(final List<Path> files, final RollCycle rollCycle)
    {
        this.files = files;
        this.rollCycle = rollCycle;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if a record is shorter than {@link JournalRecord#HEADER_LENGTH} or a document
     *                               runs past the end of its file: the queue is not a hedgeflow journal, or damaged.
     */
    public boolean read(final RecordHandler handler)
    {
        dataOnly.handler(handler);
        while (dataOnly.delivered() == 0 && readRecord(dataOnly))
        {
        }
        return dataOnly.delivered() > 0;
    }

    /**
     * Reads the session header at the start of the queue with a separate reader; this reader's position is
     * unchanged.
     *
     * @return the header, or null if the queue is empty or its first record is not a header.
     */
    public JournalHeader header()
    {
        try (MappedQueueReader first = new MappedQueueReader(files, rollCycle))
        {
            final FirstHeader header = new FirstHeader();
            first.readRecord(header);
            return header.header();
        }
    }

    /**
     * Unmaps the file being read.
     */
    public void close()
    {
        unmap();
        nextFile = files.size();
    }

    /**
     * Reads the next record of any kind.
     *
     * @return true if a record was read, false at the end of the queue.
     */
    boolean readRecord(final RecordVisitor visitor)
    {
        if (records.hasNext())
        {
            records.next(visitor);
            return true;
        }
        while (file != null || mapNextFile())
        {
            final int word = position + HEADER_WORD_LENGTH <= size ?
                UnsafeApi.getIntVolatile(null, address + position) : 0;
            if (word == 0 || (word & QueueFileFormat.NOT_COMPLETE) != 0)
            {
                if (nextFile == files.size())
                {
                    return false;
                }
                unmap();
                continue;
            }
            final long start = position + HEADER_WORD_LENGTH;
            final int length = word & QueueFileFormat.LENGTH_MASK;
            if (start + length > size)
            {
                throw new IllegalStateException("document at offset " + position + " of " + file + " has " +
                    length + " bytes, past the end of the file (" + size + " bytes)");
            }
            position = (start + length + HEADER_WORD_LENGTH - 1) & -HEADER_WORD_LENGTH;
            if ((word & QueueFileFormat.META_DATA) == 0)
            {
                records.begin(address + start, length, firstIndex + sequenceInCycle++, file);
                records.next(visitor);
                return true;
            }
        }
        return false;
    }

    private boolean mapNextFile()
    {
        if (nextFile == files.size())
        {
            return false;
        }
        file = files.get(nextFile++);
        arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            size = channel.size();
            address = size == 0 ? 0 : channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena).address();
        }
        catch (final IOException ex)
        {
            unmap();
            throw new UncheckedIOException("cannot map " + file, ex);
        }
        position = 0;
        sequenceInCycle = 0;
        firstIndex = rollCycle.toIndex(CycleFiles.cycle(rollCycle, file), 0);
        QueueFileFormat.requirePadded(address, size, file);
        return true;
    }

    private void unmap()
    {
        records.clear();
        if (arena != null)
        {
            arena.close();
            arena = null;
        }
        file = null;
        size = 0;
    }
}
