package io.hedgeflow.cluster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hedgeflow cluster}: the commands of an Aeron Cluster deployment (docs/cluster.md). */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description = "HedgeLogic replicated with Aeron Cluster (docs/cluster.md).",
    subcommands = { ClusterNodeCommand.class, ClusterSnapshotCommand.class })
public final class ClusterCommand implements Runnable
{
    @Spec
    CommandSpec spec;

    public void run()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command (see hedgeflow cluster --help)");
    }
}
