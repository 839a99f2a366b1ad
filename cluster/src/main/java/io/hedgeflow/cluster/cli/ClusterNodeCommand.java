package io.hedgeflow.cluster.cli;

import io.hedgeflow.cli.CliException;
import io.hedgeflow.cluster.ClusterConfigFile;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterNode;
import io.hedgeflow.cluster.ClusterTopology;
import io.hedgeflow.config.ConfigException;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.config.Defaults;
import io.hedgeflow.pipeline.EngineContext;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code hedgeflow cluster node --member N --config FILE}: runs one member until SIGTERM or SIGINT (or a cluster
 * shutdown), then closes it cleanly. A bad configuration exits 2 with one line naming file, line and key.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Run one cluster member: media driver, archive, consensus module and the hedging service, with " +
        "directories and ports from the cluster configuration; stops cleanly on SIGTERM.")
final class ClusterNodeCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--member", required = true, paramLabel = "N", description = "Member id (0, 1, 2, ...).")
    int member;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Cluster configuration " +
        "(cluster.yaml, docs/cluster.md).")
    Path config;

    @Option(names = "--cluster", paramLabel = "ID", defaultValue = "-1", description = "Cluster id in the " +
        "configuration (default: the first cluster).")
    int clusterId;

    public Integer call()
    {
        final ClusterContext cluster;
        final EngineContext engine;
        try
        {
            final ClusterTopology topology = ClusterConfigFile.load(config);
            cluster = topology.clusterOrFirst(clusterId);
            cluster.member(member);
            engine = cluster.engineConfig() == null ? new EngineContext().logicContext(Defaults.logicContext()) :
                ConfigFile.load(cluster.engineConfig());
        }
        catch (final ConfigException | IllegalArgumentException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final String name = "member " + member + " of cluster " + cluster.clusterId();
        final ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
        try
        {
            try (ClusterNode ignored = ClusterNode.launch(cluster, member, engine, ex -> error(err, name, ex),
                barrier::signal))
            {
                out.println("hedgeflow cluster node: " + name + " running in " + cluster.memberDir(member));
                out.flush();
                barrier.await();
            }
            out.println("hedgeflow cluster node: " + name + " stopped");
            out.flush();
        }
        finally
        {
            barrier.close();
        }
        return 0;
    }

    private static void error(final PrintWriter err, final String name, final Throwable ex)
    {
        synchronized (err)
        {
            err.println("hedgeflow cluster node: " + name + ": " + ex);
            err.flush();
        }
    }
}
