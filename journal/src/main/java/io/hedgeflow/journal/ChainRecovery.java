package io.hedgeflow.journal;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.TailerDirection;
import org.agrona.DirectBuffer;

/**
 * Rebuilds the integrity chain of a queue that already holds records, so a journal opened again for writing
 * continues it: reads backwards to the last seal (at most a seal interval of records, plus the tail a crash left
 * unsealed), takes its link and digest, then re-reads forwards from there into the SHA-256 stream (from the start of
 * its excerpt: records before the seal in the same batch excerpt are passed over by the seal). A queue without a
 * seal is re-read from its first record. The records re-read are trusted: {@link Verifier} checks them.
 */
final class ChainRecovery implements RecordVisitor
{
    private static final long NONE = Long.MIN_VALUE;

    private final RecordChain chain = new RecordChain();
    private long earliest = NONE;
    private boolean sealFound;

    private ChainRecovery()
    {
    }

    /**
     * @param queue to continue.
     * @return the chain after its last record.
     */
    static RecordChain resume(final SingleChronicleQueue queue)
    {
        final ChainRecovery recovery = new ChainRecovery();
        try (JournalReader backwards = new JournalReader(queue, TailerDirection.BACKWARD))
        {
            while (!recovery.sealFound && backwards.readRecord(recovery))
            {
            }
        }
        if (recovery.earliest != NONE)
        {
            try (JournalReader forwards = new JournalReader(queue))
            {
                forwards.moveToIndex(recovery.earliest);
                while (forwards.readRecord(recovery::accept))
                {
                }
            }
        }
        return recovery.chain;
    }

    public void onRecord(final DirectBuffer record, final int length, final long index)
    {
        earliest = index;
        sealFound |= JournalRecord.sequence(record) == JournalRecord.SEAL;
    }

    /** Forwards from the excerpt of the last seal: a seal restarts the stream, a record joins it. */
    private void accept(final DirectBuffer record, final int length, final long index)
    {
        if (JournalRecord.sequence(record) == JournalRecord.SEAL)
        {
            chain.resumeAfter(record);
        }
        else
        {
            chain.accept(record, length);
        }
    }
}
