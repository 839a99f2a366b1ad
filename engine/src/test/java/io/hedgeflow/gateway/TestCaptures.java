package io.hedgeflow.gateway;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Capture files recorded from the simulator, and journals read back record by record, for tests. */
public final class TestCaptures
{
    private TestCaptures()
    {
    }

    /** Writes the seeded simulator's first frames to a capture file. */
    public static Path record(final Path file, final long seed, final int frames) throws IOException
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext().seed(seed));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        try (CaptureFileWriter writer = new CaptureFileWriter(file))
        {
            for (int i = 0; i < frames; i++)
            {
                writer.write(buffer, 0, simulator.poll(buffer, 0));
            }
        }
        return file;
    }

    /** Every frame of a capture file, in order. */
    public static List<byte[]> frames(final Path capture) throws IOException
    {
        final List<byte[]> frames = new ArrayList<>();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        try (CaptureFileSource source = new CaptureFileSource(capture))
        {
            int length;
            while ((length = source.poll(buffer, 0, FrameHeader.MAX_FRAME_LENGTH)) != FrameSource.END)
            {
                final byte[] frame = new byte[length];
                buffer.getBytes(0, frame);
                frames.add(frame);
            }
        }
        return frames;
    }

    /** Every record of a journal's decisions queue: its bytes followed by its stamp and ring sequence. */
    public static List<byte[]> decisions(final Path journal)
    {
        final List<byte[]> records = new ArrayList<>();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.decisionsReader())
        {
            boolean more = true;
            while (more)
            {
                more = reader.read((buffer, offset, length, stamp, sequence, index) ->
                {
                    final byte[] record = new byte[length + 2 * Long.BYTES];
                    buffer.getBytes(offset, record, 0, length);
                    ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN).putLong(length, stamp)
                        .putLong(length + Long.BYTES, sequence);
                    records.add(record);
                });
            }
        }
        return records;
    }
}
