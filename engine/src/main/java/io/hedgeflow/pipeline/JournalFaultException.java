package io.hedgeflow.pipeline;

/**
 * The engine stopped because its journal cannot take more records (a write failed, or free space on the journal's
 * file system is below {@code engine.minFreeDiskBytes}), or it refused to start for lack of space. The message is
 * one line naming the journal, the error and the free space.
 */
public final class JournalFaultException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    JournalFaultException(final String message)
    {
        super(message);
    }
}
