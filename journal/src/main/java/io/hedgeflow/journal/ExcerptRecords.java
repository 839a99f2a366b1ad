package io.hedgeflow.journal;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The one place that turns a queue excerpt into the {@link JournalRecord}s it holds, for every reader (Chronicle's
 * tailer in {@link JournalReader}, the mapped cycle files in {@link MappedQueueReader}). Today an excerpt holds
 * exactly one record.
 */
final class ExcerptRecords
{
    private ExcerptRecords()
    {
    }

    /**
     * Presents the records of one excerpt to a visitor through a reused view.
     *
     * @param address of the excerpt's first byte.
     * @param length  of the excerpt in bytes.
     * @param index   Chronicle index of the excerpt.
     * @param view    wrapped over each record in turn.
     * @param visitor receives each record.
     * @param queue   the queue read, named by an error.
     * @throws IllegalStateException if the excerpt is shorter than {@link JournalRecord#HEADER_LENGTH}, which no
     *                               {@link JournalAppender} writes: the queue is not a hedgeflow journal.
     */
    static void visit(
        final long address,
        final long length,
        final long index,
        final UnsafeBuffer view,
        final RecordVisitor visitor,
        final Object queue)
    {
        if (length < JournalRecord.HEADER_LENGTH)
        {
            throw new IllegalStateException(
                "record at index " + index + " of " + queue + " has " + length + " bytes, fewer than " +
                JournalRecord.HEADER_LENGTH);
        }
        final int recordLength = (int)length;
        view.wrap(address, recordLength);
        visitor.onRecord(view, recordLength, index);
    }
}
