package io.hedgeflow.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test surgery on closed queue files: reads a queue's records as stored, finds a record's bytes in its .cq4 file and
 * changes bytes there, as a tamperer with write access to the files would.
 */
final class QueueFiles
{
    /** Records live near the start of a cycle file, after Chronicle's index arrays. */
    private static final int SEARCH_LENGTH = 1 << 20;

    private QueueFiles()
    {
    }

    /** Every record of a queue, data and control, as stored, by Chronicle's tailer. */
    static List<byte[]> records(final Path journal, final String queue)
    {
        final List<byte[]> records = new ArrayList<>();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = new JournalReader(j.queue(queue)))
        {
            while (reader.readRecord(collector(records)))
            {
            }
        }
        return records;
    }

    /** Every record of a queue, data and control, as stored, from its mapped cycle files. */
    static List<byte[]> mappedRecords(final Path journal, final String queue)
    {
        final List<byte[]> records = new ArrayList<>();
        try (MappedQueueReader reader = new MappedQueueReader(journal.resolve(queue)))
        {
            while (reader.readRecord(collector(records)))
            {
            }
        }
        return records;
    }

    private static RecordVisitor collector(final List<byte[]> records)
    {
        return (record, length, index) ->
        {
            final byte[] bytes = new byte[length];
            record.getBytes(0, bytes);
            records.add(bytes);
        };
    }

    /** The only .cq4 file of a queue. */
    static Path cycleFile(final Path journal, final String queue) throws IOException
    {
        try (Stream<Path> files = Files.list(journal.resolve(queue)))
        {
            final List<Path> cycles = files.filter(path -> path.toString().endsWith(".cq4")).toList();
            assertEquals(1, cycles.size(), cycles.toString());
            return cycles.getFirst();
        }
    }

    /** Offset of the only occurrence of bytes in the file. */
    static long find(final Path file, final byte[] bytes) throws IOException
    {
        final byte[] content = read(file, 0, (int)Math.min(SEARCH_LENGTH, Files.size(file)));
        long found = -1;
        for (int i = 0; i + bytes.length <= content.length; i++)
        {
            if (matches(content, i, bytes))
            {
                assertEquals(-1, found, "pattern occurs more than once");
                found = i;
            }
        }
        assertTrue(found >= 0, "pattern not found");
        return found;
    }

    /** Inverts every bit of one byte. */
    static void flip(final Path file, final long offset) throws IOException
    {
        final byte[] one = read(file, offset, 1);
        one[0] ^= (byte)0xFF;
        write(file, offset, one);
    }

    static byte[] read(final Path file, final long offset, final int length) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0)
            {
            }
            return buffer.array();
        }
    }

    static void write(final Path file, final long offset, final byte[] bytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            final ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining())
            {
                channel.write(buffer, offset + buffer.position());
            }
        }
    }

    private static boolean matches(final byte[] content, final int at, final byte[] bytes)
    {
        for (int i = 0; i < bytes.length; i++)
        {
            if (content[at + i] != bytes[i])
            {
                return false;
            }
        }
        return true;
    }
}
