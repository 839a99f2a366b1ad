package io.hedgeflow.gateway;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The capture reader frames records by their record length only, whatever the frames inside say. */
class CaptureFileSourceTest
{
    private static final int FRAMES = 50;

    @TempDir
    Path dir;

    @Test
    void shouldStayInStepWhenAFramesOwnLengthFieldIsCorrupt() throws IOException
    {
        final Path capture = TestCaptures.record(dir.resolve("clean.cap"), 5, FRAMES);
        final List<byte[]> clean = TestCaptures.frames(capture);
        final byte[] bytes = Files.readAllBytes(capture);
        final int tenth = recordOffset(bytes, 10) + CaptureFile.RECORD_HEADER_LENGTH;
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(tenth + FrameHeader.FRAME_LENGTH_OFFSET, 1 << 30);
        final Path corrupt = Files.write(dir.resolve("corrupt.cap"), bytes);

        final List<byte[]> read = TestCaptures.frames(corrupt);

        assertEquals(FRAMES, read.size());
        assertEquals(1 << 30, ByteBuffer.wrap(read.get(10)).order(ByteOrder.LITTLE_ENDIAN).getInt(0),
            "the damaged frame is delivered as recorded, for the engine to reject");
        for (int i = 0; i < FRAMES; i++)
        {
            if (i != 10)
            {
                assertArrayEquals(clean.get(i), read.get(i), "frame " + i);
            }
        }
    }

    @Test
    void shouldCountAndStopAtARecordLengthPastTheEndOfTheFile() throws IOException
    {
        final Path capture = TestCaptures.record(dir.resolve("clean.cap"), 5, FRAMES);
        final byte[] bytes = Files.readAllBytes(capture);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(recordOffset(bytes, 20), 900_000);
        final Path corrupt = Files.write(dir.resolve("corrupt.cap"), bytes);

        try (CaptureFileSource source = new CaptureFileSource(corrupt))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
            int frames = 0;
            while (source.poll(buffer, 0, FrameHeader.MAX_FRAME_LENGTH) != FrameSource.END)
            {
                frames++;
            }
            assertEquals(20, frames);
            assertEquals(1, source.rejected());
        }
    }

    private static int recordOffset(final byte[] capture, final int record)
    {
        final ByteBuffer in = ByteBuffer.wrap(capture).order(ByteOrder.LITTLE_ENDIAN);
        int offset = CaptureFile.MAGIC.length;
        for (int i = 0; i < record; i++)
        {
            offset += CaptureFile.RECORD_HEADER_LENGTH + in.getInt(offset);
        }
        return offset;
    }
}
