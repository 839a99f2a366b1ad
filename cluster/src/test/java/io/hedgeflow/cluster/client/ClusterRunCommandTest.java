package io.hedgeflow.cluster.client;

import io.aeron.cluster.service.Cluster;
import io.hedgeflow.cli.HedgeflowTool;
import io.hedgeflow.cluster.ClusterConfigFile;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterNode;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code hedgeflow run --cluster FILE --feed sim}: the feed and order clients against a one-member cluster in this
 * JVM, closing the loop through the simulated venue: the report's orders all reached the venue once each, and the
 * member's journal replays to its decisions. Then {@code hedgeflow cluster snapshot} makes the member take a
 * snapshot.
 */
class ClusterRunCommandTest
{
    private static final int EVENTS = 20_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldRunTheSimulatedLoopThroughACluster() throws Exception
    {
        final Path config = writeConfig(dir, 1);
        final ClusterContext cluster = ClusterConfigFile.load(config).clusters().getFirst();
        final Path engineConfig = cluster.engineConfig();
        try (ClusterNode node = ClusterNode.launch(cluster, 0, ConfigFile.load(engineConfig),
            Throwable::printStackTrace, () -> { }))
        {
            while (node.role() != Cluster.Role.LEADER)
            {
                Thread.onSpinWait();
            }
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final int exit = HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(err), "run", "--cluster",
                config.toString(), "--feed", "sim", "--seed", "11", "--events", Integer.toString(EVENTS),
                "--config", engineConfig.toString(), "--format", "json");
            assertEquals(0, exit, err.toString());
            final long orders = field(out.toString(), "orders");
            assertEquals(EVENTS, field(out.toString(), "events"));
            assertTrue(orders > 0 && field(out.toString(), "fills") > 0, out.toString());
            assertTrue(err.toString().contains("simulated venue: " + orders + " orders, " + orders +
                " distinct ids, 0 repeated"), err.toString());
            try (HedgeLogic logic = new HedgeLogic(ConfigFile.load(engineConfig).logicContext());
                Journal journal = Journal.openReadOnly(cluster.journalDir(0)))
            {
                final ReplayResult replay = new JournalReplayer(logic).replay(journal, true, -1, null);
                assertNull(replay.difference());
                assertEquals(orders, replay.counters().orders());
            }
            assertEquals(0, node.snapshots());
            final StringWriter snapshotOut = new StringWriter();
            final StringWriter snapshotErr = new StringWriter();
            assertEquals(0, HedgeflowTool.execute(new PrintWriter(snapshotOut), new PrintWriter(snapshotErr),
                "cluster", "snapshot", "--config", config.toString()), snapshotErr.toString());
            assertTrue(snapshotOut.toString().contains("leader member 0: snapshot taken"), snapshotOut.toString());
            assertEquals(1, node.snapshots());
        }
    }

    @Test
    void shouldExitOneWhenNoLeaderTakesTheSnapshot() throws Exception
    {
        final StringWriter err = new StringWriter();
        assertEquals(1, HedgeflowTool.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "cluster",
            "snapshot", "--config", writeConfig(dir, 3).toString()));
        assertTrue(err.toString().contains("no leader of cluster 0 in " + dir + " took a snapshot (no role file"),
            err.toString());
    }

    /**
     * A cluster.yaml of members on localhost at a random base port, everything under dir, with the built-in engine
     * configuration but a FIXED_BAND of 5,000 USD, so a short simulated session trades.
     */
    static Path writeConfig(final Path dir, final int members) throws Exception
    {
        final Path builtIn = Path.of(System.getProperty("hedgeflow.root", ".."), "config", "hedgeflow.yaml");
        Files.writeString(dir.resolve("hedgeflow.yaml"),
            Files.readString(builtIn).replace("bandUsd: 250_000", "bandUsd: 5_000"));
        final StringBuilder yaml = new StringBuilder()
            .append("engineConfig: hedgeflow.yaml\nclusters:\n  - id: 0\n    dir: .\n    basePort: ")
            .append(21_000 + 10 * ThreadLocalRandom.current().nextInt(900)).append("\n    members:\n");
        for (int id = 0; id < members; id++)
        {
            yaml.append("      - {id: ").append(id).append(", host: localhost}\n");
        }
        return Files.writeString(dir.resolve("cluster.yaml"), yaml);
    }

    private static long field(final String json, final String name)
    {
        final Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return Long.parseLong(m.group(1));
    }
}
