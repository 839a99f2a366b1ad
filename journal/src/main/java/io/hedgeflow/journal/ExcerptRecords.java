package io.hedgeflow.journal;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The one place that turns a queue excerpt into the {@link JournalRecord}s it holds, for every reader (Chronicle's
 * tailer in {@link JournalReader}, the mapped cycle files in {@link MappedQueueReader}): a single-record excerpt
 * holds one record; a batch excerpt (layout in {@link JournalRecord}) holds two or more, presented one by one, each
 * with the batch excerpt's index. One cursor per reader: {@link #begin} on an excerpt, then {@link #next} while
 * {@link #hasNext}. Garbage-free: records are presented through a reused view.
 */
final class ExcerptRecords
{
    private final UnsafeBuffer excerpt = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer record = new UnsafeBuffer(0, 0);
    private Object queue;
    private long index;
    private long remaining;
    private boolean batch;
    private int position;
    private int end;

    /**
     * Starts on an excerpt.
     *
     * @param address of the excerpt's first byte; it must stay readable until its last record was presented.
     * @param length  of the excerpt in bytes.
     * @param index   Chronicle index of the excerpt.
     * @param queue   the queue read, named by an error.
     * @throws IllegalStateException if the excerpt is shorter than {@link JournalRecord#HEADER_LENGTH} or is a batch
     *                               of fewer than two records, which no {@link JournalAppender} writes: the queue is
     *                               not a hedgeflow journal, or is damaged.
     */
    void begin(final long address, final long length, final long index, final Object queue)
    {
        this.index = index;
        this.queue = queue;
        remaining = 0;
        if (length < JournalRecord.HEADER_LENGTH)
        {
            throw new IllegalStateException(
                "record at index " + index + " of " + queue + " has " + length + " bytes, fewer than " +
                JournalRecord.HEADER_LENGTH);
        }
        end = (int)length;
        excerpt.wrap(address, end);
        batch = JournalRecord.sequence(excerpt) == JournalRecord.BATCH;
        if (!batch)
        {
            remaining = 1;
            return;
        }
        final long count = excerpt.getLong(JournalRecord.BATCH_COUNT_OFFSET, JournalRecord.ORDER);
        if (count < 2)
        {
            throw malformed("a record count of " + count);
        }
        remaining = count;
        position = JournalRecord.BATCH_RECORDS_OFFSET;
    }

    /**
     * @return whether the excerpt begun last has records not yet presented.
     */
    boolean hasNext()
    {
        return remaining > 0;
    }

    /**
     * Presents the next record of the excerpt.
     *
     * @param visitor receives the record.
     * @throws IllegalStateException if a batch's record lengths or count do not match its length (the rest of the
     *                               excerpt is then abandoned).
     */
    void next(final RecordVisitor visitor)
    {
        if (!batch)
        {
            remaining = 0;
            visitor.onRecord(excerpt, end, index);
            return;
        }
        final int lengthAt = position + JournalRecord.BATCH_LENGTH_PREFIX;
        final int length = lengthAt <= end ? excerpt.getInt(position, JournalRecord.ORDER) : -1;
        if (length < JournalRecord.HEADER_LENGTH || length > end - lengthAt)
        {
            remaining = 0;
            throw malformed("a record of " + length + " bytes at offset " + position);
        }
        position = lengthAt + length;
        final boolean last = --remaining == 0;
        if (last != (position == end))
        {
            remaining = 0;
            throw malformed("a record count that does not match its records");
        }
        record.wrap(excerpt, lengthAt, length);
        visitor.onRecord(record, length, index);
    }

    /**
     * Abandons the excerpt begun last.
     */
    void clear()
    {
        remaining = 0;
    }

    private IllegalStateException malformed(final String what)
    {
        return new IllegalStateException("batch excerpt at index " + index + " of " + queue + " has " + what);
    }
}
