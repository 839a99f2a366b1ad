package io.hedgeflow.journal;

import org.agrona.DirectBuffer;

/**
 * Receives every record of a queue, data and control records alike, as stored (see {@link JournalRecord}).
 */
@FunctionalInterface
interface RecordVisitor
{
    /**
     * One record.
     *
     * @param record view over the whole record from offset 0, valid only during the call.
     * @param length of the record, at least {@link JournalRecord#HEADER_LENGTH}.
     * @param index  Chronicle index of the excerpt holding the record (shared by the records of a batch excerpt).
     */
    void onRecord(DirectBuffer record, int length, long index);
}
