package io.hedgeflow.cluster;

import io.hedgeflow.config.Defaults;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.journal.Verifier;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In the slow profile ({@code scripts/test --slow}): about 30 s. */
@Tag("slow")
class ClusterSnapshotTest
{
    private static final int FRAMES = 2_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void shouldCatchUpAMemberRestartedFromASnapshotPlusTheLogWithAJournalThatVerifies()
    {
        final int restarted;
        final int other;
        try (TestCluster cluster = new TestCluster(dir.resolve("cluster"), 3))
        {
            cluster.startAll();
            final ClusterNode leader = cluster.awaitLeader();
            restarted = (leader.memberId() + 1) % 3;
            other = (leader.memberId() + 2) % 3;
            try (TestClusterClient client = new TestClusterClient(dir.resolve("client"), cluster.context()))
            {
                client.send(FRAMES);
                cluster.awaitApplied(FRAMES);
                TestCluster.await("the snapshot request", leader::requestSnapshot);
                TestCluster.await("a snapshot on every member", () -> cluster.node(0).snapshots() > 0 &&
                    cluster.node(1).snapshots() > 0 && cluster.node(2).snapshots() > 0);
                cluster.stop(restarted);

                client.send(FRAMES);
                cluster.awaitApplied(2 * FRAMES);
                cluster.start(restarted);
                cluster.awaitApplied(2 * FRAMES);
                assertEquals(FRAMES - 1, cluster.node(restarted).service().restoredFrom());
                TestCluster.await("decisions as egress", () ->
                {
                    client.pollEgress();
                    return client.outputFrames() > 0 && client.acks() > 0;
                });
            }
        }

        final List<String> restartedDecisions = verifiedDecisions(dir.resolve("cluster"), restarted);
        assertTrue(restartedDecisions.size() > 1);
        assertEquals(verifiedDecisions(dir.resolve("cluster"), other), restartedDecisions);
    }

    /** Verifies a member's journal (chain, replay) and returns its decision records. */
    static List<String> verifiedDecisions(final Path clusterDir, final int memberId)
    {
        final Path journalDir = clusterDir.resolve("member-" + memberId).resolve("journal");
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            assertTrue(Verifier.verify(journal).intact(), "journal of member " + memberId + " verifies");
            final ReplayResult replay = new JournalReplayer(new HedgeLogic(Defaults.logicContext()))
                .replay(journal, true, -1, null);
            assertNull(replay.difference(), "member " + memberId + " replays to its own decisions");
            assertNotEquals(0, replay.inputs());
            final List<String> decisions = new ArrayList<>();
            try (JournalReader reader = journal.decisionsReader())
            {
                while (reader.read((buffer, offset, length, stamp, sequence, index) ->
                {
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes);
                    decisions.add(stamp + " " + sequence + " " + HexFormat.of().formatHex(bytes));
                }))
                {
                }
            }
            return decisions;
        }
    }
}
