package io.hedgeflow.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.DirectBuffer;

/**
 * Checks the records of one queue in order against a recomputed {@link RecordChain}, stopping at the first broken
 * link or seal (later records, such as the rest of a batch excerpt, are ignored). See {@link Verifier}.
 */
final class QueueChecker implements RecordVisitor
{
    private final String name;
    private final SingleChronicleQueue queue;
    private final RecordChain chain = new RecordChain(RecordChain.VERIFY_BATCH);
    private long records;
    private long headers;
    private long seals;
    private long firstIndex = -1;
    private long lastIndex = -1;
    private long lastSequence;
    private long windowStart = -1;
    private boolean fromStart;
    private boolean digestKnown;
    private QueueVerification.Break broken;

    QueueChecker(final String name, final SingleChronicleQueue queue)
    {
        this.name = name;
        this.queue = queue;
    }

    boolean broken()
    {
        return null != broken;
    }

    public void onRecord(final DirectBuffer record, final int length, final long index)
    {
        if (broken())
        {
            return;
        }
        final long sequence = JournalRecord.sequence(record);
        lastIndex = index;
        lastSequence = sequence;
        if (length > JournalRecord.MAX_LENGTH)
        {
            fail(index, sequence, "record of " + length + " bytes, longer than any journal record");
            return;
        }
        if (firstIndex < 0)
        {
            firstIndex = index;
            windowStart = index;
            fromStart = sequence == JournalRecord.HEADER && length >= JournalHeader.PREVIOUS_LINK_OFFSET + 8 &&
                record.getLong(JournalHeader.PREVIOUS_LINK_OFFSET, JournalRecord.ORDER) == 0;
            digestKnown = fromStart;
            if (!fromStart)
            {
                chain.resumeAfter(record);
                digestKnown = sequence == JournalRecord.SEAL;
                windowStart = digestKnown ? -1 : index;
                count(sequence);
                return;
            }
        }
        if (windowStart < 0)
        {
            windowStart = index;
        }
        if (chain.nextLink(record, length) != JournalRecord.link(record))
        {
            fail(index, sequence, "link mismatch: this record was altered, or one before it removed or inserted");
        }
        else if (sequence < JournalRecord.SEAL)
        {
            fail(index, sequence, "unknown record kind");
        }
        else if (sequence == JournalRecord.SEAL)
        {
            checkSeal(record, length, index);
        }
        else
        {
            chain.accept(record, length);
            count(sequence);
        }
    }

    private void checkSeal(final DirectBuffer record, final int length, final long index)
    {
        if (length != JournalRecord.SEAL_LENGTH)
        {
            fail(index, JournalRecord.SEAL, "seal of " + length + " bytes, expected " + JournalRecord.SEAL_LENGTH);
        }
        else if (digestKnown && !chain.sealMatches(record))
        {
            fail(index, JournalRecord.SEAL, "SHA-256 seal mismatch over the records from index " + windowStart);
        }
        else
        {
            chain.resumeAfter(record);
            digestKnown = true;
            windowStart = -1;
            seals++;
        }
    }

    /**
     * Records that the queue could not be read after the last record checked.
     */
    void unreadable(final RuntimeException ex)
    {
        fail(lastIndex, lastSequence, "unreadable record after this one: " + ex.getMessage());
    }

    QueueVerification result()
    {
        return new QueueVerification(name, records, headers, seals, chain.count(), firstIndex, fromStart,
            Long.toHexString(chain.link()), digestKnown ? chain.lastDigestHex() : "unknown", broken);
    }

    private void count(final long sequence)
    {
        if (sequence >= 0)
        {
            records++;
        }
        else if (sequence == JournalRecord.HEADER)
        {
            headers++;
        }
        else
        {
            seals++;
        }
    }

    private void fail(final long index, final long sequence, final String reason)
    {
        if (index < 0)
        {
            broken = new QueueVerification.Break(index, "", -1, sequence, reason);
            return;
        }
        final RollCycle rollCycle = queue.rollCycle();
        broken = new QueueVerification.Break(index, CycleFiles.fileName(queue, rollCycle.toCycle(index)),
            rollCycle.toSequenceNumber(index), sequence, reason);
    }
}
