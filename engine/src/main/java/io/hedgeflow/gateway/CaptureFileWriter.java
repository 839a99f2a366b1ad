package io.hedgeflow.gateway;

import org.agrona.DirectBuffer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Appends frames to a new capture file ({@link CaptureFile} layout). */
public final class CaptureFileWriter implements AutoCloseable
{
    private final OutputStream out;
    private final byte[] scratch = new byte[CaptureFile.RECORD_HEADER_LENGTH + 65_536];
    private long frames;

    public CaptureFileWriter(final Path file) throws IOException
    {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        out.write(CaptureFile.MAGIC);
    }

    public void write(final DirectBuffer buffer, final int offset, final int length) throws IOException
    {
        scratch[0] = (byte)length;
        scratch[1] = (byte)(length >>> 8);
        scratch[2] = (byte)(length >>> 16);
        scratch[3] = (byte)(length >>> 24);
        buffer.getBytes(offset, scratch, CaptureFile.RECORD_HEADER_LENGTH, length);
        out.write(scratch, 0, CaptureFile.RECORD_HEADER_LENGTH + length);
        frames++;
    }

    public long frames()
    {
        return frames;
    }

    public void close() throws IOException
    {
        out.close();
    }
}
