package io.hedgeflow.logic;

import org.agrona.ExpandableArrayBuffer;

import java.nio.ByteOrder;

/**
 * Appends primitives little-endian to a growable buffer for snapshots. Doubles are written as their raw bits,
 * so a state read back is bit-identical.
 */
final class StateWriter
{
    private final ExpandableArrayBuffer buffer;
    private int position;

    StateWriter(final ExpandableArrayBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.position = offset;
    }

    int position()
    {
        return position;
    }

    void putInt(final int value)
    {
        buffer.putInt(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Integer.BYTES;
    }

    void putLong(final long value)
    {
        buffer.putLong(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Long.BYTES;
    }

    void putDouble(final double value)
    {
        putLong(Double.doubleToRawLongBits(value));
    }

    void putBoolean(final boolean value)
    {
        buffer.putByte(position++, (byte)(value ? 1 : 0));
    }

    void putLongs(final long[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            putLong(values[i]);
        }
    }

    void putDoubles(final double[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            putDouble(values[i]);
        }
    }
}
