package io.hedgeflow.config;

import java.nio.file.Path;

/** A configuration problem, as one line: {@code file:line: key 'section.key': what}. */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ConfigException(final Path file, final int line, final String key, final String problem)
    {
        super(file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : "key '" + key + "': ") + problem,
            null, false, false);
    }
}
