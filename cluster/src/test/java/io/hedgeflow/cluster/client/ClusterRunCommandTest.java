package io.hedgeflow.cluster.client;

import io.aeron.cluster.service.Cluster;
import io.hedgeflow.cli.HedgeflowTool;
import io.hedgeflow.cluster.ClusterConfigFile;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterNode;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import io.hedgeflow.sim.MarketSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * member's journal replays to its decisions. Then an order client that lost the last half of the orders (its mark
 * set back) gets them again from the cluster through resend requests, each once; and {@code hedgeflow cluster
 * snapshot} makes the member take a snapshot.
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
            final StringWriter again = new StringWriter();
            final StringWriter againErr = new StringWriter();
            assertEquals(0, HedgeflowTool.execute(new PrintWriter(again), new PrintWriter(againErr), "run",
                "--cluster", config.toString(), "--feed", "sim", "--seed", "11", "--events",
                Integer.toString(EVENTS), "--config", engineConfig.toString(), "--format", "json"),
                againErr.toString());
            assertEquals(EVENTS, field(again.toString(), "rejected_frames"), "the same feed again: duplicates");
            assertTrue(againErr.toString().contains("simulated venue: 0 orders"), againErr.toString());
            final List<Long> orderOutputs = orderOutputSequences(cluster.journalDir(0));
            assertEquals(orders, orderOutputs.size());
            final int kept = orderOutputs.size() / 2;
            final Path mark = cluster.directory().resolve("client").resolve("orders-cluster-0.hwm");
            Files.write(mark, ByteBuffer.allocate(OrderHighWaterMark.FILE_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(OrderHighWaterMark.MAGIC).putInt(OrderHighWaterMark.VERSION)
                .putLong(orderOutputs.get(kept - 1)).array());
            final EngineContext engine = ConfigFile.load(engineConfig);
            try (ClusterClients clients = new ClusterClients(ClusterConfigFile.load(config), engine.simContext(),
                new SimFeedSource(new MarketSimulator(engine.simContext())), null))
            {
                clients.feed().drain(TimeUnit.SECONDS.toNanos(30));
                final long lost = orders - kept;
                assertEquals(lost, clients.venue(0).orders(), "the orders after the mark, sent again");
                assertEquals(lost, clients.venue(0).distinctOrderIds());
                assertEquals(0, clients.venue(0).repeatedOrders());
                assertEquals(1, clients.venue(0).ordersWithId(orders), "the last order");
                assertTrue(clients.connection(0).recoveredOutputs() >= lost);
                assertEquals(0, clients.connection(0).missedOutputs());
                assertEquals(0, clients.orders(0).missedOrders());
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

    /** Output sequences (positions in the decisions queue) of the NewOrder frames a member journaled. */
    private static List<Long> orderOutputSequences(final Path journalDir)
    {
        final List<Long> sequences = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long[] position = new long[1];
        try (Journal journal = Journal.openReadOnly(journalDir); JournalReader reader = journal.decisionsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) ->
            {
                position[0]++;
                if (header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET).templateId() ==
                    NewOrderDecoder.TEMPLATE_ID)
                {
                    sequences.add(position[0]);
                }
            }))
            {
            }
        }
        return sequences;
    }

    private static long field(final String json, final String name)
    {
        final Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return Long.parseLong(m.group(1));
    }
}
