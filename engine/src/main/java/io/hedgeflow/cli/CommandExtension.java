package io.hedgeflow.cli;

import picocli.CommandLine;

/**
 * Commands of a module built on the engine (the cluster module's {@code cluster}), found with
 * {@link java.util.ServiceLoader} (META-INF/services/io.hedgeflow.cli.CommandExtension) and added to
 * {@code hedgeflow}'s before it parses, so they report errors and exit codes as every other command.
 */
public interface CommandExtension
{
    /** Adds this module's subcommands. */
    void addTo(CommandLine hedgeflow);
}
