package io.hedgeflow.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.hedgeflow.journal.JournalRecord.BODY_OFFSET;
import static io.hedgeflow.journal.JournalRecord.ORDER;

/**
 * The session header: the first record a session writes into each queue, saying what replay needs to reproduce the
 * session's decisions. The host supplies the engine version, configuration digest and vector width
 * ({@link #session}); the journal fills in the queue name. Body layout of a header record (see
 * {@link JournalRecord}; the record's stamp holds {@link #createdNs}), little-endian:
 * <pre>
 *  24              28              32                              40
 *  +---------------+---------------+-------------------------------+-----------------------------------------+
 *  | formatVersion | vectorBits    | previousLink (int64): link of | queueName, engineVersion, configDigest, |
 *  | (int32)       | (int32)       | the record before the header  | jdkVersion: uint16 length + UTF-8 each  |
 *  +---------------+---------------+-------------------------------+-----------------------------------------+
 * </pre>
 * previousLink is 0 in the first header of a queue: {@link Verifier} tells a queue that starts at its beginning
 * from one whose older files were deleted by it.
 *
 * @param formatVersion journal format version, {@link #FORMAT_VERSION} for new sessions.
 * @param queueName     inputs or decisions.
 * @param createdNs     wall-clock creation time of the session, ns since the epoch (not covered by the chain).
 * @param engineVersion version of the engine that wrote the session.
 * @param configDigest  digest of the logic configuration, as the host computes it.
 * @param vectorBits    bit size of the preferred Vector API species the Greek kernels ran with.
 * @param jdkVersion    {@link Runtime#version()} of the writing JVM.
 */
public record JournalHeader(
    int formatVersion,
    String queueName,
    long createdNs,
    String engineVersion,
    String configDigest,
    int vectorBits,
    String jdkVersion)
{
    /** Version of the record layout and chain this code writes. */
    public static final int FORMAT_VERSION = 1;
    /** Longest string field in UTF-8 bytes. */
    public static final int MAX_STRING_LENGTH = 255;

    private static final int VECTOR_BITS_OFFSET = BODY_OFFSET + 4;
    /** Offset of the int64 link of the record before the header, 0 at the start of a queue. */
    static final int PREVIOUS_LINK_OFFSET = BODY_OFFSET + 8;
    private static final int STRINGS_OFFSET = PREVIOUS_LINK_OFFSET + 8;
    private static final int STRINGS = 4;
    /** Longest header record. */
    public static final int MAX_RECORD_LENGTH = STRINGS_OFFSET + STRINGS * (Short.BYTES + MAX_STRING_LENGTH);

    /**
     * Checks the string fields: present and at most {@link #MAX_STRING_LENGTH} bytes of UTF-8.
     */
    public JournalHeader
    {
        for (final String value : new String[]{ queueName, engineVersion, configDigest, jdkVersion })
        {
            if (Objects.requireNonNull(value).getBytes(StandardCharsets.UTF_8).length > MAX_STRING_LENGTH)
            {
                throw new IllegalArgumentException("header field over " + MAX_STRING_LENGTH + " bytes: " + value);
            }
        }
    }

    /**
     * The header of a session starting now on this JVM, for {@link JournalContext#header}.
     *
     * @param engineVersion version of the engine.
     * @param configDigest  digest of the logic configuration.
     * @param vectorBits    bit size of the preferred Vector API species.
     * @return the header, for no queue yet.
     */
    public static JournalHeader session(final String engineVersion, final String configDigest, final int vectorBits)
    {
        final Instant now = Instant.now();
        return new JournalHeader(FORMAT_VERSION, "", now.getEpochSecond() * 1_000_000_000L + now.getNano(),
            engineVersion, configDigest, vectorBits, Runtime.version().toString());
    }

    /**
     * Names the fields that differ from another header and may change a replay's results: format, engine version,
     * configuration digest, vector width and JDK version (not the queue name or creation time).
     *
     * @param other header to compare with, for example the replaying host's own.
     * @return one {@code "field: this vs other"} entry per differing field, empty if none differ.
     */
    public List<String> differences(final JournalHeader other)
    {
        final List<String> differences = new ArrayList<>();
        compare(differences, "formatVersion", formatVersion, other.formatVersion);
        compare(differences, "engineVersion", engineVersion, other.engineVersion);
        compare(differences, "configDigest", configDigest, other.configDigest);
        compare(differences, "vectorBits", vectorBits, other.vectorBits);
        compare(differences, "jdkVersion", jdkVersion, other.jdkVersion);
        return differences;
    }

    JournalHeader forQueue(final String name)
    {
        return new JournalHeader(formatVersion, name, createdNs, engineVersion, configDigest, vectorBits, jdkVersion);
    }

    /**
     * Writes the whole header record except its link.
     *
     * @param record       to write into, from offset 0.
     * @param previousLink link of the record before the header, 0 at the start of a queue.
     * @return the record length.
     */
    int encode(final MutableDirectBuffer record, final long previousLink)
    {
        record.putLong(JournalRecord.STAMP_OFFSET, createdNs, ORDER);
        record.putLong(JournalRecord.SEQUENCE_OFFSET, JournalRecord.HEADER, ORDER);
        record.putInt(BODY_OFFSET, formatVersion, ORDER);
        record.putInt(VECTOR_BITS_OFFSET, vectorBits, ORDER);
        record.putLong(PREVIOUS_LINK_OFFSET, previousLink, ORDER);
        int offset = STRINGS_OFFSET;
        for (final String value : new String[]{ queueName, engineVersion, configDigest, jdkVersion })
        {
            final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            record.putShort(offset, (short)bytes.length, ORDER);
            record.putBytes(offset + Short.BYTES, bytes);
            offset += Short.BYTES + bytes.length;
        }
        return offset;
    }

    /**
     * Reads a header record.
     *
     * @throws IllegalStateException if the record is too short for its strings.
     */
    static JournalHeader decode(final DirectBuffer record, final int length)
    {
        final String[] strings = new String[STRINGS];
        int offset = STRINGS_OFFSET;
        for (int i = 0; i < strings.length; i++)
        {
            final int stringLength = offset + Short.BYTES <= length ? record.getShort(offset, ORDER) & 0xFFFF : -1;
            if (stringLength < 0 || offset + Short.BYTES + stringLength > length)
            {
                throw new IllegalStateException("header record of " + length + " bytes is truncated");
            }
            final byte[] bytes = new byte[stringLength];
            record.getBytes(offset + Short.BYTES, bytes);
            strings[i] = new String(bytes, StandardCharsets.UTF_8);
            offset += Short.BYTES + stringLength;
        }
        return new JournalHeader(record.getInt(BODY_OFFSET, ORDER), strings[0], JournalRecord.stamp(record),
            strings[1], strings[2], record.getInt(VECTOR_BITS_OFFSET, ORDER), strings[3]);
    }

    private static void compare(final List<String> out, final String name, final Object mine, final Object theirs)
    {
        if (!mine.equals(theirs))
        {
            out.add(name + ": " + mine + " vs " + theirs);
        }
    }
}
