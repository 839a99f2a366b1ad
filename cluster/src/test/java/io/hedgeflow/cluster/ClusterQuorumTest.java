package io.hedgeflow.cluster;

import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two of three members down: the last one accepts frames into its log but commits none, so its logic applies none
 * and no decision or order comes out; once a second member is back, the cluster hedges again. In the slow profile
 * ({@code scripts/test --slow}): about 40 s.
 */
@Tag("slow")
class ClusterQuorumTest
{
    private static final int FRAMES = 2_000;
    private static final long NO_QUORUM_NS = TimeUnit.SECONDS.toNanos(5);

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void shouldProduceNoDecisionAndNoOrderWithTwoOfThreeMembersDown()
    {
        try (TestCluster cluster = new TestCluster(dir.resolve("cluster"), 3))
        {
            cluster.startAll();
            final ClusterNode leader = cluster.awaitLeader();
            final int survivor = leader.memberId();
            try (TestClusterClient client = new TestClusterClient(dir.resolve("client"), cluster.context()))
            {
                client.send(FRAMES);
                cluster.awaitApplied(FRAMES);
                TestCluster.await("decisions as egress", () -> client.outputFrames() > 0);
                final long decisions = journaledDecisions(cluster, survivor);
                final long egress = client.outputFrames();
                cluster.stop((survivor + 1) % 3);
                cluster.stop((survivor + 2) % 3);

                final long offered = client.offerFor(NO_QUORUM_NS);

                assertTrue(offered > 0, "the leader's ingress took frames: " + offered);
                assertEquals(FRAMES, cluster.node(survivor).service().appliedInputs());
                assertEquals(egress, client.outputFrames(), "no decision or order as egress");
                assertEquals(decisions, journaledDecisions(cluster, survivor), "no decision journaled");
            }

            cluster.start((survivor + 1) % 3);
            cluster.awaitLeader();
            try (TestClusterClient client = new TestClusterClient(dir.resolve("client2"), cluster.context()))
            {
                client.send(FRAMES);
                TestCluster.await("hedging again with two of three members",
                    () -> cluster.node(survivor).service().appliedInputs() > FRAMES);
            }
        }
    }

    private static long journaledDecisions(final TestCluster cluster, final int memberId)
    {
        try (Journal journal = Journal.openReadOnly(cluster.context().journalDir(memberId));
            JournalReader reader = journal.decisionsReader())
        {
            long count = 0;
            while (reader.read((buffer, offset, length, stamp, sequence, index) -> { }))
            {
                count++;
            }
            return count;
        }
    }
}
