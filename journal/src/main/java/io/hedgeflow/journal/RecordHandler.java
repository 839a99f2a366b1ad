package io.hedgeflow.journal;

import org.agrona.DirectBuffer;

/**
 * Receives the records a {@link RecordSource} ({@link JournalReader}, {@link MappedQueueReader}) reads. The buffer
 * is a view over the mapped queue, valid only for the duration of the call: copy what must outlive it.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * One record.
     *
     * @param buffer   view over the record.
     * @param offset   offset of the frame in buffer.
     * @param length   length of the frame in bytes.
     * @param stamp    the record's stamp (see {@link JournalRecord}).
     * @param sequence the record's sequence (see {@link JournalRecord}).
     * @param index    Chronicle index of the excerpt holding the record (shared by the records of a batch).
     */
    void onRecord(DirectBuffer buffer, int offset, int length, long stamp, long sequence, long index);
}
