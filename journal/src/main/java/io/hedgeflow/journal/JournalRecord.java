package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Layout of one journal record, little-endian. Every record starts with the same 24 bytes:
 * <pre>
 *  0                               8                               16                              24
 *  +-------------------------------+-------------------------------+-------------------------------+--------------
 *  | stamp (int64)                 | sequence (int64)              | link (int64)                  | body ...
 *  +-------------------------------+-------------------------------+-------------------------------+--------------
 * </pre>
 * The sequence tells the kind of record:
 * <pre>
 *  kind     sequence    stamp                               body
 *  data     &gt;= 0        inputs: receive time ns (wall)      the frame as received or produced:
 *                       decisions: trigger logic time ns    FrameHeader + SBE message, 0..1024 bytes
 *  header   -1 HEADER   session creation, ns since epoch    {@link JournalHeader} (see its layout)
 *  seal     -2 SEAL     0                                   +-------------------+---------------------------+
 *                                                           | count (int64)     | SHA-256 digest (32 bytes) |
 *                                                           +-------------------+---------------------------+
 * </pre>
 * A Chronicle excerpt holds one record as above, or a batch of records (what {@link JournalAppender#appendToBatch}
 * and {@link JournalAppender#commitBatch} write: one excerpt per duty cycle instead of one per record), told apart by
 * the word at offset 8, which no record of a single-record excerpt holds:
 * <pre>
 *  0                               8                               16
 *  +-------------------------------+-------------------------------+--------------------------------------------
 *  | record count n &gt;= 2 (int64)  | -3 BATCH (int64)              | n x { length (int32), record of length bytes }
 *  +-------------------------------+-------------------------------+--------------------------------------------
 * </pre>
 * Each record of a batch is exactly the record a single-record excerpt would hold (its own stamp, sequence and link),
 * so the record stream, its links and seals do not depend on how records are grouped into excerpts; readers see
 * the records of a batch one by one, in order, each with the batch excerpt's Chronicle index. Journals of
 * single-record excerpts only (every journal written before batches) read and verify unchanged.
 * <p>
 * inputs queue: sequence = ring sequence. decisions queue: sequence = ring sequence of the triggering input, stamp =
 * its logic time, so the decision records of a replay or of a second run are byte-identical.
 * <p>
 * Integrity chain (checked by {@link Verifier}), over the records of one queue in order:
 * <pre>
 *   link(r)    = L(link(previous record), r)      link(before the first record) = 0
 *   digest(s)  = SHA-256(digest(previous seal) || covered bytes of each data and header record since it)
 *                                                 digest(before the first seal) = 32 zero bytes
 * </pre>
 * L is a 64-bit chained checksum ({@code RecordChain}): every record carries the link of itself and all its
 * predecessors, so changing, removing, inserting or reordering a record breaks the link of the first record
 * affected. A seal record, written after every {@link JournalContext#sealInterval()} records and when the journal
 * closes, carries the SHA-256 of the records since the previous seal, chained through the previous seal's digest.
 * The covered bytes of a record are all its bytes except a header's stamp, the only wall-clock value of the
 * decisions queue, so equal decision records carry equal links and seals.
 */
public final class JournalRecord
{
    /** Offset of the int64 stamp. */
    public static final int STAMP_OFFSET = 0;
    /** Offset of the int64 sequence, negative for the control records {@link #HEADER} and {@link #SEAL}. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Offset of the int64 link: the chained checksum of this record and all before it. */
    public static final int LINK_OFFSET = 16;
    /** Offset of the body: the frame of a data record. */
    public static final int BODY_OFFSET = 24;
    /** Offset of the frame in a data record. */
    public static final int FRAME_OFFSET = BODY_OFFSET;
    /** Bytes in front of the body. */
    public static final int HEADER_LENGTH = BODY_OFFSET;

    /** Longest record of any kind. */
    public static final int MAX_LENGTH =
        Math.max(HEADER_LENGTH + FrameHeader.MAX_FRAME_LENGTH, JournalHeader.MAX_RECORD_LENGTH);

    /** Sequence of a session header record. */
    public static final long HEADER = -1;
    /** Sequence of a seal record. */
    public static final long SEAL = -2;

    /** Sequence word of a batch excerpt (never a record's): the excerpt holds a batch of records. */
    public static final long BATCH = -3;
    /** Offset of a batch excerpt's int64 record count. */
    public static final int BATCH_COUNT_OFFSET = 0;
    /** Offset of a batch excerpt's first record length. */
    public static final int BATCH_RECORDS_OFFSET = 16;
    /** Bytes in front of each record of a batch: its int32 length. */
    public static final int BATCH_LENGTH_PREFIX = Integer.BYTES;

    /** Offset of a seal's int64 count of records sealed since the previous seal. */
    public static final int SEAL_COUNT_OFFSET = BODY_OFFSET;
    /** Offset of a seal's SHA-256 digest. */
    public static final int SEAL_DIGEST_OFFSET = SEAL_COUNT_OFFSET + 8;
    /** Length of a SHA-256 digest. */
    public static final int DIGEST_LENGTH = 32;
    /** Length of a seal record. */
    public static final int SEAL_LENGTH = SEAL_DIGEST_OFFSET + DIGEST_LENGTH;

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private JournalRecord()
    {
    }

    static long stamp(final DirectBuffer record)
    {
        return record.getLong(STAMP_OFFSET, ORDER);
    }

    static long sequence(final DirectBuffer record)
    {
        return record.getLong(SEQUENCE_OFFSET, ORDER);
    }

    static long link(final DirectBuffer record)
    {
        return record.getLong(LINK_OFFSET, ORDER);
    }
}
