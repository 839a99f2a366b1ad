package io.hedgeflow.gateway.deribit;

import java.nio.file.Path;

/** An account file that cannot be used: its message names file, line and field. */
public final class AccountException extends RuntimeException
{
    public AccountException(final Path file, final int line, final String field, final String problem)
    {
        super(file + ":" + line + ": field '" + field + "': " + problem, null, false, false);
    }
}
