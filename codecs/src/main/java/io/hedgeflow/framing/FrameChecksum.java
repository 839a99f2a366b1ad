package io.hedgeflow.framing;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame checksum: CRC32C (Castagnoli, as in iSCSI and ext4) over the whole frame, frameLength bytes, with the
 * checksum field read as zero.
 * <pre>
 *   copy frame ─► scratch (owned direct buffer) ─► zero bytes 24..27 ─► CRC32C.update(ByteBuffer)
 * </pre>
 * Frames arrive in heap arrays, direct buffers and raw mapped addresses (journal reads); copying them (at most
 * {@link FrameHeader#MAX_FRAME_LENGTH} bytes) into one owned direct buffer lets the JDK's intrinsified CRC32C read
 * every kind without allocating, and zeroes the field without touching the caller's bytes. A frame in a heap array
 * (what encoders write) is read in place instead, the checksum field's bytes replaced by four zeros: no copy, no
 * ByteBuffer; a frame in a heap array being sealed has its field zeroed and is read in one pass ({@link #seal}).
 * One instance per thread; garbage-free. docs/network-feed.md has the cost measured against a
 * table implementation.
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
        if (array == null || length < FrameHeader.LENGTH || length > FrameHeader.MAX_FRAME_LENGTH)
        {
            FrameHeader.checksum(buffer, offset, compute(buffer, offset, length));
            return;
        }
        FrameHeader.checksum(buffer, offset, 0);
        crc.reset();
        crc.update(array, buffer.wrapAdjustment() + offset, length);
        FrameHeader.checksum(buffer, offset, (int)crc.getValue());
    }
}
