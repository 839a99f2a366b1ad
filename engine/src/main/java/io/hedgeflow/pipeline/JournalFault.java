package io.hedgeflow.pipeline;

import java.io.File;
import java.nio.file.Path;

/**
 * Fail-closed state of the journal, shared by the processing thread and the {@link DiskSpacePoller}: set once, by
 * the first journal write error or by free space falling below the minimum, and never cleared. Once set, no stage
 * runs (so no order leaves that is not journaled) and the engine's loops throw {@link JournalFaultException}.
 * Reading {@link #faulted()} is one volatile load: no system call on the hot path.
 */
final class JournalFault
{
    private final Path journalDir;
    private final long minFreeBytes;
    private volatile String error;

    JournalFault(final Path journalDir, final long minFreeBytes)
    {
        this.journalDir = journalDir.toAbsolutePath();
        this.minFreeBytes = minFreeBytes;
    }

    /** True once the journal faulted. */
    boolean faulted()
    {
        return error != null;
    }

    /** Records the fault; the first one wins. */
    synchronized void fault(final String reason)
    {
        if (error == null)
        {
            error = reason;
        }
    }

    /** Throws the fault, if any, as a one-line {@link JournalFaultException}. */
    void throwIfFaulted()
    {
        final String reason = error;
        if (reason != null)
        {
            throw new JournalFaultException("journal fault, stopped sending orders: journal " + journalDir + ": " +
                reason + "; free space " + freeBytes(journalDir) + " bytes (engine.minFreeDiskBytes " +
                minFreeBytes + ")");
        }
    }

    /** Refuses to start when the journal's file system has less than the minimum free. */
    void requireFreeSpace()
    {
        final long free = freeBytes(journalDir);
        if (free < minFreeBytes)
        {
            throw new JournalFaultException("journal " + journalDir + ": " + free + " bytes free on its file " +
                "system, below engine.minFreeDiskBytes " + minFreeBytes + "; free space or lower the minimum");
        }
    }

    /** True when the journal's file system has fewer free bytes than the minimum (a statvfs call). */
    boolean belowMinimum()
    {
        return freeBytes(journalDir) < minFreeBytes;
    }

    /** Free bytes usable by this process on the file system of dir (or of its nearest existing parent). */
    static long freeBytes(final Path dir)
    {
        File existing = dir.toAbsolutePath().toFile();
        while (existing != null && !existing.exists())
        {
            existing = existing.getParentFile();
        }
        return existing != null ? existing.getUsableSpace() : 0L;
    }

    long minFreeBytes()
    {
        return minFreeBytes;
    }
}
