package io.hedgeflow.journal;

/**
 * What {@link Verifier} found in one queue.
 *
 * @param queue       inputs or decisions.
 * @param records     data records checked.
 * @param headers     session header records checked.
 * @param seals       seal records checked.
 * @param unsealed    data and header records after the last seal, covered by links only (a session that did not
 *                    close, or a journal still being written).
 * @param firstIndex  Chronicle index of the first record, -1 if the queue is empty.
 * @param fromStart   true if the queue starts with its first session header; false if it starts mid-way (older
 *                    files deleted): the first record is then trusted, and SHA-256 checks start at the first seal.
 * @param link        hex of the last record's link.
 * @param digest      hex of the last seal's SHA-256 digest; with link, an anchor to record outside the journal.
 * @param broken      the first broken link, null if the queue is intact.
 */
public record QueueVerification(
    String queue,
    long records,
    long headers,
    long seals,
    long unsealed,
    long firstIndex,
    boolean fromStart,
    String link,
    String digest,
    Break broken)
{
    /**
     * The first record whose link or seal does not verify.
     *
     * @param index    Chronicle index of the record.
     * @param file     name of the queue file holding it.
     * @param position of the record in that file, from 0.
     * @param sequence the record's sequence field as stored (negative for control records).
     * @param reason   what does not verify.
     */
    public record Break(long index, String file, long position, long sequence, String reason)
    {
    }

    /**
     * @return true if no link or seal is broken.
     */
    public boolean intact()
    {
        return null == broken;
    }

    /**
     * @return every record checked: data, headers and seals.
     */
    public long total()
    {
        return records + headers + seals;
    }
}
