package io.hedgeflow.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import static io.hedgeflow.journal.JournalRecord.BODY_OFFSET;
import static io.hedgeflow.journal.JournalRecord.DIGEST_LENGTH;
import static io.hedgeflow.journal.JournalRecord.HEADER;
import static io.hedgeflow.journal.JournalRecord.ORDER;
import static io.hedgeflow.journal.JournalRecord.SEAL;
import static io.hedgeflow.journal.JournalRecord.SEAL_COUNT_OFFSET;
import static io.hedgeflow.journal.JournalRecord.SEAL_DIGEST_OFFSET;
import static io.hedgeflow.journal.JournalRecord.SEQUENCE_OFFSET;
import static io.hedgeflow.journal.JournalRecord.STAMP_OFFSET;

/**
 * The integrity chain of one queue (see {@link JournalRecord}): the running 64-bit link and the SHA-256 stream of
 * the records since the last seal. Used by the appender to write links and seals and by the verifier to recompute
 * them. Garbage-free; one thread.
 * <p>
 * The link L(previous, record) folds the covered words of a record into the previous link, one 64-bit word at a
 * time (stamp, sequence, body words little-endian with the last one zero-padded, body length), each step
 * {@code h = rotl((h ^ word) * K, 31)}, then finishes with the MurmurHash3 64-bit finaliser. Every step is a
 * bijection of h for a given word, so any change confined to one word of a record always changes its link.
 */
final class RecordChain
{
    /** Bytes a verifying chain gathers before each SHA-256 update: fewer, longer updates hash faster. */
    static final int VERIFY_BATCH = 16 * 1024;
    /**
     * Bytes an appending chain gathers before each SHA-256 update: about eight records of the demo mix per update,
     * which saves most of MessageDigest's per-call cost (about 30 ns of 140 per record), while the append that
     * completes a batch hashes only about 1 KiB (about 1 us), never the seal interval's whole block.
     */
    static final int APPEND_BATCH = 1024;

    private static final long K = 0x9E3779B97F4A7C15L;

    private final MessageDigest sha256 = newSha256();
    private final byte[] digest = new byte[DIGEST_LENGTH];
    private final byte[] pending;
    private final int batch;
    private int pendingLength;
    private long link;
    private long count;

    /**
     * A chain at the start of a queue for appending: hashes the records in {@link #APPEND_BATCH} batches as they
     * are accepted, so a seal finishes at most one batch.
     */
    RecordChain()
    {
        this(APPEND_BATCH);
    }

    /**
     * A chain at the start of a queue: link 0, previous digest all zeros.
     *
     * @param batch bytes of records to gather before updating the SHA-256 stream: 1 hashes each record as it is
     *              accepted, {@link #APPEND_BATCH} (appending) bounds the work of one append,
     *              {@link #VERIFY_BATCH} hashes fastest (verifying).
     */
    RecordChain(final int batch)
    {
        this.batch = batch;
        this.pending = new byte[batch + JournalRecord.MAX_LENGTH];
        sha256.update(digest);
    }

    /**
     * @return the link of the last record accepted.
     */
    long link()
    {
        return link;
    }

    /**
     * @return data and header records accepted since the last seal.
     */
    long count()
    {
        return count;
    }

    /**
     * Computes the link a record must carry after the records accepted so far.
     *
     * @param record view over the record, from offset 0.
     * @param length of the record, at least {@link JournalRecord#HEADER_LENGTH}.
     * @return the link.
     */
    long nextLink(final DirectBuffer record, final int length)
    {
        final long sequence = record.getLong(SEQUENCE_OFFSET, ORDER);
        long h = step(link, sequence == HEADER ? 0 : record.getLong(STAMP_OFFSET, ORDER));
        h = step(h, sequence);
        int i = BODY_OFFSET;
        for (final int end = length - Long.BYTES; i <= end; i += Long.BYTES)
        {
            h = step(h, record.getLong(i, ORDER));
        }
        if (i < length)
        {
            long last = 0;
            for (int shift = 0; i < length; i++, shift += Byte.SIZE)
            {
                last |= (record.getByte(i) & 0xFFL) << shift;
            }
            h = step(h, last);
        }
        return finish(step(h, length - BODY_OFFSET));
    }

    /**
     * Accepts a record whose link is {@link #nextLink}: a data or header record joins the SHA-256 stream, a seal only
     * moves the link (its digest was made by {@link #seal}).
     *
     * @param record view over the record.
     * @param length of the record.
     */
    void accept(final DirectBuffer record, final int length)
    {
        link = JournalRecord.link(record);
        final long sequence = JournalRecord.sequence(record);
        if (sequence != SEAL)
        {
            final int from = sequence == HEADER ? SEQUENCE_OFFSET : STAMP_OFFSET;
            record.getBytes(from, pending, pendingLength, length - from);
            pendingLength += length - from;
            if (pendingLength >= batch)
            {
                hashPending();
            }
            count++;
        }
    }

    /**
     * Ends the SHA-256 stream: writes the count and digest of the records since the previous seal into a seal
     * record's body and starts the next stream from this digest.
     *
     * @param seal record to write the count and digest into.
     */
    void seal(final MutableDirectBuffer seal)
    {
        finishDigest();
        seal.putLong(SEAL_COUNT_OFFSET, count, ORDER);
        seal.putBytes(SEAL_DIGEST_OFFSET, digest);
        count = 0;
    }

    /**
     * Ends the SHA-256 stream like {@link #seal} and compares with a seal record read from the queue.
     *
     * @param seal the seal record read.
     * @return true if its count and digest are the ones of the records accepted since the previous seal.
     */
    boolean sealMatches(final DirectBuffer seal)
    {
        finishDigest();
        boolean matches = seal.getLong(SEAL_COUNT_OFFSET, ORDER) == count;
        for (int i = 0; i < DIGEST_LENGTH; i++)
        {
            matches &= seal.getByte(SEAL_DIGEST_OFFSET + i) == digest[i];
        }
        count = 0;
        return matches;
    }

    /**
     * Continues a chain whose earlier records are not read: from a record's stored link and, for a seal, its digest.
     *
     * @param record view over the record to resume after, already checked or trusted.
     */
    void resumeAfter(final DirectBuffer record)
    {
        link = JournalRecord.link(record);
        if (JournalRecord.sequence(record) == SEAL)
        {
            record.getBytes(SEAL_DIGEST_OFFSET, digest);
            sha256.reset();
            sha256.update(digest);
            pendingLength = 0;
            count = 0;
        }
    }

    /**
     * @return hex of the digest of the last seal made or checked (all zeros before the first).
     */
    String lastDigestHex()
    {
        final StringBuilder hex = new StringBuilder(DIGEST_LENGTH * 2);
        for (final byte b : digest)
        {
            hex.append(Character.forDigit(b >> 4 & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private void hashPending()
    {
        sha256.update(pending, 0, pendingLength);
        pendingLength = 0;
    }

    private void finishDigest()
    {
        hashPending();
        try
        {
            sha256.digest(digest, 0, DIGEST_LENGTH);
        }
        catch (final java.security.DigestException ex)
        {
            throw new IllegalStateException(ex);
        }
        sha256.update(digest);
    }

    private static long step(final long h, final long word)
    {
        return Long.rotateLeft((h ^ word) * K, 31);
    }

    private static long finish(final long h)
    {
        long x = h;
        x ^= x >>> 33;
        x *= 0xFF51AFD7ED558CCDL;
        x ^= x >>> 33;
        x *= 0xC4CEB9FE1A85EC53L;
        return x ^ x >>> 33;
    }

    private static MessageDigest newSha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
        }
    }
}
