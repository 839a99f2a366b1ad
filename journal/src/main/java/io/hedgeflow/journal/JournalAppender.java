package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.util.MicroTouched;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Appends records to one queue of a {@link Journal}: one instance per queue, used by a single writer thread.
 * <pre>
 *  0                               8                               16
 *  +-------------------------------+-------------------------------+-----------------------------------+
 *  | stamp (int64)                 | sequence (int64)              | frame: FrameHeader + SBE message  |
 *  +-------------------------------+-------------------------------+-----------------------------------+
 * </pre>
 * (see {@link JournalRecord}). Garbage-free in steady state: each record is reserved in the mapped queue as one
 * contiguous region and written through a reused {@link UnsafeBuffer} view, from a heap or off-heap source.
 */
public final class JournalAppender
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final ExcerptAppender appender;
    private final MicroTouched toucher;
    private final UnsafeBuffer record = new UnsafeBuffer(0, 0);

    JournalAppender(final ExcerptAppender appender)
    {
        this.appender = appender;
        this.toucher = (MicroTouched)appender;
    }

    /**
     * Appends one record.
     *
     * @param buffer   holding the frame.
     * @param offset   of the frame in buffer.
     * @param length   of the frame, 0 to {@link FrameHeader#MAX_FRAME_LENGTH} bytes; the frame is not validated,
     *                 so malformed input is journaled as received.
     * @param stamp    receive time (inputs) or trigger logic time (decisions), see {@link JournalRecord}.
     * @param sequence ring sequence of the input, or of the triggering input for decisions.
     * @return the Chronicle index of the record.
     */
    public long append(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence)
    {
        if (length < 0 || length > FrameHeader.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("frame length out of range: " + length);
        }
        buffer.boundsCheck(offset, length);

        final int recordLength = JournalRecord.HEADER_LENGTH + length;
        try (DocumentContext context = appender.writingDocument())
        {
            final Bytes<?> bytes = context.wire().bytes();
            final long position = bytes.writePosition();
            bytes.writeSkip(recordLength);
            record.wrap(bytes.addressForWrite(position), recordLength);
            record.putLong(JournalRecord.STAMP_OFFSET, stamp, ORDER);
            record.putLong(JournalRecord.SEQUENCE_OFFSET, sequence, ORDER);
            record.putBytes(JournalRecord.FRAME_OFFSET, buffer, offset, length);
        }
        return appender.lastIndexAppended();
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
        return toucher.microTouch();
    }

    void close()
    {
        appender.close();
    }
}
