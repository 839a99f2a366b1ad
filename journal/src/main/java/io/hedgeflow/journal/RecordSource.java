package io.hedgeflow.journal;

/**
 * Reads the data records of one queue of a journal in order, one per call.
 */
@FunctionalInterface
public interface RecordSource
{
    /**
     * Reads the next data record, if any, into the handler, skipping control records before it.
     *
     * @param handler receives the record.
     * @return true if a record was read, false at the end of the queue.
     */
    boolean read(RecordHandler handler);
}
