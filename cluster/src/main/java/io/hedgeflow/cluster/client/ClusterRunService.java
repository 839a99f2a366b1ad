package io.hedgeflow.cluster.client;

import io.hedgeflow.cli.ClusterRunner;
import io.hedgeflow.cli.FeedReport;
import io.hedgeflow.cli.SessionReport;
import io.hedgeflow.cluster.ClusterConfigFile;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterTopology;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.config.Defaults;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code hedgeflow run --cluster FILE}: the feed and order clients of {@link ClusterClients} against the clusters
 * of a cluster.yaml, then the same report as {@code run}, one per cluster. A report's logic figures (decisions,
 * orders, fills, rejects, books) come from replaying the journal of the cluster's leader, verified against its
 * decisions: what the cluster applied, not what the client believes; its latency is from sending a frame to the
 * cluster's acknowledgement that it was applied.
 */
public final class ClusterRunService implements ClusterRunner
{
    private static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);

    public List<SessionReport> run(
        final PrintWriter err,
        final Path clusterConfig,
        final EngineContext ctx,
        final FrameSource feed,
        final OrderGateway gateway,
        final long events,
        final double rate) throws IOException
    {
        final ClusterTopology topology = ClusterConfigFile.load(clusterConfig);
        try (ClusterClients clients = new ClusterClients(topology, ctx.simContext(), feed, gateway))
        {
            final long gcBefore = gcCount();
            final long startNs = System.nanoTime();
            final long frames = clients.feed().run(events, rate);
            clients.feed().drain(DRAIN_TIMEOUT_NS);
            final long elapsedNs = System.nanoTime() - startNs;
            final long gcCollections = gcCount() - gcBefore;
            final List<SessionReport> reports = new ArrayList<>();
            for (int k = 0; k < topology.clusters().size(); k++)
            {
                printClient(err, clients, k);
                reports.add(report(err, clients, k, frames, elapsedNs, gcCollections, feed));
            }
            err.flush();
            return reports;
        }
    }

    private static void printClient(final PrintWriter err, final ClusterClients clients, final int k)
    {
        final ClusterConnection c = clients.connection(k);
        final OrderClient o = clients.orders(k);
        err.printf("hedgeflow run: cluster %d leader %d: %,d leader changes, %,d new sessions, %,d frames resent; " +
            "%,d resend requests, outputs recovered %,d, dropped out of order %,d, missed %,d; orders sent %,d, " +
            "skipped %,d, missed %,d%n", c.cluster().clusterId(), c.leaderMemberId(), c.leaderChanges(),
            c.reconnects(), c.resentFrames(), c.resendRequests(), c.recoveredOutputs(), c.droppedOutputs(),
            c.missedOutputs(), o.ordersSent(), o.ordersSkipped(), o.missedOrders());
        final SimVenue venue = clients.venue(k);
        if (venue != null)
        {
            err.printf("hedgeflow run: cluster %d simulated venue: %,d orders, %,d distinct ids, %,d repeated%n",
                c.cluster().clusterId(), venue.orders(), venue.distinctOrderIds(), venue.repeatedOrders());
        }
    }

    private static SessionReport report(
        final PrintWriter err,
        final ClusterClients clients,
        final int k,
        final long frames,
        final long elapsedNs,
        final long gcCollections,
        final FrameSource feed) throws IOException
    {
        final ClusterContext cluster = clients.connection(k).cluster();
        final Path journalDir = cluster.journalDir(clients.connection(k).leaderMemberId());
        try (HedgeLogic logic = new HedgeLogic(logicContext(cluster));
            Journal journal = Journal.openReadOnly(journalDir))
        {
            final ReplayResult replay = new JournalReplayer(logic).replay(journal, true, -1, null);
            if (!replay.identical())
            {
                err.printf("hedgeflow run: cluster %d: replay of %s differs: %s%n", cluster.clusterId(), journalDir,
                    replay.difference());
            }
            return SessionReport.of(logic, frames, frames, elapsedNs, clients.ackLatency(), gcCollections,
                feed.rejected() + clients.feed().dropped(), journalDir, bytes(journalDir), FeedReport.of(feed));
        }
    }

    static LogicContext logicContext(final ClusterContext cluster)
    {
        return cluster.engineConfig() == null ? Defaults.logicContext() :
            ConfigFile.load(cluster.engineConfig()).logicContext();
    }

    private static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static long bytes(final Path dir) throws IOException
    {
        try (var files = Files.walk(dir))
        {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
