package io.hedgeflow.framing;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Layout of the transport frame header, little-endian, in front of every SBE message (32 bytes, 8-byte aligned).
 * <pre>
 *  0               4               8                               16                              24
 *  +---------------+---------------+-------------------------------+-------------------------------+
 *  | frameLength   | channelId     | sequence (per channel, from 1)| sendingTimeNs (logic time)    |
 *  +---------------+---------------+-------------------------------+-------------------------------+
 *  24              28              32
 *  +---------------+---------------+-------------------------------+-------------------------------+
 *  | checksum      | reserved (0)  | SBE message header (8 bytes)  | SBE body ...                  |
 *  +---------------+---------------+-------------------------------+-------------------------------+
 * </pre>
 * frameLength counts the whole frame, header included. checksum is the CRC32C (Castagnoli) of the frameLength
 * bytes of the frame with the checksum field read as zero ({@link FrameChecksum}); reserved is written as zero,
 * covered by the checksum and otherwise ignored by readers. Static accessors only: no state, no allocation.
 */
public final class FrameHeader
{
    /** Offset of the int32 frame length. */
    public static final int FRAME_LENGTH_OFFSET = 0;
    /** Offset of the int32 channel id. */
    public static final int CHANNEL_OFFSET = 4;
    /** Offset of the int64 per-channel sequence number. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Offset of the int64 sending time in nanoseconds since the epoch. */
    public static final int SENDING_TIME_OFFSET = 16;
    /** Offset of the int32 CRC32C of the frame. */
    public static final int CHECKSUM_OFFSET = 24;
    /** Offset of the int32 reserved field, written as zero. */
    public static final int RESERVED_OFFSET = 28;
    /** Length of the frame header. */
    public static final int LENGTH = 32;
    /** Offset of the SBE message header from the start of the frame. */
    public static final int MESSAGE_OFFSET = LENGTH;
    /** Smallest valid frame: frame header plus SBE message header. */
    public static final int MIN_FRAME_LENGTH = LENGTH + MessageHeaderDecoder.ENCODED_LENGTH;
    /** Largest frame any hedgeflow component accepts or produces. */
    public static final int MAX_FRAME_LENGTH = 1024;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private FrameHeader()
    {
    }

    public static int frameLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + FRAME_LENGTH_OFFSET, ORDER);
    }

    public static int channelId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + CHANNEL_OFFSET, ORDER);
    }

    public static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ORDER);
    }

    public static long sendingTimeNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SENDING_TIME_OFFSET, ORDER);
    }

    public static int checksum(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + CHECKSUM_OFFSET, ORDER);
    }

    /**
     * Writes a complete frame header with checksum and reserved fields zero (see {@link FrameChecksum#seal}), as
     * four little-endian longs: length and channel, sequence, time, checksum and reserved.
     */
    public static void write(
        final MutableDirectBuffer buffer,
        final int offset,
        final int frameLength,
        final int channelId,
        final long sequence,
        final long sendingTimeNs)
    {
        final long lengthAndChannel = ((long)channelId << (CHANNEL_OFFSET * Byte.SIZE)) | (frameLength & 0xFFFF_FFFFL);
        buffer.putLong(offset + FRAME_LENGTH_OFFSET, lengthAndChannel, ORDER);
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, ORDER);
        buffer.putLong(offset + SENDING_TIME_OFFSET, sendingTimeNs, ORDER);
        buffer.putLong(offset + CHECKSUM_OFFSET, 0L, ORDER);
    }

    /** Patches the frame length once the message body has been encoded. */
    public static void frameLength(final MutableDirectBuffer buffer, final int offset, final int frameLength)
    {
        buffer.putInt(offset + FRAME_LENGTH_OFFSET, frameLength, ORDER);
    }

    /** Writes the checksum field. */
    public static void checksum(final MutableDirectBuffer buffer, final int offset, final int checksum)
    {
        buffer.putInt(offset + CHECKSUM_OFFSET, checksum, ORDER);
    }
}
