package io.hedgeflow.snapshot;

import org.agrona.ExpandableArrayBuffer;

import java.nio.ByteOrder;

/**
 * Appends primitives little-endian to a growable buffer for snapshots. Doubles are written as their raw bits,
 * so a state read back is bit-identical.
 */
public final class StateWriter
{
    private final ExpandableArrayBuffer buffer;
    private int position;

    public StateWriter(final ExpandableArrayBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.position = offset;
    }

    public int position()
    {
        return position;
    }

    public void putInt(final int value)
    {
        buffer.putInt(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Integer.BYTES;
    }

    public void putLong(final long value)
    {
        buffer.putLong(position, value, ByteOrder.LITTLE_ENDIAN);
        position += Long.BYTES;
    }

    public void putDouble(final double value)
    {
        putLong(Double.doubleToRawLongBits(value));
    }

    public void putBoolean(final boolean value)
    {
        buffer.putByte(position++, (byte)(value ? 1 : 0));
    }

    public void putLongs(final long[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            putLong(values[i]);
        }
    }

    public void putDoubles(final double[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            putDouble(values[i]);
        }
    }
}
