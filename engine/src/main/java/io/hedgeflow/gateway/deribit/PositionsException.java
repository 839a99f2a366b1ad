package io.hedgeflow.gateway.deribit;

import java.nio.file.Path;

/** A positions or account file that cannot be used: its message names file, line and field. */
public final class PositionsException extends RuntimeException
{
    public PositionsException(final Path file, final int line, final String field, final String problem)
    {
        super(file + ":" + line + ": field '" + field + "': " + problem, null, false, false);
    }

    /** A problem with the file as a whole (missing, a directory, empty): its message is "FILE: problem". */
    public PositionsException(final Path file, final String problem)
    {
        super(file + ": " + problem, null, false, false);
    }
}
