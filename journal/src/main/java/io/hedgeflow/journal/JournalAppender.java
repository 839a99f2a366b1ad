package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wire;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static io.hedgeflow.journal.JournalRecord.ORDER;

/**
 * Appends records to one queue of a {@link Journal}: one instance per queue, used by one writer thread at a time
 * (the journal may be opened and closed on other threads than the one appending, with a happens-before between).
 * Opening writes the session header record; every {@link #append} or {@link #appendToBatch} writes a data record
 * carrying its chain link; after every {@code sealInterval} records and on close a seal record follows (layouts and
 * chain in {@link JournalRecord}). {@link #append} writes the record in an excerpt of its own at once;
 * {@link #appendToBatch} stages it and {@link #commitBatch()} writes the records staged since the last commit as
 * one batch excerpt, so Chronicle's per-excerpt cost (write lock, header, index: about 450 ns) is paid once per
 * batch instead of once per record. Garbage-free in steady state: records are staged in a reused buffer and each
 * excerpt is reserved in the mapped queue as one contiguous region and copied there in one go.
 * Whatever Chronicle throws while appending (an I/O error, a full file system, a fault in the mapped file) comes
 * out as a {@link JournalWriteException} naming the queue.
 */
public final class JournalAppender
{
    /** How far ahead of the last record {@link #pretouch()} keeps the queue file's pages touched. */
    public static final int PRETOUCH_AHEAD_BYTES = 256 * 1024;
    /** Bytes a batch excerpt holds at most, its 16-byte head included: far more than a duty cycle's records. */
    public static final int BATCH_CAPACITY = 64 * 1024;
    private static final int PAGE_SIZE = 4096;

    private final ExcerptAppender appender;
    private final RecordChain chain;
    private final int sealInterval;
    private final boolean pretouchEnabled;
    private final UnsafeBuffer record = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer excerpt = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer batch = new UnsafeBuffer(new byte[BATCH_CAPACITY]);
    private int batchLength = JournalRecord.BATCH_RECORDS_OFFSET;
    private int batchCount;
    private final WriterBlock block = new WriterBlock();
    private BytesStore<?, ?> blockStore;
    private long writePosition;
    private long touchedTo;
    private BytesStore<?, ?> touchedStore;

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
        reserve(length).putBytes(0, encoded, 0, length);
        link(length);
        commit();
        appender.singleThreadedCheckReset();
    }

    /**
     * Appends one data record in an excerpt of its own, after the records staged for the current batch (committed
     * first, as one excerpt), and commits it: once this returns, readers can see it.
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
        validate(buffer, offset, length, sequence);
        try
        {
            commit();
            stage(buffer, offset, length, stamp, sequence);
            final long index = commit();
            if (chain.count() >= sealInterval)
            {
                stageSeal();
                commit();
            }
            return index;
        }
        catch (final RuntimeException | InternalError ex)
        {
            throw writeFailed(ex);
        }
    }

    /**
     * Stages one data record in the current batch: it reaches the queue, with the batch's other records in one
     * excerpt, at the next {@link #commitBatch()} (or once the batch holds {@link #BATCH_CAPACITY} bytes); readers
     * do not see it before. The record, its link and the seal that may follow it are the ones {@link #append}
     * writes: only the grouping into excerpts differs. The caller commits before anything that depends on the
     * record leaves the process.
     *
     * @param buffer   holding the frame.
     * @param offset   of the frame in buffer.
     * @param length   of the frame, 0 to {@link FrameHeader#MAX_FRAME_LENGTH} bytes, not validated.
     * @param stamp    receive time (inputs) or trigger logic time (decisions), see {@link JournalRecord}.
     * @param sequence ring sequence of the input, or of the triggering input for decisions; not negative.
     */
    public void appendToBatch(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence)
    {
        validate(buffer, offset, length, sequence);
        try
        {
            stage(buffer, offset, length, stamp, sequence);
            if (chain.count() >= sealInterval)
            {
                stageSeal();
            }
        }
        catch (final RuntimeException | InternalError ex)
        {
            throw writeFailed(ex);
        }
    }

    /**
     * Writes the records staged by {@link #appendToBatch} as one excerpt (a single record as a record excerpt, more
     * as a batch excerpt, see {@link JournalRecord}); nothing when none is staged.
     */
    public void commitBatch()
    {
        if (batchCount > 0)
        {
            try
            {
                commit();
            }
            catch (final RuntimeException | InternalError ex)
            {
                throw writeFailed(ex);
            }
        }
    }

    private static void validate(final DirectBuffer buffer, final int offset, final int length, final long sequence)
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
    }

    private void stage(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence)
    {
        final int recordLength = JournalRecord.HEADER_LENGTH + length;
        final UnsafeBuffer record = reserve(recordLength);
        record.putLong(JournalRecord.STAMP_OFFSET, stamp, ORDER);
        record.putLong(JournalRecord.SEQUENCE_OFFSET, sequence, ORDER);
        record.putBytes(JournalRecord.FRAME_OFFSET, buffer, offset, length);
        link(recordLength);
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
     * mapped chunk are not touched; when the writer enters the next chunk (a mapping of its own, see
     * {@link BlockAheadAgent}) or the next cycle's file, touching starts again from the last record, through that
     * mapping.
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
            final BytesStore<?, ?> store = wire.bytes().bytesStore();
            if (store != touchedStore)
            {
                touchedStore = store;
                touchedTo = 0;
            }
            final long page = Math.max(touchedTo, (writePosition + PAGE_SIZE - 1) & -PAGE_SIZE);
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
     * Commits the staged records, seals the records since the last seal, if any, and closes the Chronicle appender.
     */
    void close()
    {
        appender.singleThreadedCheckReset();
        commit();
        if (chain.count() > 0)
        {
            stageSeal();
            commit();
        }
        appender.close();
    }

    private JournalWriteException writeFailed(final Throwable ex)
    {
        return new JournalWriteException(appender.queue().fileAbsolutePath(), ex);
    }

    private void stageSeal()
    {
        final UnsafeBuffer record = reserve(JournalRecord.SEAL_LENGTH);
        record.putLong(JournalRecord.STAMP_OFFSET, 0, ORDER);
        record.putLong(JournalRecord.SEQUENCE_OFFSET, JournalRecord.SEAL, ORDER);
        chain.seal(record);
        link(JournalRecord.SEAL_LENGTH);
    }

    /** Reserves a record of this length at the end of the batch, committing the batch first if it would not fit. */
    private UnsafeBuffer reserve(final int length)
    {
        if (batchLength + JournalRecord.BATCH_LENGTH_PREFIX + length > batch.capacity())
        {
            commit();
        }
        batch.putInt(batchLength, length, ORDER);
        record.wrap(batch, batchLength + JournalRecord.BATCH_LENGTH_PREFIX, length);
        batchLength += JournalRecord.BATCH_LENGTH_PREFIX + length;
        batchCount++;
        return record;
    }

    /**
     * Writes the staged records as one excerpt: a single record as itself, several as a batch excerpt.
     *
     * @return the Chronicle index of the excerpt, -1 if none was staged.
     */
    private long commit()
    {
        if (batchCount == 0)
        {
            return -1;
        }
        final int from;
        if (batchCount == 1)
        {
            from = JournalRecord.BATCH_RECORDS_OFFSET + JournalRecord.BATCH_LENGTH_PREFIX;
        }
        else
        {
            from = 0;
            batch.putLong(JournalRecord.BATCH_COUNT_OFFSET, batchCount, ORDER);
            batch.putLong(JournalRecord.SEQUENCE_OFFSET, JournalRecord.BATCH, ORDER);
        }
        final int length = batchLength - from;
        batchLength = JournalRecord.BATCH_RECORDS_OFFSET;
        batchCount = 0;
        try (DocumentContext context = appender.writingDocument())
        {
            final Bytes<?> bytes = context.wire().bytes();
            final long position = bytes.writePosition();
            bytes.writeSkip(length);
            writePosition = position + length;
            excerpt.wrap(bytes.addressForWrite(position), length);
            excerpt.putBytes(0, batch, from, length);
            publishBlock(bytes);
            block.position(writePosition);
        }
        return appender.lastIndexAppended();
    }

    /**
     * @return the block of the queue file this appender's writer is in, for the {@link BlockAheadAgent}.
     */
    WriterBlock block()
    {
        return block;
    }

    /** Publishes the writer's block when a write entered a new one (one reference compare per excerpt). */
    private void publishBlock(final Bytes<?> bytes)
    {
        final BytesStore<?, ?> store = bytes.bytesStore();
        if (store != blockStore && bytes instanceof MappedBytes mapped)
        {
            blockStore = store;
            block.publish(mapped.mappedFile(), store.safeLimit());
        }
    }

    private void link(final int length)
    {
        record.putLong(JournalRecord.LINK_OFFSET, chain.nextLink(record, length), ORDER);
        chain.accept(record, length);
    }
}
