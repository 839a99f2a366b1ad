package io.hedgeflow.gateway.deribit;

import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

import static org.agrona.BufferUtil.NATIVE_BYTE_ORDER;

/**
 * An {@link UnsafeBuffer} whose primitive reads and writes (the ones SBE codecs use) skip the bounds check, for the
 * gateway's two places where every index is known to be inside the buffer beforehand: the decoders of a packet
 * whose every message {@link MessageLayouts} checked against the packet's length, and the {@link FrameOutput}
 * queue, which starts no frame closer than {@link io.hedgeflow.framing.FrameHeader#MAX_FRAME_LENGTH} to its end.
 * The check is still made when assertions are on (the tests and the fuzz target), so a wrong index fails there
 * with the checked buffer's IndexOutOfBoundsException instead of reading or writing past the buffer. Bulk copies
 * and string accessors keep their checks.
 */
final class UncheckedBuffer extends UnsafeBuffer
{
    UncheckedBuffer(final byte[] array)
    {
        super(array);
    }

    UncheckedBuffer()
    {
        super(new byte[0]);
    }

    private boolean inside(final int index, final int length)
    {
        boundsCheck(index, length);
        return true;
    }

    public byte getByte(final int index)
    {
        assert inside(index, Byte.BYTES);
        return UnsafeApi.getByte(byteArray(), addressOffset() + index);
    }

    public short getShort(final int index, final ByteOrder byteOrder)
    {
        assert inside(index, Short.BYTES);
        final short bits = UnsafeApi.getShort(byteArray(), addressOffset() + index);
        return NATIVE_BYTE_ORDER == byteOrder ? bits : Short.reverseBytes(bits);
    }

    public int getInt(final int index, final ByteOrder byteOrder)
    {
        assert inside(index, Integer.BYTES);
        final int bits = UnsafeApi.getInt(byteArray(), addressOffset() + index);
        return NATIVE_BYTE_ORDER == byteOrder ? bits : Integer.reverseBytes(bits);
    }

    public long getLong(final int index, final ByteOrder byteOrder)
    {
        assert inside(index, Long.BYTES);
        final long bits = UnsafeApi.getLong(byteArray(), addressOffset() + index);
        return NATIVE_BYTE_ORDER == byteOrder ? bits : Long.reverseBytes(bits);
    }

    public double getDouble(final int index, final ByteOrder byteOrder)
    {
        return Double.longBitsToDouble(getLong(index, byteOrder));
    }

    public void putByte(final int index, final byte value)
    {
        assert inside(index, Byte.BYTES);
        UnsafeApi.putByte(byteArray(), addressOffset() + index, value);
    }

    public void putShort(final int index, final short value, final ByteOrder byteOrder)
    {
        assert inside(index, Short.BYTES);
        UnsafeApi.putShort(byteArray(), addressOffset() + index,
            NATIVE_BYTE_ORDER == byteOrder ? value : Short.reverseBytes(value));
    }

    public void putInt(final int index, final int value, final ByteOrder byteOrder)
    {
        assert inside(index, Integer.BYTES);
        UnsafeApi.putInt(byteArray(), addressOffset() + index,
            NATIVE_BYTE_ORDER == byteOrder ? value : Integer.reverseBytes(value));
    }

    public void putLong(final int index, final long value, final ByteOrder byteOrder)
    {
        assert inside(index, Long.BYTES);
        UnsafeApi.putLong(byteArray(), addressOffset() + index,
            NATIVE_BYTE_ORDER == byteOrder ? value : Long.reverseBytes(value));
    }
}
