package io.hedgeflow.journal;

import java.nio.file.Path;

/**
 * A queue holds a cycle file whose header was never written (a crash while the queue rolled to it) where it cannot
 * be set aside safely: before later cycle files, or with bytes in it. The journal is not opened; the file is left
 * as it is.
 */
public final class UnfinishedCycleException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    UnfinishedCycleException(final Path file, final String why)
    {
        super("unfinished cycle file " + file + " (crash during a roll): " + why);
    }
}
