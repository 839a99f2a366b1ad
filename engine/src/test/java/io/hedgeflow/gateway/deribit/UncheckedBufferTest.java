package io.hedgeflow.gateway.deribit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UncheckedBufferTest
{
    private static final ByteOrder[] ORDERS = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};

    @Test
    void shouldWriteTheSameBytesAsACheckedBufferInBothByteOrders()
    {
        for (final ByteOrder order : ORDERS)
        {
            final UnsafeBuffer checked = new UnsafeBuffer(new byte[32]);
            final UncheckedBuffer unchecked = new UncheckedBuffer(new byte[32]);
            for (final UnsafeBuffer buffer : new UnsafeBuffer[]{checked, unchecked})
            {
                buffer.putByte(1, (byte)0x81);
                buffer.putShort(2, (short)0x8182, order);
                buffer.putInt(5, 0x81828384, order);
                buffer.putLong(9, 0x8182838485868788L, order);
                buffer.putLong(17, Double.doubleToRawLongBits(-1.5e-7), order);
            }
            assertArrayEquals(checked.byteArray(), unchecked.byteArray(), order.toString());
        }
    }

    @Test
    void shouldReadWhatACheckedBufferReadsFromAHeapArrayAndDirectMemory()
    {
        final ByteBuffer direct = ByteBuffer.allocateDirect(32);
        for (int i = 0; i < 32; i++)
        {
            direct.put(i, (byte)(0x80 + 7 * i));
        }
        final UnsafeBuffer checked = new UnsafeBuffer(direct);
        final UncheckedBuffer unchecked = new UncheckedBuffer();
        for (final UnsafeBuffer source : new UnsafeBuffer[]{checked, new UnsafeBuffer(copy(checked))})
        {
            unchecked.wrap(source);
            for (final ByteOrder order : ORDERS)
            {
                assertEquals(checked.getByte(3), unchecked.getByte(3));
                assertEquals(checked.getShort(5, order), unchecked.getShort(5, order));
                assertEquals(checked.getInt(7, order), unchecked.getInt(7, order));
                assertEquals(checked.getLong(11, order), unchecked.getLong(11, order));
                assertEquals(Double.doubleToRawLongBits(checked.getDouble(19, order)),
                    Double.doubleToRawLongBits(unchecked.getDouble(19, order)));
            }
        }
    }

    @Test
    void shouldStillCheckBoundsWhenAssertionsAreOn()
    {
        assertTrue(UncheckedBuffer.class.desiredAssertionStatus(), "the test run enables assertions");
        final UncheckedBuffer buffer = new UncheckedBuffer(new byte[16]);
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.getLong(9, ByteOrder.LITTLE_ENDIAN));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.putInt(13, 1, ByteOrder.LITTLE_ENDIAN));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.getByte(-1));
    }

    private static byte[] copy(final UnsafeBuffer buffer)
    {
        final byte[] bytes = new byte[buffer.capacity()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
