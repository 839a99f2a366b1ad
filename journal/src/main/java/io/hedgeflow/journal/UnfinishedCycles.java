package io.hedgeflow.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the cycle file a crash can leave while a queue rolls: Chronicle creates the next cycle's file (sparse, its
 * full size) and then writes its header, so a kill -9 in between leaves a file of zeros. Chronicle waits for that
 * header on every read that reaches the file ({@code readFirstHeader}, up to its timeout each time) and cannot append
 * after it. Such a file holds no record (records follow the header), so when it is the queue's last file:
 * <ul>
 *   <li>a journal opened for writing deletes it before Chronicle opens the queue, and says so in a notice;</li>
 *   <li>a journal opened read-only (dump, verify, replay) leaves it and says it skips it: the records before it are
 *   the whole journal, and readers give up on its header quickly (see {@link Journal#openReadOnly}).</li>
 * </ul>
 * A headerless file before later cycle files, or one with any byte set, is never touched: opening fails with an
 * {@link UnfinishedCycleException} naming it. Only the first 4 bytes of each file are read, and of an unfinished
 * last file all of it (a sparse file of zeros reads fast).
 */
final class UnfinishedCycles
{
    private static final int HEADER_WORD_LENGTH = 4;
    private static final int CHUNK = 1 << 20;

    private UnfinishedCycles()
    {
    }

    /**
     * Deletes the queue's last cycle file if a crash left it unfinished.
     *
     * @param queueDirectory of a queue; may not exist yet.
     * @return a one-line notice naming the file deleted, or null if there was none.
     * @throws UnfinishedCycleException if an unfinished file cannot be deleted safely.
     */
    static String removeFromTail(final Path queueDirectory)
    {
        final Path tail = unfinishedTail(queueDirectory);
        if (null == tail)
        {
            return null;
        }
        try
        {
            Files.delete(tail);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete unfinished cycle file " + tail, ex);
        }
        return "removed unfinished cycle file " + tail + " (crash during a roll: no header, no records)";
    }

    /**
     * Names the queue's last cycle file if a crash left it unfinished, for a read-only open that cannot delete it.
     *
     * @param queueDirectory of a queue.
     * @return a one-line notice naming the file skipped, or null if there is none.
     * @throws UnfinishedCycleException if an unfinished file is not the last or not empty.
     */
    static String skipAtTail(final Path queueDirectory)
    {
        final Path tail = unfinishedTail(queueDirectory);
        return null == tail ? null : "skipped unfinished cycle file " + tail +
            " (crash during a roll: no header, no records); the next run on the journal removes it";
    }

    private static Path unfinishedTail(final Path queueDirectory)
    {
        if (!Files.isDirectory(queueDirectory))
        {
            return null;
        }
        final List<Path> files = CycleFiles.files(queueDirectory);
        for (int i = 0; i < files.size() - 1; i++)
        {
            if (headerless(files.get(i)))
            {
                throw new UnfinishedCycleException(files.get(i), "later cycle files follow it, so it is left as it " +
                    "is and the queue cannot be read past it");
            }
        }
        final Path last = files.isEmpty() ? null : files.getLast();
        if (null == last || !headerless(last))
        {
            return null;
        }
        if (!allZero(last))
        {
            throw new UnfinishedCycleException(last, "it has no header but holds data, so it is left as it is");
        }
        return last;
    }

    /** True if the file's first header word is 0: Chronicle never started its header (a finished one is not 0). */
    static boolean headerless(final Path file)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final byte[] word = in.readNBytes(HEADER_WORD_LENGTH);
            return word.length < HEADER_WORD_LENGTH || (word[0] | word[1] | word[2] | word[3]) == 0;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean allZero(final Path file)
    {
        final byte[] chunk = new byte[CHUNK];
        final byte[] zeros = new byte[CHUNK];
        final ByteBuffer buffer = ByteBuffer.wrap(chunk);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            int read;
            while ((read = channel.read(buffer.clear())) >= 0)
            {
                if (Arrays.mismatch(chunk, 0, read, zeros, 0, read) >= 0)
                {
                    return false;
                }
            }
            return true;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
