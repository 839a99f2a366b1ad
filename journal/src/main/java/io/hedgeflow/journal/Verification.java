package io.hedgeflow.journal;

/**
 * What {@link Verifier} found in both queues of a journal.
 *
 * @param inputs    the inputs queue.
 * @param decisions the decisions queue.
 */
public record Verification(QueueVerification inputs, QueueVerification decisions)
{
    /**
     * @return true if both queues are intact.
     */
    public boolean intact()
    {
        return inputs.intact() && decisions.intact();
    }

    /**
     * @return the first queue with a broken link (inputs before decisions), null if both are intact.
     */
    public QueueVerification firstBroken()
    {
        return !inputs.intact() ? inputs : !decisions.intact() ? decisions : null;
    }

    /**
     * @return every record checked in both queues.
     */
    public long total()
    {
        return inputs.total() + decisions.total();
    }
}
