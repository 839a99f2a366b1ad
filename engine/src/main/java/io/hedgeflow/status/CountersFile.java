package io.hedgeflow.status;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory-mapped file through which a running engine publishes its counters and errors to other processes
 * (read by {@code hedgeflow stat}), in the engine's directory.
 * <pre>
 *  0        4          8            12            16          24              64
 *  +--------+----------+------------+-------------+-----------+---------------+
 *  | magic  | version  | metaLength | valuesLength| errorLen  | pid | start ms |  header (64 bytes)
 *  +--------+----------+------------+-------------+-----------+---------------+
 *  | counter metadata (Agrona CountersManager)   metaLength bytes             |
 *  | counter values                              valuesLength bytes           |
 *  | distinct error log (Agrona DistinctErrorLog) errorLength bytes           |
 *  +--------------------------------------------------------------------------+
 * </pre>
 */
public final class CountersFile implements AutoCloseable
{
    /** File name inside the engine's directory. */
    public static final String NAME = "counters.dat";
    static final int MAGIC = 0x4E434648;
    static final int VERSION = 1;
    static final int HEADER_LENGTH = 64;
    static final int MAX_COUNTERS = 64;
    static final int META_LENGTH = MAX_COUNTERS * CountersReader.METADATA_LENGTH;
    static final int VALUES_LENGTH = MAX_COUNTERS * CountersReader.COUNTER_LENGTH;
    static final int ERROR_LENGTH = 1 << 16;

    private final MappedByteBuffer mapped;
    final UnsafeBuffer metaData;
    final UnsafeBuffer values;
    final UnsafeBuffer errors;

    private CountersFile(final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        final UnsafeBuffer all = new UnsafeBuffer(mapped);
        metaData = new UnsafeBuffer(all, HEADER_LENGTH, META_LENGTH);
        values = new UnsafeBuffer(all, HEADER_LENGTH + META_LENGTH, VALUES_LENGTH);
        errors = new UnsafeBuffer(all, HEADER_LENGTH + META_LENGTH + VALUES_LENGTH, ERROR_LENGTH);
    }

    /** Creates (or replaces) the counters file of an engine directory. */
    public static CountersFile create(final Path dir)
    {
        final File file = dir.resolve(NAME).toFile();
        IoUtil.deleteIfExists(file);
        final MappedByteBuffer mapped = IoUtil.mapNewFile(file, HEADER_LENGTH + META_LENGTH + VALUES_LENGTH +
            ERROR_LENGTH);
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        header.putInt(4, VERSION);
        header.putInt(8, META_LENGTH);
        header.putInt(12, VALUES_LENGTH);
        header.putInt(16, ERROR_LENGTH);
        header.putLong(24, ProcessHandle.current().pid());
        header.putLong(32, System.currentTimeMillis());
        header.putIntVolatile(0, MAGIC);
        return new CountersFile(mapped);
    }

    /** Maps an existing counters file for reading; IllegalArgumentException naming the file if there is none. */
    public static CountersFile open(final Path dir)
    {
        final Path path = dir.resolve(NAME);
        if (!Files.isRegularFile(path))
        {
            throw new IllegalArgumentException("no counters at " + path + " (is an engine running with this directory?)");
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(path.toFile(), NAME);
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        if (mapped.capacity() < HEADER_LENGTH || header.getIntVolatile(0) != MAGIC || header.getInt(4) != VERSION ||
            mapped.capacity() != HEADER_LENGTH + META_LENGTH + VALUES_LENGTH + ERROR_LENGTH)
        {
            IoUtil.unmap(mapped);
            throw new IllegalArgumentException(path + ": not a hedgeflow counters file of version " + VERSION);
        }
        return new CountersFile(mapped);
    }

    /** Process id of the engine that created the file. */
    public long pid()
    {
        return new UnsafeBuffer(mapped, 0, HEADER_LENGTH).getLong(24);
    }

    /** Reader of the counters, for other processes. */
    public CountersReader reader()
    {
        return new CountersReader(metaData, values);
    }

    public UnsafeBuffer errorBuffer()
    {
        return errors;
    }

    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
