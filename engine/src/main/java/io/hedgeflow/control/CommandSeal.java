package io.hedgeflow.control;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The seal an operator command carries after its frame, in the same datagram:
 * <pre>
 *   frame (frameLength bytes) | timestampNs (int64 LE, sender's wall clock) | nonce (int64 LE, random)
 *                             | HMAC-SHA256(key, frame | timestampNs | nonce) (32 bytes)
 * </pre>
 * The code covers the whole frame (so the command) and the timestamp and nonce the receiver checks for staleness
 * and replay. Verification compares in constant time. Garbage-free; not thread-safe.
 */
public final class CommandSeal
{
    /** Offsets in the seal, from the end of the frame. */
    public static final int TIMESTAMP_OFFSET = 0, NONCE_OFFSET = 8, MAC_OFFSET = 16;
    /** Bytes the seal adds to the frame. */
    public static final int LENGTH = MAC_OFFSET + HmacSha256.LENGTH;
    /** Longest sealed datagram. */
    public static final int MAX_DATAGRAM_LENGTH = FrameHeader.MAX_FRAME_LENGTH + LENGTH;

    private final HmacSha256 hmac;
    private final byte[] signed = new byte[FrameHeader.MAX_FRAME_LENGTH + MAC_OFFSET];
    private final byte[] code = new byte[HmacSha256.LENGTH];

    public CommandSeal(final ControlKey key)
    {
        hmac = key.newHmac();
    }

    /**
     * Appends the seal after the frame at offset.
     *
     * @return the length of the sealed datagram (frame and seal).
     */
    public int seal(
        final MutableDirectBuffer buffer, final int offset, final int frameLength, final long timestampNs,
        final long nonce)
    {
        final int end = offset + frameLength;
        buffer.putLong(end + TIMESTAMP_OFFSET, timestampNs, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(end + NONCE_OFFSET, nonce, ByteOrder.LITTLE_ENDIAN);
        compute(buffer, offset, frameLength);
        buffer.putBytes(end + MAC_OFFSET, code);
        return frameLength + LENGTH;
    }

    /** Whether the seal after the frame at offset is this key's code of the frame, its timestamp and nonce. */
    public boolean verify(final DirectBuffer buffer, final int offset, final int frameLength)
    {
        if (frameLength > FrameHeader.MAX_FRAME_LENGTH)
        {
            return false;
        }
        compute(buffer, offset, frameLength);
        final int mac = offset + frameLength + MAC_OFFSET;
        int difference = 0;
        for (int i = 0; i < HmacSha256.LENGTH; i++)
        {
            difference |= code[i] ^ buffer.getByte(mac + i);
        }
        return difference == 0;
    }

    public static long timestampNs(final DirectBuffer buffer, final int offset, final int frameLength)
    {
        return buffer.getLong(offset + frameLength + TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public static long nonce(final DirectBuffer buffer, final int offset, final int frameLength)
    {
        return buffer.getLong(offset + frameLength + NONCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    private void compute(final DirectBuffer buffer, final int offset, final int frameLength)
    {
        final int length = frameLength + MAC_OFFSET;
        buffer.getBytes(offset, signed, 0, length);
        hmac.begin();
        hmac.update(signed, 0, length);
        hmac.finish(code, 0);
    }
}
