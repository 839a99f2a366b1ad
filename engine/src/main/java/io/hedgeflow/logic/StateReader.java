package io.hedgeflow.logic;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/** Reads what {@link StateWriter} wrote, failing with the offset when the snapshot is too short. */
final class StateReader
{
    private final DirectBuffer buffer;
    private final int end;
    private int position;

    StateReader(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    int remaining()
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

    int getInt()
    {
        return buffer.getInt(advance(Integer.BYTES), ByteOrder.LITTLE_ENDIAN);
    }

    long getLong()
    {
        return buffer.getLong(advance(Long.BYTES), ByteOrder.LITTLE_ENDIAN);
    }

    double getDouble()
    {
        return Double.longBitsToDouble(getLong());
    }

    boolean getBoolean()
    {
        return buffer.getByte(advance(1)) != 0;
    }

    void getLongs(final long[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            values[i] = getLong();
        }
    }

    void getDoubles(final double[] values, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            values[i] = getDouble();
        }
    }
}
