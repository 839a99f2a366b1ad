package io.hedgeflow.cluster;

import io.hedgeflow.codecs.ReconciliationEncoder;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.sim.SimExchange;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A one-member cluster: the service applies ingress frames, answers with decisions and acknowledgements, and answers
 * resend requests with the outputs after the one asked for. Three members: a reconciliation that finds a wrong
 * position engages the kill switch on every member, through a KillSwitch input of the service's own.
 */
class HedgeClusteredServiceTest
{
    private static final int FRAMES = 4_000;
    private static final long ONE = 100_000_000L;

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

    @Test
    @Timeout(120)
    void shouldAnswerAResendRequestWithTheOutputsAfterItInOrderAndLeaveTheLogicAlone()
    {
        try (TestCluster cluster = new TestCluster(dir.resolve("cluster"), 1))
        {
            cluster.start(0);
            cluster.awaitLeader();
            try (TestClusterClient client = new TestClusterClient(dir.resolve("client"), cluster.context()))
            {
                client.send(FRAMES);
                cluster.awaitApplied(FRAMES);
                TestCluster.await(() -> "every output and the acknowledgements (" + client.outputFrames() + ")",
                    () -> client.ackOutputs() == client.outputFrames() && client.outputFrames() > 2);
                final int live = client.outputs().size();
                for (int i = 0; i < live; i++)
                {
                    assertEquals(i + 1, client.outputSequences().get(i), "outputs are numbered 1, 2, 3, ...");
                }
                final long after = live / 2;
                client.requestOutputsAfter(after);
                client.requestOutputsAfter(live);
                TestCluster.await("two resend ends", () -> client.resendEnds().size() == 2);

                final long last = Math.min(live, after + HedgeClusteredService.MAX_RESEND_OUTPUTS);
                assertArrayEquals(new long[]{after, after + 1, last}, client.resendEnds().get(0));
                assertArrayEquals(new long[]{live, live + 1, live}, client.resendEnds().get(1),
                    "nothing after the last");
                assertEquals(live + last - after, client.outputs().size());
                for (int i = live; i < client.outputs().size(); i++)
                {
                    final long sequence = client.outputSequences().get(i);
                    assertEquals(after + 1 + i - live, sequence);
                    assertArrayEquals(client.outputs().get((int)sequence - 1), client.outputs().get(i));
                }
                assertEquals(FRAMES, cluster.node(0).service().appliedInputs(), "a request is not an input");

                client.send(FRAMES);
                cluster.awaitApplied(2 * FRAMES);
                TestCluster.await("the outputs of the next frames", () -> client.ackOutputs() > live);
                assertEquals(live + 1, client.outputSequences().get((int)(live + last - after)),
                    "the outputs go on after the last one: a request takes no output sequence");
            }
            assertEquals(List.of(), cluster.errors());
        }
        final List<String> decisions = ClusterSnapshotTest.verifiedDecisions(dir.resolve("cluster"), 0);
        assertTrue(decisions.size() > 1, "decisions journaled: " + decisions.size());
    }

    @Test
    @Timeout(180)
    void shouldEngageTheKillSwitchOnEveryMemberWithAJournaledInputWhenAReconciliationFindsAWrongPosition()
    {
        try (TestCluster cluster = new TestCluster(dir.resolve("cluster"), 3))
        {
            cluster.startAll();
            cluster.awaitLeader();
            try (TestClusterClient client = new TestClusterClient(dir.resolve("client"), cluster.context()))
            {
                client.send(FRAMES);
                cluster.awaitApplied(FRAMES);
                final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
                final FrameEncoder frames = new FrameEncoder();
                final ReconciliationEncoder reconciliation = new ReconciliationEncoder();
                final long sequence = cluster.node(0).service().logic().lastSequence(SimExchange.CHANNEL_ID) + 1;
                frames.begin(frame, 0, reconciliation, SimExchange.CHANNEL_ID, sequence,
                    client.market().nextTimeNs());
                reconciliation.requestId(1).last((short)1).ordersCount(0);
                reconciliation.positionsCount(1).next()
                    .instrumentId(client.market().universe().perpetualId(1)).position(1_000 * ONE);
                client.send(frame, frames.end(reconciliation), "a reconciliation with a wrong position");
                cluster.awaitApplied(FRAMES + 1);
                for (int member = 0; member < 3; member++)
                {
                    final HedgeClusteredService service = cluster.node(member).service();
                    final HedgeLogic logic = service.logic();
                    assertEquals(FRAMES + 2, service.appliedInputs(), "the KillSwitch input follows the breach");
                    assertEquals(1, logic.counters().positionBreaches());
                    assertTrue(logic.killSwitchEngaged(), "member " + member + " engaged its kill switch");
                }
            }
        }
        for (int member = 0; member < 3; member++)
        {
            ClusterSnapshotTest.verifiedDecisions(dir.resolve("cluster"), member);
        }
    }
}
