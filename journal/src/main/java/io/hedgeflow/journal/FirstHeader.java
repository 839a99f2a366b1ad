package io.hedgeflow.journal;

import org.agrona.DirectBuffer;

/**
 * Keeps the session header if the first record visited is one (see {@link JournalRecord#HEADER}).
 */
final class FirstHeader implements RecordVisitor
{
    private boolean visited;
    private JournalHeader header;

    public void onRecord(final DirectBuffer record, final int length, final long index)
    {
        if (!visited)
        {
            visited = true;
            header = JournalRecord.sequence(record) == JournalRecord.HEADER ?
                JournalHeader.decode(record, length) : null;
        }
    }

    /**
     * @return the header, or null if no record was visited or the first was not a header.
     */
    JournalHeader header()
    {
        return header;
    }
}
