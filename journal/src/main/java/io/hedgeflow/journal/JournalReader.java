package io.hedgeflow.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Reads the records of one queue of a {@link Journal} in order, from the start; at the end {@link #read} returns
 * false, and true again once another record has been appended, so a reader can also tail a live queue.
 * Garbage-free: each record is presented through a reused {@link UnsafeBuffer} view over the mapped queue.
 * One thread at a time; close it before its journal.
 */
public final class JournalReader implements AutoCloseable
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer record = new UnsafeBuffer(0, 0);

    JournalReader(final ChronicleQueue queue)
    {
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /**
     * Reads the next record, if any, into the handler.
     *
     * @param handler receives the record.
     * @return true if a record was read, false at the current end of the queue.
     * @throws IllegalStateException if the record is shorter than {@link JournalRecord#HEADER_LENGTH}, which no
     *                               {@link JournalAppender} writes: the queue is not a hedgeflow journal.
     */
    public boolean read(final RecordHandler handler)
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }

            final Bytes<?> bytes = context.wire().bytes();
            final long length = bytes.readRemaining();
            final long index = context.index();
            if (length < JournalRecord.HEADER_LENGTH)
            {
                throw new IllegalStateException(
                    "record at index " + index + " of " + queue.file() + " has " + length + " bytes, fewer than " +
                    JournalRecord.HEADER_LENGTH);
            }

            final int recordLength = (int)length;
            record.wrap(bytes.addressForRead(bytes.readPosition(), recordLength), recordLength);
            handler.onRecord(
                record,
                JournalRecord.FRAME_OFFSET,
                recordLength - JournalRecord.HEADER_LENGTH,
                record.getLong(JournalRecord.STAMP_OFFSET, ORDER),
                record.getLong(JournalRecord.SEQUENCE_OFFSET, ORDER),
                index);
            return true;
        }
    }

    /**
     * Moves back to the first record of the queue.
     */
    public void toStart()
    {
        tailer.toStart();
    }

    /**
     * Counts the records in the queue now, by walking it with a separate tailer; this reader's position is unchanged.
     *
     * @return the number of records.
     */
    public long count()
    {
        long count = 0;
        try (ExcerptTailer counter = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext context = counter.readingDocument())
                {
                    if (!context.isPresent())
                    {
                        return count;
                    }
                    count++;
                }
            }
        }
    }

    /**
     * Closes the underlying tailer.
     */
    public void close()
    {
        tailer.close();
    }
}
