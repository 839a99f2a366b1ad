package io.hedgeflow.bench;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The benchmark peer of {@link io.hedgeflow.framing.FrameChecksum}: the same frame CRC32C (checksum field read as
 * zero) computed in plain Java with slicing-by-8 tables, reading any DirectBuffer in place without a copy.
 */
final class TableCrc32c
{
    private static final int POLYNOMIAL = 0x82F63B78;
    private static final int[][] TABLES = tables();

    private TableCrc32c()
    {
    }

    static int compute(final DirectBuffer buffer, final int offset, final int length)
    {
        int crc = update(~0, buffer, offset, FrameHeader.CHECKSUM_OFFSET);
        for (int i = 0; i < Integer.BYTES; i++)
        {
            crc = (crc >>> 8) ^ TABLES[0][crc & 0xFF];
        }
        crc = update(crc, buffer, offset + FrameHeader.RESERVED_OFFSET, length - FrameHeader.RESERVED_OFFSET);
        return ~crc;
    }

    private static int update(final int initial, final DirectBuffer buffer, final int offset, final int length)
    {
        final int[] t0 = TABLES[0];
        final int[] t1 = TABLES[1];
        final int[] t2 = TABLES[2];
        final int[] t3 = TABLES[3];
        final int[] t4 = TABLES[4];
        final int[] t5 = TABLES[5];
        final int[] t6 = TABLES[6];
        final int[] t7 = TABLES[7];
        int crc = initial;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            final long word = buffer.getLong(offset + i, ByteOrder.LITTLE_ENDIAN);
            final int lo = (int)word ^ crc;
            final int hi = (int)(word >>> 32);
            crc = t7[lo & 0xFF] ^ t6[(lo >>> 8) & 0xFF] ^ t5[(lo >>> 16) & 0xFF] ^ t4[lo >>> 24] ^
                t3[hi & 0xFF] ^ t2[(hi >>> 8) & 0xFF] ^ t1[(hi >>> 16) & 0xFF] ^ t0[hi >>> 24];
        }
        for (; i < length; i++)
        {
            crc = (crc >>> 8) ^ t0[(crc ^ buffer.getByte(offset + i)) & 0xFF];
        }
        return crc;
    }

    private static int[][] tables()
    {
        final int[][] tables = new int[8][256];
        for (int n = 0; n < 256; n++)
        {
            int crc = n;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
            }
            tables[0][n] = crc;
        }
        for (int k = 1; k < 8; k++)
        {
            for (int n = 0; n < 256; n++)
            {
                tables[k][n] = (tables[k - 1][n] >>> 8) ^ tables[0][tables[k - 1][n] & 0xFF];
            }
        }
        return tables;
    }
}
