package io.hedgeflow.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A one-member cluster: the service applies ingress frames, answers with decisions and acknowledgements. */
class HedgeClusteredServiceTest
{
    private static final int FRAMES = 4_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void shouldApplyIngressFramesAndSendDecisionsAndAcknowledgementsWithAJournalThatReplays()
    {
        try (TestCluster cluster = new TestCluster(dir.resolve("cluster"), 1))
        {
            cluster.start(0);
            cluster.awaitLeader();
            try (TestClusterClient client = new TestClusterClient(dir.resolve("client"), cluster.context()))
            {
                client.send(FRAMES);
                cluster.awaitApplied(FRAMES);
                TestCluster.await(() -> "decisions and acknowledgements as egress (" + client.outputFrames() +
                    " frames, " + client.acks() + " acknowledgements)", () -> client.outputFrames() > 0 &&
                    client.acks() > 1);
            }
            assertEquals(List.of(), cluster.errors());
        }

        final List<String> decisions = ClusterSnapshotTest.verifiedDecisions(dir.resolve("cluster"), 0);
        assertTrue(decisions.size() > 1, "decisions journaled: " + decisions.size());
    }
}
