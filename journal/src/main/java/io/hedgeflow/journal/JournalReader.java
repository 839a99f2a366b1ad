package io.hedgeflow.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads the data records of one queue of a {@link Journal} in order, from the start, skipping the control records
 * (session headers and seals, see {@link JournalRecord}); at the end {@link #read} returns false, and true again once
 * another record has been appended, so a reader can also tail a live queue. The records of a batch excerpt come one
 * by one like those of single-record excerpts, each with the batch excerpt's index (the excerpt's reading context
 * stays open until its last record was read). Garbage-free: each record is presented through a reused
 * {@link UnsafeBuffer} view over the mapped queue. One thread at a time; close it before its journal.
 */
public final class JournalReader implements RecordSource, AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final ExcerptRecords records = new ExcerptRecords();
    private final DataRecordVisitor dataOnly = new DataRecordVisitor();
    private DocumentContext excerpt;

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
        dataOnly.handler(handler);
        while (dataOnly.delivered() == 0 && readRecord(dataOnly))
        {
        }
        return dataOnly.delivered() > 0;
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
            final FirstHeader first = new FirstHeader();
            if (context.isPresent())
            {
                final ExcerptRecords header = new ExcerptRecords();
                begin(context, header);
                header.next(first);
            }
            return first.header();
        }
    }

    /**
     * Moves back to the first record of the queue.
     */
    public void toStart()
    {
        endExcerpt();
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
        final DataRecordVisitor counter = new DataRecordVisitor();
        counter.handler((buffer, offset, length, stamp, sequence, index) -> {});
        try (JournalReader walker = new JournalReader(queue))
        {
            while (walker.readRecord(counter))
            {
            }
        }
        return counter.delivered();
    }

    /**
     * Closes the underlying tailer.
     */
    public void close()
    {
        endExcerpt();
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
        endExcerpt();
        return tailer.moveToIndex(index);
    }

    /**
     * Reads the next record of any kind: the next excerpt's record, or the next record of the batch excerpt being
     * read.
     *
     * @return true if a record was read, false at the current end of the queue.
     */
    boolean readRecord(final RecordVisitor visitor)
    {
        if (!records.hasNext())
        {
            final DocumentContext context = tailer.readingDocument();
            if (!context.isPresent())
            {
                context.close();
                return false;
            }
            excerpt = context;
            try
            {
                begin(context, records);
            }
            catch (final RuntimeException ex)
            {
                endExcerpt();
                throw ex;
            }
        }
        try
        {
            records.next(visitor);
        }
        finally
        {
            if (!records.hasNext())
            {
                endExcerpt();
            }
        }
        return true;
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

    private void begin(final DocumentContext context, final ExcerptRecords cursor)
    {
        final Bytes<?> bytes = context.wire().bytes();
        final long length = bytes.readRemaining();
        cursor.begin(bytes.addressForRead(bytes.readPosition(), (int)length), length, context.index(), queue.file());
    }

    private void endExcerpt()
    {
        records.clear();
        if (null != excerpt)
        {
            excerpt.close();
            excerpt = null;
        }
    }
}
