package io.hedgeflow.framing;

import io.hedgeflow.codecs.QuoteEncoder;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameChecksumTest
{
    private final FrameChecksum checksum = new FrameChecksum();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);

    private int quote()
    {
        final FrameEncoder encoder = new FrameEncoder();
        final QuoteEncoder quote = new QuoteEncoder();
        encoder.begin(frame, 0, quote, 1, 9L, 1_767_571_200_000_000_000L);
        quote.instrumentId(3).bidPrice(Fixed8.fromDouble(99.5)).bidSize(Fixed8.ONE)
            .askPrice(Fixed8.fromDouble(100.5)).askSize(Fixed8.ONE);
        return encoder.end(quote);
    }

    @Test
    void shouldBeTheCastagnoliCrcOfTheFrameWithTheChecksumFieldZero()
    {
        final int length = quote();
        final byte[] bytes = new byte[length];
        frame.getBytes(0, bytes);
        final int sealed = FrameHeader.checksum(frame, 0);
        bytes[FrameHeader.CHECKSUM_OFFSET] = 0;
        bytes[FrameHeader.CHECKSUM_OFFSET + 1] = 0;
        bytes[FrameHeader.CHECKSUM_OFFSET + 2] = 0;
        bytes[FrameHeader.CHECKSUM_OFFSET + 3] = 0;
        final CRC32C reference = new CRC32C();
        reference.update(bytes);

        assertEquals((int)reference.getValue(), sealed);
        assertTrue(checksum.matches(frame, 0, length));
        assertEquals(0, frame.getInt(FrameHeader.RESERVED_OFFSET));
    }

    @Test
    void shouldGiveTheSameChecksumForTheFrameInAHeapArrayAtAnOffsetAndInADirectBuffer()
    {
        final int length = quote();
        final int sealed = FrameHeader.checksum(frame, 0);
        final byte[] bytes = new byte[length + 13];
        frame.getBytes(0, bytes, 7, length);
        final UnsafeBuffer heap = new UnsafeBuffer(bytes, 5, length + 4);
        final UnsafeBuffer direct = new UnsafeBuffer(BufferUtil.allocateDirectAligned(2048, 64));
        direct.putBytes(3, frame, 0, length);

        assertEquals(sealed, checksum.compute(heap, 2, length));
        assertEquals(sealed, checksum.compute(direct, 3, length));
        assertEquals(sealed, FrameHeader.checksum(heap, 2), "the caller's bytes are untouched");
    }

    @Test
    void shouldSealAFrameInAHeapArrayOrADirectBufferWhateverItsChecksumFieldHeld()
    {
        final int length = quote();
        final int sealed = FrameHeader.checksum(frame, 0);
        final UnsafeBuffer heap = new UnsafeBuffer(new byte[length + 16], 3, length + 9);
        final UnsafeBuffer direct = new UnsafeBuffer(BufferUtil.allocateDirectAligned(2048, 64));
        heap.putBytes(5, frame, 0, length);
        direct.putBytes(7, frame, 0, length);
        heap.putInt(5 + FrameHeader.CHECKSUM_OFFSET, 0xDEAD_BEEF);
        direct.putInt(7 + FrameHeader.CHECKSUM_OFFSET, 0xDEAD_BEEF);

        checksum.seal(heap, 5, length);
        checksum.seal(direct, 7, length);
        checksum.seal(frame, 0, length);

        assertEquals(sealed, FrameHeader.checksum(heap, 5));
        assertEquals(sealed, FrameHeader.checksum(direct, 7));
        assertEquals(sealed, FrameHeader.checksum(frame, 0), "sealing a sealed frame again gives the same checksum");
    }

    @Test
    void shouldUseTheStandardCrc32cPolynomial()
    {
        final byte[] check = new byte[FrameHeader.LENGTH];
        System.arraycopy("123456789".getBytes(StandardCharsets.US_ASCII), 0, check, 0, 9);
        final CRC32C reference = new CRC32C();
        reference.update(check);
        final CRC32C nine = new CRC32C();
        nine.update("123456789".getBytes(StandardCharsets.US_ASCII));

        assertEquals(0xE3069283L, nine.getValue(), "the CRC-32C check value");
        assertEquals((int)reference.getValue(), checksum.compute(new UnsafeBuffer(check), 0, check.length));
    }

    @Test
    void shouldDetectEverySingleBitFlipOfTheFrame()
    {
        final int length = quote();
        for (int i = 0; i < length; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                frame.putByte(i, (byte)(frame.getByte(i) ^ (1 << bit)));
                assertFalse(checksum.matches(frame, 0, length), "byte " + i + " bit " + bit);
                frame.putByte(i, (byte)(frame.getByte(i) ^ (1 << bit)));
            }
        }
        assertTrue(checksum.matches(frame, 0, length));
    }

    @Test
    void shouldGiveTheSameChecksumForHeapDirectAndRawAddressBuffers()
    {
        final int length = quote();
        final int expected = FrameHeader.checksum(frame, 0);
        final ByteBuffer direct = BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH + 64, 64);
        final UnsafeBuffer directBuffer = new UnsafeBuffer(direct);
        directBuffer.putBytes(5, frame, 0, length);
        final UnsafeBuffer raw = new UnsafeBuffer(directBuffer.addressOffset() + 5, length);

        assertEquals(expected, checksum.compute(directBuffer, 5, length));
        assertEquals(expected, checksum.compute(raw, 0, length));
        assertEquals(frame.getByte(FrameHeader.CHECKSUM_OFFSET), raw.getByte(FrameHeader.CHECKSUM_OFFSET),
            "the caller's checksum field is left as it was");
    }

    @Test
    void shouldReadAndSealADirectByteBufferLeavingItsPositionAndLimitAsTheyWere()
    {
        final int length = quote();
        final int expected = FrameHeader.checksum(frame, 0);
        final ByteBuffer direct = BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH + 64, 64);
        final UnsafeBuffer view = new UnsafeBuffer(direct, 9, length + 20);
        view.putBytes(4, frame, 0, length);
        view.putInt(4 + FrameHeader.CHECKSUM_OFFSET, 0xDEAD_BEEF);
        direct.limit(40).position(17);

        assertEquals(expected, checksum.compute(view, 4, length));
        checksum.seal(view, 4, length);

        assertEquals(expected, FrameHeader.checksum(view, 4));
        assertEquals(17, direct.position());
        assertEquals(40, direct.limit());
        assertThrows(IndexOutOfBoundsException.class, () -> checksum.compute(view, 30, length));
    }

    @Test
    void shouldRefuseLengthsOutsideAFrame()
    {
        assertThrows(IllegalArgumentException.class, () -> checksum.compute(frame, 0, FrameHeader.LENGTH - 1));
        assertThrows(IllegalArgumentException.class,
            () -> checksum.compute(frame, 0, FrameHeader.MAX_FRAME_LENGTH + 1));
    }
}
