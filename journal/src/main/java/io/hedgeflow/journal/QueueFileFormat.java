package io.hedgeflow.journal;

import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What {@link MappedQueueReader} reads of Chronicle Queue's cycle file format: each document starts with a 4-byte
 * header word (native byte order) holding its length, a metadata bit and a not-complete bit (Chronicle Wire's
 * {@code Wires}); a word of 0 is not written yet, a not-complete word is being written, and the end-of-data marker
 * (both bits) ends a cycle file. The first document is the store header (metadata).
 */
final class QueueFileFormat
{
    /** Bytes of a document header word. */
    static final int HEADER_WORD_LENGTH = 4;
    /** Bits of a header word holding the document length. */
    static final int LENGTH_MASK = 0x3FFF_FFFF;
    /** Bit of a header word set on metadata documents (store header, index blocks, padding). */
    static final int META_DATA = 0x4000_0000;
    /** Bit of a header word set while the document is being written. */
    static final int NOT_COMPLETE = 0x8000_0000;

    /** Chronicle Wire's binary field name "dataFormat" (0xC0 | length, then the name) in a store header. */
    private static final byte[] DATA_FORMAT = "\u00cadataFormat".getBytes(StandardCharsets.ISO_8859_1);
    /** Chronicle Wire's binary code of an int8 value. */
    private static final byte INT8 = (byte)0xA1;
    /** Data format 1: every document header word aligned to 4 bytes. */
    private static final byte PADDED_FORMAT = 1;

    private QueueFileFormat()
    {
    }

    /**
     * Checks that a mapped cycle file declares data format 1 in its store header (the first document, metadata):
     * format 0, without padding between documents, was written only by older Chronicle versions.
     *
     * @param address of the mapped file.
     * @param size    of the mapped file.
     * @param file    named by the error.
     * @throws IllegalStateException if the file has a store header that does not declare data format 1.
     */
    static void requirePadded(final long address, final long size, final Path file)
    {
        final int word = size < HEADER_WORD_LENGTH ? 0 : UnsafeApi.getIntVolatile(null, address);
        if ((word & NOT_COMPLETE) != 0 || (word & META_DATA) == 0)
        {
            return;
        }
        final UnsafeBuffer header = new UnsafeBuffer(address + HEADER_WORD_LENGTH,
            (int)Math.min(word & LENGTH_MASK, size - HEADER_WORD_LENGTH));
        for (int i = 0, last = header.capacity() - DATA_FORMAT.length - 2; i <= last; i++)
        {
            if (matches(header, i, DATA_FORMAT) && header.getByte(i + DATA_FORMAT.length) == INT8 &&
                header.getByte(i + DATA_FORMAT.length + 1) == PADDED_FORMAT)
            {
                return;
            }
        }
        throw new IllegalStateException(file + ": unsupported Chronicle Queue data format (store header without " +
            "dataFormat 1)");
    }

    private static boolean matches(final UnsafeBuffer buffer, final int offset, final byte[] bytes)
    {
        for (int i = 0; i < bytes.length; i++)
        {
            if (buffer.getByte(offset + i) != bytes[i])
            {
                return false;
            }
        }
        return true;
    }
}
