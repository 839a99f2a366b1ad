package io.hedgeflow.gateway;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads frames from a capture file through a direct read window. A record longer than the caller's buffer is
 * skipped and counted; a record cut short by the end of the file is counted and ends the stream.
 */
public final class CaptureFileSource implements FrameSource
{
    private static final int WINDOW = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer window = ByteBuffer.allocateDirect(WINDOW).order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer view = new UnsafeBuffer(window);
    private long rejected;
    private boolean ended;

    /** Opens a capture file; fails with an IllegalArgumentException naming the file if it is not one. */
    public CaptureFileSource(final Path file) throws IOException
    {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        window.limit(0);
        final byte[] magic = new byte[CaptureFile.MAGIC.length];
        if (fill(magic.length))
        {
            window.get(magic);
        }
        if (!Arrays.equals(magic, CaptureFile.MAGIC))
        {
            channel.close();
            throw new IllegalArgumentException(file + ": not a hedgeflow capture file of format " +
                new String(CaptureFile.MAGIC, StandardCharsets.US_ASCII) + " (bad magic at byte 0)");
        }
    }

    public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        while (!ended)
        {
            if (!fill(CaptureFile.RECORD_HEADER_LENGTH))
            {
                return end(window.remaining() > 0);
            }
            final int length = window.getInt(window.position());
            if (length < 0 || length > WINDOW - CaptureFile.RECORD_HEADER_LENGTH)
            {
                return end(true);
            }
            if (!fill(CaptureFile.RECORD_HEADER_LENGTH + length))
            {
                return end(true);
            }
            final int start = window.position() + CaptureFile.RECORD_HEADER_LENGTH;
            window.position(start + length);
            if (length <= maxLength)
            {
                buffer.putBytes(offset, view, start, length);
                return length;
            }
            rejected++;
        }
        return END;
    }

    private int end(final boolean truncated)
    {
        if (truncated)
        {
            rejected++;
        }
        ended = true;
        return END;
    }

    /** Ensures at least n bytes are readable in the window; false at the end of the file. */
    private boolean fill(final int n)
    {
        if (window.remaining() >= n)
        {
            return true;
        }
        window.compact();
        try
        {
            int read = 0;
            while (window.position() < n && read >= 0)
            {
                read = channel.read(window);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        window.flip();
        return window.remaining() >= n;
    }

    public long rejected()
    {
        return rejected;
    }

    public void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
