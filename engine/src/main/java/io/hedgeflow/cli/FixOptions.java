package io.hedgeflow.cli;

import io.hedgeflow.gateway.fix.FixCredentials;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Parses the FIX command-line values: {@code fix://HOST:PORT} addresses and {@code --credentials} files, each
 * refused with exit 2 and a one-line reason (a credentials error names the file, never the secret).
 */
final class FixOptions
{
    /** The scheme of a FIX venue address. */
    static final String PREFIX = "fix://";

    private FixOptions()
    {
    }

    /** The URI of a fix://HOST:PORT value (host and port checked). */
    static URI address(final String option, final String value)
    {
        try
        {
            final URI uri = new URI(value);
            if (uri.getHost() == null || uri.getPort() <= 0 || uri.getPath() != null && !uri.getPath().isEmpty())
            {
                throw CliException.badInput(option + " must be fix://HOST:PORT, was '" + value + "'");
            }
            return uri;
        }
        catch (final URISyntaxException ex)
        {
            throw CliException.badInput(option + " must be fix://HOST:PORT, was '" + value + "'");
        }
    }

    /** Loads an owner-only credentials file. */
    static FixCredentials credentials(final Path file)
    {
        if (file == null)
        {
            throw CliException.badInput("--credentials FILE is required with a FIX venue");
        }
        try
        {
            return FixCredentials.load(file);
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput("--credentials: " + ex.getMessage());
        }
    }
}
