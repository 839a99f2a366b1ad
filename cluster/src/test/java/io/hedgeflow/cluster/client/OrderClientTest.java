package io.hedgeflow.cluster.client;

import io.hedgeflow.codecs.HedgeDecisionEncoder;
import io.hedgeflow.codecs.NewOrderEncoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.sim.SimContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderClientTest
{
    @TempDir
    Path dir;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final FrameEncoder frameEncoder = new FrameEncoder();
    private final NewOrderEncoder order = new NewOrderEncoder();
    private final HedgeDecisionEncoder decision = new HedgeDecisionEncoder();
    private final SimVenue venue = new SimVenue(new SimContext());

    @Test
    void shouldSendEachOrderOnceAcrossRepeatsAndRestarts() throws Exception
    {
        final Path file = dir.resolve("orders.hwm");
        try (OrderClient client = new OrderClient(OrderHighWaterMark.open(file, false), venue))
        {
            assertEquals(OutputListener.NOT_STARTED, client.lastOutput());
            client.startAfter(0);
            client.onOutput(1, frame, 0, encodeOrder(1));
            client.onOutput(2, frame, 0, encodeOrder(2));
            client.onOutput(2, frame, 0, encodeOrder(2));
            client.onOutput(3, frame, 0, encodeDecision(3));
            client.onOutput(4, frame, 0, encodeOrder(4));
            assertEquals(3, client.ordersSent());
            assertEquals(1, client.ordersSkipped());
            assertEquals(1, client.decisions());
            assertEquals(1, client.missedOrders(), "order 3 never arrived before 4");
        }
        try (OrderClient restarted = new OrderClient(OrderHighWaterMark.open(file, false), venue))
        {
            assertEquals(4, restarted.lastOutput(), "resumes after the last order sent");
            restarted.onOutput(4, frame, 0, encodeOrder(4));
            restarted.onOutput(5, frame, 0, encodeOrder(5));
            assertEquals(1, restarted.ordersSent(), "a restarted client sends only outputs above the persisted mark");
        }
        assertEquals(4, venue.orders());
        assertEquals(0, venue.repeatedOrders());
        assertEquals(1, venue.ordersWithId(5));
        assertEquals(0, venue.ordersWithId(3));
    }

    @Test
    void shouldAskForTheOutputsAfterAGapAndSendTheResentOrdersOnce() throws Exception
    {
        try (OrderClient client = new OrderClient(OrderHighWaterMark.open(dir.resolve("orders.hwm"), false), venue))
        {
            final OutputSequencer outputs = new OutputSequencer(client);
            outputs.onAcknowledged(0);
            assertEquals(0, client.lastOutput(), "a new client starts after the cluster's outputs so far");
            assertEquals(OutputSequencer.NONE, outputs.requestDue(0));

            outputs.onOutput(1, false, frame, 0, encodeOrder(1));
            outputs.onOutput(2, false, frame, 0, encodeDecision(2));
            outputs.onOutput(4, false, frame, 0, encodeOrder(3));
            assertEquals(2, outputs.requestDue(0), "output 3 is missing: the outputs after 2 are asked for");
            outputs.onRequested(2, 0);
            assertEquals(OutputSequencer.NONE, outputs.requestDue(1), "one request at a time");
            outputs.onOutput(5, false, frame, 0, encodeOrder(4));
            assertFalse(outputs.caughtUp());

            outputs.onOutput(3, true, frame, 0, encodeOrder(2));
            outputs.onOutput(4, true, frame, 0, encodeOrder(3));
            outputs.onOutput(5, true, frame, 0, encodeOrder(4));
            outputs.onResendEnd(2, 3, 5);
            outputs.onOutput(6, false, frame, 0, encodeOrder(5));
            outputs.onOutput(5, false, frame, 0, encodeOrder(4));
            assertTrue(outputs.caughtUp());
            assertEquals(5, client.ordersSent());
            assertEquals(0, client.missedOrders());
            assertEquals(5, venue.distinctOrderIds());
            assertEquals(0, venue.repeatedOrders(), "each order id once");
            assertEquals(3, outputs.droppedOutputs(), "outputs 4 and 5 before the answer, 5 again after it");
            assertEquals(3, outputs.recoveredOutputs());

            outputs.onAcknowledged(7);
            assertEquals(6, outputs.requestDue(10), "an acknowledgement counting more outputs shows a lost tail");
            outputs.onRequested(6, 10);
            assertEquals(OutputSequencer.NONE, outputs.requestDue(10 + OutputSequencer.RETRY_NS - 1));
            assertEquals(6, outputs.requestDue(10 + OutputSequencer.RETRY_NS), "an unanswered request is made again");
            outputs.onOutput(7, true, frame, 0, encodeOrder(6));
            outputs.onResendEnd(6, 7, 7);
            assertTrue(outputs.caughtUp());

            outputs.onNewSession();
            assertFalse(outputs.caughtUp());
            assertEquals(7, outputs.requestDue(20), "a new leader is asked at once");
            outputs.onRequested(7, 20);
            outputs.onResendEnd(7, 8, 7);
            assertTrue(outputs.caughtUp());
            assertEquals(3, outputs.requests());
            assertEquals(1, venue.ordersWithId(6));
            assertEquals(6, venue.orders());
        }
    }

    @Test
    void shouldSkipOutputsTheClusterNoLongerHolds() throws Exception
    {
        try (OrderClient client = new OrderClient(OrderHighWaterMark.open(dir.resolve("orders.hwm"), false), venue))
        {
            final OutputSequencer outputs = new OutputSequencer(client);
            outputs.onAcknowledged(0);
            outputs.onAcknowledged(12);
            assertEquals(0, outputs.requestDue(0));
            outputs.onRequested(0, 0);
            outputs.onOutput(10, true, frame, 0, encodeOrder(10));
            outputs.onResendEnd(0, 10, 12);
            assertEquals(9, outputs.missedOutputs());
            assertEquals(9, outputs.requestDue(1), "the answer's outputs came before the client knew of the hole");
            outputs.onRequested(9, 1);
            for (long sequence = 10; sequence <= 12; sequence++)
            {
                outputs.onOutput(sequence, true, frame, 0, encodeOrder(sequence));
            }
            outputs.onResendEnd(9, 10, 12);
            assertTrue(outputs.caughtUp());
            assertEquals(3, venue.orders());
            assertEquals(0, venue.repeatedOrders());
        }
    }

    private int encodeOrder(final long orderId)
    {
        frameEncoder.begin(frame, 0, order, 0, orderId, 1_000_000L * orderId);
        order.orderId(orderId).instrumentId(7).side(Side.BUY).quantity(100_000_000L).limitPrice(100_000_000L)
            .triggerSequence(orderId);
        return frameEncoder.end(order);
    }

    private int encodeDecision(final long decisionId)
    {
        frameEncoder.begin(frame, 0, decision, 0, decisionId, 1_000_000L * decisionId);
        decision.decisionId(decisionId).triggerSequence(decisionId);
        return frameEncoder.end(decision);
    }
}
