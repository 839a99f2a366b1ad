package io.hedgeflow.cluster.cli;

import io.aeron.cluster.ClusterTool;
import io.hedgeflow.cli.CliException;
import io.hedgeflow.cluster.ClusterConfigFile;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterMember;
import io.hedgeflow.cluster.ClusterNode;
import io.hedgeflow.cluster.ClusterTopology;
import io.hedgeflow.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hedgeflow cluster snapshot --config FILE}: asks the cluster for a snapshot, which every member takes at the
 * same log position. As Aeron's {@code ClusterTool DIR/member-N/cluster snapshot}: on the leader's machine, through
 * the control toggle in the leader's media driver counters, waiting until the snapshot is taken. The leader is the
 * member whose role file says LEADER among the members with a directory on this machine (Aeron checks it is).
 */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = "Ask the cluster for a snapshot (every member takes one at the same log position) through the " +
        "leader's control toggle; run it where the leader's directory is. Exit 1 when no leader here took it.")
final class ClusterSnapshotCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Cluster configuration " +
        "(cluster.yaml, docs/cluster.md).")
    Path config;

    @Option(names = "--cluster", paramLabel = "ID", defaultValue = "-1", description = "Cluster id in the " +
        "configuration (default: the first cluster).")
    int clusterId;

    public Integer call() throws IOException
    {
        final ClusterContext cluster;
        try
        {
            final ClusterTopology topology = ClusterConfigFile.load(config);
            cluster = topology.clusterOrFirst(clusterId);
        }
        catch (final ConfigException | IllegalArgumentException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
        final StringBuilder tried = new StringBuilder();
        for (final ClusterMember member : cluster.members())
        {
            final Path role = cluster.memberDir(member.id()).resolve(ClusterNode.ROLE_FILE);
            if (Files.exists(role) && Files.readString(role).trim().equals("LEADER"))
            {
                final ByteArrayOutputStream said = new ByteArrayOutputStream();
                final File clusterDir = cluster.memberDir(member.id()).resolve("cluster").toFile();
                if (ClusterTool.snapshot(clusterDir, new PrintStream(said, true, StandardCharsets.UTF_8)))
                {
                    final PrintWriter out = spec.commandLine().getOut();
                    out.println("hedgeflow cluster snapshot: cluster " + cluster.clusterId() + ", leader member " +
                        member.id() + ": snapshot taken by every member");
                    out.flush();
                    return 0;
                }
                tried.append("; member ").append(member.id()).append(": ")
                    .append(said.toString(StandardCharsets.UTF_8).trim().replace(System.lineSeparator(), " "));
            }
        }
        throw new CliException(1, "hedgeflow cluster snapshot: no leader of cluster " + cluster.clusterId() +
            " in " + cluster.directory() + " took a snapshot" + (tried.isEmpty() ? " (no role file says LEADER)" :
            tried.toString()));
    }
}
