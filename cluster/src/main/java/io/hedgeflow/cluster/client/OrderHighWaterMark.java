package io.hedgeflow.cluster.client;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The output sequence of the last order the order client handed to its gateway, persisted in a small memory-mapped
 * file so that each order leaves exactly once across leader failovers and client restarts. Output sequences (the
 * position of each output frame in the cluster's decisions journal) are consecutive and only grow, and the client
 * handles outputs in their order, so one number is the whole set of orders sent. A new file holds
 * {@link OutputListener#NOT_STARTED}: the client starts after the cluster's outputs so far.
 * <pre>
 *   0        4          8                     16
 *   | magic  | version  | high-water mark (int64, little-endian)
 * </pre>
 * {@link #advance} stores the new mark in the mapped page before the caller sends the order: the page belongs to the
 * kernel, so the store survives the process being killed (kill -9) the instant after. With sync on, it is also
 * forced to the device (msync) before returning, so it survives the machine too, at the cost of a disk write per
 * order. Crash between the store and the send: that one order is not sent (never sent twice); the logic keeps it
 * open until the venue is reconciled. Single-threaded; garbage-free after {@link #open}.
 */
public final class OrderHighWaterMark implements AutoCloseable
{
    /** "HWMO" little-endian. */
    static final int MAGIC = 0x4F4D5748;
    static final int VERSION = 2;
    static final int FILE_LENGTH = 16;
    private static final int VALUE_OFFSET = 8;

    private final Path file;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final boolean sync;
    private long value;

    private OrderHighWaterMark(final Path file, final MappedByteBuffer mapped, final boolean sync)
    {
        this.file = file;
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
        this.sync = sync;
        value = buffer.getLongVolatile(VALUE_OFFSET);
    }

    /**
     * Opens the mark at file, created at {@link OutputListener#NOT_STARTED} when absent.
     *
     * @param sync force each advance to the device (survives a machine crash), not only the process's death.
     * @throws IllegalArgumentException naming the file when it exists but is not a high-water mark file.
     */
    public static OrderHighWaterMark open(final Path file, final boolean sync) throws IOException
    {
        if (!Files.exists(file))
        {
            create(file);
        }
        if (Files.size(file) != FILE_LENGTH)
        {
            throw new IllegalArgumentException("not an order high-water mark file (" + Files.size(file) +
                " bytes, expected " + FILE_LENGTH + "): " + file);
        }
        final MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_LENGTH);
        }
        final UnsafeBuffer header = new UnsafeBuffer(mapped);
        if (header.getInt(0) != MAGIC || header.getInt(4) != VERSION)
        {
            IoUtil.unmap(mapped);
            throw new IllegalArgumentException("not an order high-water mark file of version " + VERSION +
                " (bad magic or version at offset 0; version 1 held order ids, delete it to start after the " +
                "cluster's outputs so far): " + file);
        }
        return new OrderHighWaterMark(file, mapped, sync);
    }

    /** Writes a mark of NOT_STARTED to a temporary file, forces it, and renames it into place: no torn file. */
    private static void create(final Path file) throws IOException
    {
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        final ByteBuffer bytes = ByteBuffer.allocate(FILE_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(MAGIC).putInt(VERSION).putLong(OutputListener.NOT_STARTED).flip();
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** True when the output of this sequence was not handled yet: above the mark. */
    public boolean isNew(final long outputSequence)
    {
        return outputSequence > value;
    }

    /**
     * Records the output of this sequence as handled; call it before handing an order to the gateway.
     *
     * @throws IllegalArgumentException when outputSequence is not above the mark (it was handled already).
     */
    public void advance(final long outputSequence)
    {
        if (outputSequence <= value)
        {
            throw new IllegalArgumentException("output sequence " + outputSequence +
                " is not above the high-water mark " + value);
        }
        buffer.putLongVolatile(VALUE_OFFSET, outputSequence);
        value = outputSequence;
        if (sync)
        {
            mapped.force();
        }
    }

    /** Output sequence of the last order sent (or where the client started), NOT_STARTED before it started. */
    public long value()
    {
        return value;
    }

    /** The file the mark lives in. */
    public Path file()
    {
        return file;
    }

    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
