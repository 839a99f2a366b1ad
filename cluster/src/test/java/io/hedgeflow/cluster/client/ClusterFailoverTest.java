package io.hedgeflow.cluster.client;

import io.hedgeflow.cli.HedgeflowTool;
import io.hedgeflow.cluster.ClusterConfigFile;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterNode;
import io.hedgeflow.cluster.ClusterTopology;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import io.hedgeflow.sim.MarketSimulator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failover under load: three members in child JVMs ({@code hedgeflow cluster node}), 300,000 simulated frames
 * through the feed client with the simulated venue closing the loop; the leader is killed with SIGKILL at a random
 * frame; a new leader takes over and the run completes. Then every surviving member's journal replays to its own
 * decisions, the survivors' decision queues are byte-identical, and the venue received each order id the cluster
 * decided exactly once, none missed: outputs the killed leader computed but never transmitted come back through
 * the order client's resend requests. Prints the failover time (leader killed to the first output of the new
 * leader). Slow.
 */
@Tag("slow")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ClusterFailoverTest
{
    private static final int FRAMES = 300_000;
    private static final int MEMBERS = 3;

    @TempDir
    Path dir;

    @Test
    void shouldCompleteTheRunAcrossALeaderKilledAtARandomMoment() throws Exception
    {
        final Path config = ClusterRunCommandTest.writeConfig(dir, MEMBERS);
        final ClusterTopology topology = ClusterConfigFile.load(config);
        final ClusterContext cluster = topology.clusters().getFirst();
        final EngineContext engine = ConfigFile.load(cluster.engineConfig());
        final Process[] members = new Process[MEMBERS];
        try
        {
            for (int k = 0; k < MEMBERS; k++)
            {
                members[k] = member(config, k);
            }
            awaitLeader(cluster);
            final long killAt = 30_000 + new SplittableRandom().nextLong(FRAMES - 60_000);
            try (ClusterClients clients = new ClusterClients(topology, engine.simContext(),
                new SimFeedSource(new MarketSimulator(engine.simContext())), null))
            {
                final ClusterConnection connection = clients.connection(0);
                clients.feed().run(killAt, 0);
                final int leader = connection.leaderMemberId();
                final long killNs = System.nanoTime();
                members[leader].destroyForcibly();
                clients.feed().run(FRAMES - killAt, 0);
                clients.feed().drain(TimeUnit.MINUTES.toNanos(2));
                assertTrue(connection.leaderChanges() + connection.reconnects() > 0, "a new leader took over");
                assertTrue(connection.leaderMemberId() != leader);
                System.out.printf("failover: leader %d killed at frame %,d; first output of leader %d %,d ms " +
                    "later; %,d frames resent; %,d resend requests, %,d outputs recovered, %,d dropped out of " +
                    "order; %,d orders%n", leader, killAt, connection.leaderMemberId(),
                    TimeUnit.NANOSECONDS.toMillis(connection.firstOutputAfterLeaderChangeNs() - killNs),
                    connection.resentFrames(), connection.resendRequests(), connection.recoveredOutputs(),
                    connection.droppedOutputs(), clients.venue(0).orders());
                assertEquals(0, clients.orders(0).missedOrders(), "no order id missed");
                assertEquals(0, connection.missedOutputs(), "no output lost for good");
                byte[] decisions = null;
                for (int k = 0; k < MEMBERS; k++)
                {
                    if (k != leader)
                    {
                        final long orders = replay(cluster.journalDir(k), engine);
                        assertEquals(0, clients.venue(0).repeatedOrders(), "no order id sent twice");
                        assertEquals(orders, clients.venue(0).distinctOrderIds(), "every order decided was sent");
                        for (long id = 1; id <= orders; id++)
                        {
                            assertEquals(1, clients.venue(0).ordersWithId(id), "order id " + id + " sent once");
                        }
                        final byte[] own = decisions(cluster.journalDir(k));
                        if (decisions != null)
                        {
                            assertArrayEquals(decisions, own, "the survivors' decision queues are identical");
                        }
                        decisions = own;
                    }
                }
            }
        }
        finally
        {
            for (final Process member : members)
            {
                if (member != null)
                {
                    member.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** Replays a member's journal against its decisions; returns the orders the logic decided. */
    private static long replay(final Path journalDir, final EngineContext engine)
    {
        try (HedgeLogic logic = new HedgeLogic(engine.logicContext());
            Journal journal = Journal.openReadOnly(journalDir))
        {
            final ReplayResult result = new JournalReplayer(logic).replay(journal, true, -1, null);
            assertNull(result.difference(), journalDir.toString());
            return result.counters().orders();
        }
    }

    private static byte[] decisions(final Path journalDir)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final byte[] record = new byte[2048];
        try (Journal journal = Journal.openReadOnly(journalDir); JournalReader reader = journal.decisionsReader())
        {
            boolean more = true;
            while (more)
            {
                more = reader.read((buffer, offset, length, stamp, sequence, index) ->
                {
                    buffer.getBytes(offset, record, 0, length);
                    bytes.write(record, 0, length);
                });
            }
        }
        return bytes.toByteArray();
    }

    private static void awaitLeader(final ClusterContext cluster) throws IOException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true)
        {
            for (int k = 0; k < MEMBERS; k++)
            {
                final Path role = cluster.memberDir(k).resolve(ClusterNode.ROLE_FILE);
                if (Files.exists(role) && Files.readString(role).trim().equals("LEADER"))
                {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadlineNs, "no leader elected");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private Process member(final Path config, final int memberId) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(Arrays.asList(System.getProperty("hedgeflow.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
            HedgeflowTool.class.getName(), "cluster", "node", "--member", Integer.toString(memberId),
            "--config", config.toString()));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("member-" + memberId + ".out").toFile())
            .redirectError(dir.resolve("member-" + memberId + ".err").toFile()).start();
    }
}
