package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
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
    /** How far ahead of the last record {@link #pretouch()} keeps the queue file's pages touched. */
    public static final int PRETOUCH_AHEAD_BYTES = 256 * 1024;
    private static final int PAGE_SIZE = 4096;

    private final ExcerptAppender appender;
    private final RecordChain chain;
    private final int sealInterval;
    private final boolean pretouchEnabled;
    private final UnsafeBuffer record = new UnsafeBuffer(0, 0);
    private long writePosition;
    private long touchedTo;
    private int touchedCycle = Integer.MIN_VALUE;

    JournalAppender(
        final ExcerptAppender appender,
        final RecordChain chain,
        final JournalHeader header,
        final int sealInterval,
        final boolean pretouch)
    {
        this.appender = appender;
        this.pretouchEnabled = pretouch;
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
     * Touches the next page of the queue file not yet written or touched, up to {@link #PRETOUCH_AHEAD_BYTES} ahead
     * of the last record, so the page fault of its first touch (the file system allocating the page of the sparse
     * file) is taken here and not inside a later {@link #append}. One page per call: call it from the writer thread
     * between appends, at the end of a batch and in idle duty cycles, so the writer keeps a margin of touched pages
     * ahead of it. It costs a few comparisons once the margin is touched. Garbage-free.
     * <p>
     * Touching is a compare-and-swap of 0 with 0 on the page's first word through the appender's own mapping (what
     * Chronicle's open-source {@code MicroToucher} does for one page). Chronicle Queue 2026.4 open source has no
     * background pretoucher: {@code Pretoucher} and {@code ExcerptAppender.pretouch()} are Chronicle Enterprise
     * features (without Enterprise, {@code pretouch()} recurses until {@link StackOverflowError}), and another
     * thread touching the writer's mapped chunk could touch it after the writer released it. Pages past the
     * mapped chunk are not touched: Chronicle maps the next chunk when the writer reaches it.
     *
     * @return true if a page was touched; always false if the journal was opened with pretouching off
     * ({@link JournalContext#pretouch(boolean)}).
     */
    public boolean pretouch()
    {
        if (!pretouchEnabled)
        {
            return false;
        }
        try
        {
            final Wire wire = appender.wire();
            if (null == wire)
            {
                return false;
            }
            final int cycle = appender.cycle();
            if (cycle != touchedCycle)
            {
                touchedCycle = cycle;
                touchedTo = 0;
            }
            final long page = Math.max(touchedTo, (writePosition + PAGE_SIZE - 1) & -PAGE_SIZE);
            final BytesStore<?, ?> store = wire.bytes().bytesStore();
            if (page >= writePosition + PRETOUCH_AHEAD_BYTES || null == store || !store.inside(page, Long.BYTES))
            {
                return false;
            }
            store.compareAndSwapLong(page, 0, 0);
            touchedTo = page + PAGE_SIZE;
            return true;
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
        writePosition = position + length;
        record.wrap(bytes.addressForWrite(position), length);
        return record;
    }

    private void link(final int length)
    {
        record.putLong(JournalRecord.LINK_OFFSET, chain.nextLink(record, length), ORDER);
        chain.accept(record, length);
    }
}
