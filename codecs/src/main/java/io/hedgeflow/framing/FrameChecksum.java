package io.hedgeflow.framing;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame checksum: CRC32C (Castagnoli, as in iSCSI and ext4) over the whole frame, frameLength bytes, with the
 * checksum field read as zero. Every kind of buffer is read where it is, without copying the frame, except a raw
 * address (a journal read through a mapped file), which is copied once:
 * <pre>
 *   heap array                 CRC32C.update(array) before the field, four zeros, after the field
 *   direct ByteBuffer          CRC32C.update(ByteBuffer) likewise, on the caller's buffer (position and limit restored)
 *   raw address                copy ─► scratch (owned direct buffer) ─► zero bytes 24..27 ─► CRC32C.update
 * </pre>
 * The JDK's intrinsified CRC32C reads arrays and direct ByteBuffers alike without allocating. A frame being sealed
 * ({@link #seal}) has its field zeroed first and is read in one pass. One instance per thread; garbage-free (the
 * caller's ByteBuffer is used by this thread only during the call). docs/network-feed.md has the cost measured
 * against a table implementation.
 */
public final class FrameChecksum
{
    private static final byte[] ZERO_CHECKSUM = new byte[FrameHeader.RESERVED_OFFSET - FrameHeader.CHECKSUM_OFFSET];

    private final CRC32C crc = new CRC32C();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(FrameHeader.MAX_FRAME_LENGTH);
    private final UnsafeBuffer scratchView = new UnsafeBuffer(scratch);

    /**
     * CRC32C of the length bytes at offset with the checksum field as zero.
     *
     * @param length bytes of the frame, {@link FrameHeader#LENGTH} to {@link FrameHeader#MAX_FRAME_LENGTH}.
     */
    public int compute(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < FrameHeader.LENGTH || length > FrameHeader.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("frame length " + length + " outside " + FrameHeader.LENGTH + ".." +
                FrameHeader.MAX_FRAME_LENGTH);
        }
        crc.reset();
        final byte[] array = buffer.byteArray();
        if (array != null)
        {
            final int start = buffer.wrapAdjustment() + offset;
            crc.update(array, start, FrameHeader.CHECKSUM_OFFSET);
            crc.update(ZERO_CHECKSUM, 0, ZERO_CHECKSUM.length);
            crc.update(array, start + FrameHeader.RESERVED_OFFSET, length - FrameHeader.RESERVED_OFFSET);
            return (int)crc.getValue();
        }
        final ByteBuffer direct = buffer.byteBuffer();
        if (direct != null && direct.isDirect())
        {
            buffer.boundsCheck(offset, length);
            final int start = buffer.wrapAdjustment() + offset;
            update(direct, start, FrameHeader.CHECKSUM_OFFSET);
            crc.update(ZERO_CHECKSUM, 0, ZERO_CHECKSUM.length);
            update(direct, start + FrameHeader.RESERVED_OFFSET, length - FrameHeader.RESERVED_OFFSET);
            return (int)crc.getValue();
        }
        scratchView.putBytes(0, buffer, offset, length);
        scratchView.putInt(FrameHeader.CHECKSUM_OFFSET, 0);
        scratch.limit(length).position(0);
        crc.update(scratch);
        return (int)crc.getValue();
    }

    /** True when the frame's checksum field holds the checksum of its length bytes. */
    public boolean matches(final DirectBuffer buffer, final int offset, final int length)
    {
        return FrameHeader.checksum(buffer, offset) == compute(buffer, offset, length);
    }

    /**
     * Computes and writes the checksum of a complete frame of the given length. A frame in a heap array is sealed in
     * place: its checksum field zeroed, then one CRC pass over the frame.
     */
    public void seal(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        final byte[] array = buffer.byteArray();
        final ByteBuffer direct = buffer.byteBuffer();
        final boolean inPlace = array != null || direct != null && direct.isDirect();
        if (!inPlace || length < FrameHeader.LENGTH || length > FrameHeader.MAX_FRAME_LENGTH)
        {
            FrameHeader.checksum(buffer, offset, compute(buffer, offset, length));
            return;
        }
        FrameHeader.checksum(buffer, offset, 0);
        crc.reset();
        if (array != null)
        {
            crc.update(array, buffer.wrapAdjustment() + offset, length);
        }
        else
        {
            buffer.boundsCheck(offset, length);
            update(direct, buffer.wrapAdjustment() + offset, length);
        }
        FrameHeader.checksum(buffer, offset, (int)crc.getValue());
    }

    /** Adds length bytes of a direct ByteBuffer from index start, leaving its position and limit as they were. */
    private void update(final ByteBuffer direct, final int start, final int length)
    {
        final int position = direct.position();
        final int limit = direct.limit();
        direct.limit(start + length).position(start);
        crc.update(direct);
        direct.limit(limit).position(position);
    }
}
