package io.hedgeflow.cluster.cli;

import io.hedgeflow.cli.CommandExtension;
import picocli.CommandLine;

/** Adds {@code hedgeflow cluster} to the command line. */
public final class ClusterCommandExtension implements CommandExtension
{
    public void addTo(final CommandLine hedgeflow)
    {
        hedgeflow.addSubcommand(new CommandLine(new ClusterCommand()));
    }
}
