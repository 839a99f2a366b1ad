package io.hedgeflow.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads the data records of one queue of a {@link Journal} in order, from the start, skipping the control records
 * (session headers and seals, see {@link JournalRecord}); at the end {@link #read} returns false, and true again once
 * another record has been appended, so a reader can also tail a live queue. The records of a batch excerpt come one
 * by one like those of single-record excerpts, each with the batch excerpt's index. Garbage-free: each record is
 * presented through a reused {@link UnsafeBuffer} view over the mapped queue. One thread at a time; close it before
 * its journal.
 */
public final class JournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer excerpt = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer record = new UnsafeBuffer(0, 0);
    private final RecordVisitor dataOnly = this::deliverData;
    private DocumentContext batch;
    private long batchIndex;
    private long batchRemaining;
    private int batchPosition;
    private int batchEnd;
    private RecordHandler handler;
    private boolean delivered;

    JournalReader(final SingleChronicleQueue queue)
    {
        this(queue, TailerDirection.FORWARD);
    }

    /**
     * A reader in a direction: forward from the first record, or backward from the last.
     */
    JournalReader(final SingleChronicleQueue queue, final TailerDirection direction)
    {
        this.queue = queue;
        this.tailer = direction == TailerDirection.BACKWARD ?
            queue.createTailer().direction(direction).toEnd() : startTailer();
    }

    /**
     * Reads the next data record, if any, into the handler, skipping control records before it.
     *
     * @param handler receives the record.
     * @return true if a record was read, false at the current end of the queue.
     * @throws IllegalStateException if a record is shorter than {@link JournalRecord#HEADER_LENGTH} or a batch
     *                               excerpt is malformed, which no {@link JournalAppender} writes: the queue is not
     *                               a hedgeflow journal, or is damaged.
     */
    public boolean read(final RecordHandler handler)
    {
        this.handler = handler;
        delivered = false;
        while (!delivered && readRecord(dataOnly))
        {
        }
        return delivered;
    }

    /**
     * Reads the session header at the start of the queue with a separate tailer; this reader's position is unchanged.
     *
     * @return the header, or null if the queue is empty or its first record is not a header (its older files, with
     * the session's header, were deleted).
     */
    public JournalHeader header()
    {
        try (ExcerptTailer tailer = startTailer(); DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return null;
            }
            final UnsafeBuffer first = new UnsafeBuffer(0, 0);
            final int length = wrap(context, first);
            return JournalRecord.sequence(first) == JournalRecord.HEADER ? JournalHeader.decode(first, length) : null;
        }
    }

    /**
     * Moves back to the first record of the queue.
     */
    public void toStart()
    {
        endBatch();
        toFirstFile(tailer.toStart());
    }

    /**
     * Counts the data records in the queue now, by walking it with a separate reader; this reader's position is
     * unchanged.
     *
     * @return the number of data records.
     */
    public long count()
    {
        final long[] count = new long[1];
        final RecordVisitor counter =
            (record, length, index) -> count[0] += JournalRecord.sequence(record) >= 0 ? 1 : 0;
        try (JournalReader walker = new JournalReader(queue))
        {
            while (walker.readRecord(counter))
            {
            }
        }
        return count[0];
    }

    /**
     * Closes the underlying tailer.
     */
    public void close()
    {
        endBatch();
        tailer.close();
    }

    /**
     * Moves to a record, so the next read returns it.
     *
     * @param index Chronicle index of the record.
     * @return true if the queue holds the index.
     */
    boolean moveToIndex(final long index)
    {
        endBatch();
        return tailer.moveToIndex(index);
    }

    /**
     * Reads the next record of any kind: the excerpt's record, or the next record of the batch excerpt being read
     * (whose reading context stays open until its last record was delivered, see {@link JournalRecord}).
     *
     * @return true if a record was read, false at the current end of the queue.
     */
    boolean readRecord(final RecordVisitor visitor)
    {
        if (null == batch)
        {
            final DocumentContext context = tailer.readingDocument();
            if (!context.isPresent())
            {
                context.close();
                return false;
            }
            final int length = wrap(context, excerpt);
            if (JournalRecord.sequence(excerpt) != JournalRecord.BATCH)
            {
                try (context)
                {
                    visitor.onRecord(excerpt, length, context.index());
                }
                return true;
            }
            startBatch(context, length);
        }
        return readBatchRecord(visitor);
    }

    private void startBatch(final DocumentContext context, final int length)
    {
        batch = context;
        batchIndex = context.index();
        batchPosition = JournalRecord.BATCH_RECORDS_OFFSET;
        batchEnd = length;
        batchRemaining = excerpt.getLong(JournalRecord.BATCH_COUNT_OFFSET, JournalRecord.ORDER);
        if (batchRemaining < 2)
        {
            endBatch();
            throw malformedBatch("a record count of " + batchRemaining);
        }
    }

    private boolean readBatchRecord(final RecordVisitor visitor)
    {
        final int lengthAt = batchPosition + JournalRecord.BATCH_LENGTH_PREFIX;
        final int length = lengthAt <= batchEnd ? excerpt.getInt(batchPosition, JournalRecord.ORDER) : -1;
        if (length < JournalRecord.HEADER_LENGTH || length > batchEnd - lengthAt)
        {
            endBatch();
            throw malformedBatch("a record of " + length + " bytes at offset " + batchPosition);
        }
        record.wrap(excerpt, lengthAt, length);
        batchPosition = lengthAt + length;
        final boolean last = --batchRemaining == 0;
        if (last != (batchPosition == batchEnd))
        {
            endBatch();
            throw malformedBatch("a record count that does not match its records");
        }
        try
        {
            visitor.onRecord(record, length, batchIndex);
        }
        finally
        {
            if (last)
            {
                endBatch();
            }
        }
        return true;
    }

    private IllegalStateException malformedBatch(final String what)
    {
        return new IllegalStateException("batch excerpt at index " + batchIndex + " of " + queue.file() + " has " +
            what);
    }

    private void endBatch()
    {
        if (null != batch)
        {
            batch.close();
            batch = null;
        }
    }

    private ExcerptTailer startTailer()
    {
        return toFirstFile(queue.createTailer());
    }

    /**
     * Chronicle's tailer starts at the first cycle its directory listing names; a read-only queue keeps naming a
     * file deleted since it was written (retention), so start at the first file present instead.
     */
    private ExcerptTailer toFirstFile(final ExcerptTailer tailer)
    {
        final int present = CycleFiles.firstCycle(queue);
        if (present != Integer.MAX_VALUE && present != queue.firstCycle())
        {
            tailer.moveToCycle(present);
        }
        return tailer;
    }

    private int wrap(final DocumentContext context, final UnsafeBuffer view)
    {
        final Bytes<?> bytes = context.wire().bytes();
        final long length = bytes.readRemaining();
        if (length < JournalRecord.HEADER_LENGTH)
        {
            throw new IllegalStateException(
                "record at index " + context.index() + " of " + queue.file() + " has " + length +
                " bytes, fewer than " + JournalRecord.HEADER_LENGTH);
        }
        final int recordLength = (int)length;
        view.wrap(bytes.addressForRead(bytes.readPosition(), recordLength), recordLength);
        return recordLength;
    }

    private void deliverData(final DirectBuffer record, final int length, final long index)
    {
        final long sequence = JournalRecord.sequence(record);
        if (sequence >= 0)
        {
            delivered = true;
            handler.onRecord(record, JournalRecord.FRAME_OFFSET, length - JournalRecord.FRAME_OFFSET,
                JournalRecord.stamp(record), sequence, index);
        }
    }
}
