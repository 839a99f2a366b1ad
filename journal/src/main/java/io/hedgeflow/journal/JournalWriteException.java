package io.hedgeflow.journal;

/**
 * A write to a journal queue failed (no space left, a read-only file system, a file removed under the writer, a
 * fault in the mapped file): whatever Chronicle Queue threw on append, seal, roll or pre-touch, with the queue's
 * directory. The record being written may be incomplete; a later open recovers as after a crash. The appender must
 * not be used again.
 */
public final class JournalWriteException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    JournalWriteException(final String queueDir, final Throwable cause)
    {
        super("journal write failed in " + queueDir + ": " + describe(cause), cause);
    }

    private static String describe(final Throwable cause)
    {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        final String message = root.getMessage();
        return root.getClass().getSimpleName() + (message != null ? ": " + message.replace('\n', ' ') : "");
    }
}
