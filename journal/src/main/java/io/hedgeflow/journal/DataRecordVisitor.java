package io.hedgeflow.journal;

import org.agrona.DirectBuffer;

/**
 * Passes the data records it visits to a {@link RecordHandler} as frames, and drops the control records (session
 * headers and seals, see {@link JournalRecord}): how every reader turns a queue into its data.
 */
final class DataRecordVisitor implements RecordVisitor
{
    private RecordHandler handler;
    private long delivered;

    /**
     * @param handler receives the data records visited from now on.
     */
    void handler(final RecordHandler handler)
    {
        this.handler = handler;
        delivered = 0;
    }

    /**
     * @return data records delivered since the handler was set.
     */
    long delivered()
    {
        return delivered;
    }

    public void onRecord(final DirectBuffer record, final int length, final long index)
    {
        final long sequence = JournalRecord.sequence(record);
        if (sequence >= 0)
        {
            delivered++;
            handler.onRecord(record, JournalRecord.FRAME_OFFSET, length - JournalRecord.FRAME_OFFSET,
                JournalRecord.stamp(record), sequence, index);
        }
    }
}
