package io.hedgeflow.snapshot;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/** Reads what {@link StateWriter} wrote, failing with the offset when the snapshot is too short. */
public final class StateReader
{
    private final DirectBuffer buffer;
    private final int end;
    private int position;

    public StateReader(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    public int remaining()
    {
        return end - position;
    }

    private int advance(final int bytes)
    {
        if (position + bytes > end)
        {
            throw new IllegalArgumentException("snapshot truncated at byte " + position);
        }
        final int at = position;
        position += bytes;
        return at;
    }

    public int getInt()
    {
        return buffer.getInt(advance(Integer.BYTES), ByteOrder.LITTLE_ENDIAN);
    }

    public long getLong()
    {
        return buffer.getLong(advance(Long.BYTES), ByteOrder.LITTLE_ENDIAN);
    }

    public double getDouble()
    {
        return Double.longBitsToDouble(getLong());
    }

    public boolean getBoolean()
    {
        return buffer.getByte(advance(1)) != 0;
    }

    public void getLongs(final long[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            values[i] = getLong();
        }
    }

    public void getDoubles(final double[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            values[i] = getDouble();
        }
    }
}
