package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.util.MicroTouched;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static io.hedgeflow.journal.JournalRecord.ORDER;

/**
 * Appends records to one queue of a {@link Journal}: one instance per queue, used by one writer thread at a time
 * (the journal may be opened and closed on other threads than the one appending, with a happens-before between).
 * Opening writes the session header record; every {@link #append} writes a data record carrying its chain link;
 * after every {@code sealInterval} records and on close a seal record follows (layouts and chain in
 * {@link JournalRecord}). Garbage-free in steady state: each record is reserved in the mapped queue as one
 * contiguous region and written through a reused {@link UnsafeBuffer} view, from a heap or off-heap source.
 * Whatever Chronicle throws while appending (an I/O error, a full file system, a fault in the mapped file) comes
 * out as a {@link JournalWriteException} naming the queue.
 */
public final class JournalAppender
{
    private final ExcerptAppender appender;
    private final MicroTouched toucher;
    private final RecordChain chain;
    private final int sealInterval;
    private final UnsafeBuffer record = new UnsafeBuffer(0, 0);

    JournalAppender(
        final ExcerptAppender appender, final RecordChain chain, final JournalHeader header, final int sealInterval)
    {
        this.appender = appender;
        this.toucher = (MicroTouched)appender;
        this.chain = chain;
        this.sealInterval = sealInterval;
        final UnsafeBuffer encoded = new UnsafeBuffer(new byte[JournalHeader.MAX_RECORD_LENGTH]);
        final int length = header.encode(encoded, chain.link());
        try (DocumentContext context = appender.writingDocument())
        {
            reserve(context, length).putBytes(0, encoded, 0, length);
            link(length);
        }
        appender.singleThreadedCheckReset();
    }

    /**
     * Appends one data record.
     *
     * @param buffer   holding the frame.
     * @param offset   of the frame in buffer.
     * @param length   of the frame, 0 to {@link FrameHeader#MAX_FRAME_LENGTH} bytes; the frame is not validated,
     *                 so malformed input is journaled as received.
     * @param stamp    receive time (inputs) or trigger logic time (decisions), see {@link JournalRecord}.
     * @param sequence ring sequence of the input, or of the triggering input for decisions; not negative.
     * @return the Chronicle index of the record.
     */
    public long append(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence)
    {
        if (length < 0 || length > FrameHeader.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("frame length out of range: " + length);
        }
        if (sequence < 0)
        {
            throw new IllegalArgumentException("sequence must not be negative: " + sequence);
        }
        buffer.boundsCheck(offset, length);
        try
        {
            return write(buffer, offset, length, stamp, sequence);
        }
        catch (final RuntimeException | InternalError ex)
        {
            throw writeFailed(ex);
        }
    }

    private long write(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence)
    {
        final int recordLength = JournalRecord.HEADER_LENGTH + length;
        try (DocumentContext context = appender.writingDocument())
        {
            final UnsafeBuffer record = reserve(context, recordLength);
            record.putLong(JournalRecord.STAMP_OFFSET, stamp, ORDER);
            record.putLong(JournalRecord.SEQUENCE_OFFSET, sequence, ORDER);
            record.putBytes(JournalRecord.FRAME_OFFSET, buffer, offset, length);
            link(recordLength);
        }
        final long index = appender.lastIndexAppended();
        if (chain.count() >= sealInterval)
        {
            seal();
        }
        return index;
    }

    /**
     * Touches the next page of the queue file ahead of the write position, so the page fault of its first touch
     * is not taken inside a later {@link #append}. Call it from the writer thread between appends (when idle or at
     * the end of a batch); it costs a comparison unless the write position has moved into a new page.
     * <p>
     * Chronicle Queue 2026.4 open source has no background pretoucher: {@code Pretoucher} and
     * {@code ExcerptAppender.pretouch()} are Chronicle Enterprise features (without Enterprise, {@code pretouch()}
     * recurses until {@link StackOverflowError}). This uses the open-source {@link MicroTouched#microTouch()}.
     *
     * @return true if a page was touched.
     */
    public boolean pretouch()
    {
        try
        {
            return toucher.microTouch();
        }
        catch (final RuntimeException | InternalError ex)
        {
            throw writeFailed(ex);
        }
    }

    /**
     * Seals the records since the last seal, if any, and closes the Chronicle appender.
     */
    void close()
    {
        appender.singleThreadedCheckReset();
        if (chain.count() > 0)
        {
            seal();
        }
        appender.close();
    }

    private JournalWriteException writeFailed(final Throwable ex)
    {
        return new JournalWriteException(appender.queue().fileAbsolutePath(), ex);
    }

    private void seal()
    {
        try (DocumentContext context = appender.writingDocument())
        {
            final UnsafeBuffer record = reserve(context, JournalRecord.SEAL_LENGTH);
            record.putLong(JournalRecord.STAMP_OFFSET, 0, ORDER);
            record.putLong(JournalRecord.SEQUENCE_OFFSET, JournalRecord.SEAL, ORDER);
            chain.seal(record);
            link(JournalRecord.SEAL_LENGTH);
        }
    }

    private UnsafeBuffer reserve(final DocumentContext context, final int length)
    {
        final Bytes<?> bytes = context.wire().bytes();
        final long position = bytes.writePosition();
        bytes.writeSkip(length);
        record.wrap(bytes.addressForWrite(position), length);
        return record;
    }

    private void link(final int length)
    {
        record.putLong(JournalRecord.LINK_OFFSET, chain.nextLink(record, length), ORDER);
        chain.accept(record, length);
    }
}
