package io.hedgeflow.journal;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * Checks the integrity chain of both queues of a journal (see {@link JournalRecord}): recomputes every record's
 * link and every seal's SHA-256 digest, in order, and reports the first record of each queue that does not verify.
 * A changed byte anywhere in a record (stamp, sequence, link or body), a removed, inserted or reordered record, or a
 * forged link under a seal is found; a queue whose older files were deleted is reported as starting mid-way
 * ({@link QueueVerification#fromStart()} false). Records appended after the check started may or may not be
 * checked.
 */
public final class Verifier
{
    private Verifier()
    {
    }

    /**
     * @param journal to check, typically opened read-only.
     * @return what was found in each queue.
     */
    public static Verification verify(final Journal journal)
    {
        return new Verification(verify(journal, Journal.INPUTS), verify(journal, Journal.DECISIONS));
    }

    private static QueueVerification verify(final Journal journal, final String name)
    {
        final SingleChronicleQueue queue = journal.queue(name);
        final QueueChecker checker = new QueueChecker(name, queue);
        try (JournalReader reader = new JournalReader(queue))
        {
            while (!checker.broken() && reader.readRecord(checker))
            {
            }
        }
        catch (final RuntimeException ex)
        {
            checker.unreadable(ex);
        }
        return checker.result();
    }
}
