package io.hedgeflow.logic;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OrderState;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.hedgeflow.logic.ShortCallBook.PERP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The logic's side of the FIX reconciliation after a logon: fills the venue made while the engine was away are
 * applied once, an order the venue does not know is lost (never re-sent), positions are adopted and a difference
 * beyond the tolerance hedges nothing (the engine engages the kill switch on it), and an unfinished round
 * survives a snapshot.
 */
class ReconciliationTest
{
    private static final double WORKING = OrderState.WORKING.value();
    private static final double FILLED = OrderState.FILLED.value();
    private static final double PRICE = 3000.5;

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private HedgeLogic logic = newLogic();
    private long ringSequence;

    @AfterEach
    void close()
    {
        logic.close();
    }

    private static HedgeLogic newLogic()
    {
        return new HedgeLogic(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(30_000.0))
            .positionTolerance(0.5));
    }

    private int feed(final int length)
    {
        return logic.onFrame(frames.buffer, 0, length, ringSequence++, out, 0);
    }

    /** Opens the short call book; returns the hedge order's contracts (its id in {@link #order}). */
    private double openBookWithAnOrder()
    {
        final int length = ShortCallBook.open(frames, this::feed, 100.0);
        assertTrue(length > 0);
        final int offset = FrameHeader.frameLength(out, 0);
        header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
        order.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        return Fixed8.toDouble(order.quantity());
    }

    @Test
    void shouldApplyAFillMadeWhileAwayOnceAndKeepTheOrderWorking()
    {
        final double contracts = openBookWithAnOrder();
        final long id = order.orderId();
        final double half = Math.floor(contracts / 2);
        final double[][] orders = { { id, WORKING, half, PRICE } };
        final double[][] positions = { { PERP, half } };

        feed(frames.reconciliation(true, orders, positions));
        assertEquals(1, logic.counters().fills());
        assertTrue(logic.isOpenOrder(id));
        feed(frames.reconciliation(true, orders, positions));

        assertEquals(1, logic.counters().fills(), "applied once");
        assertEquals(2, logic.counters().reconciliations());
        assertEquals(0, logic.counters().positionBreaches());
        assertEquals(0, feed(frames.execution(id, PERP, Side.BUY, ExecType.FILL, contracts - half, PRICE)));
        assertEquals(2, logic.counters().fills());
        assertFalse(logic.isOpenOrder(id), "the rest filled live");
    }

    @Test
    void shouldMarkAnOrderTheVenueDoesNotKnowLostAndNeverSendItAgain()
    {
        openBookWithAnOrder();
        final long id = order.orderId();

        assertTrue(feed(frames.reconciliation(true, new double[0][], new double[0][])) > 0);

        assertFalse(logic.isOpenOrder(id));
        assertEquals(1, logic.counters().lostOrders());
        assertEquals(2, logic.counters().orders(), "the delta is hedged again by a new decision");
        final int offset = FrameHeader.frameLength(out, 0);
        order.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, NewOrderDecoder.BLOCK_LENGTH,
            NewOrderDecoder.SCHEMA_VERSION);
        assertTrue(order.orderId() != id, "a new order, not the lost one again");
    }

    @Test
    void shouldHedgeNothingOnAPositionBeyondTheTolerance()
    {
        openBookWithAnOrder();
        final long id = order.orderId();
        final double[][] orders = { { id, FILLED, 0.0, 0.0 } };

        assertEquals(0, feed(frames.reconciliation(true, orders, new double[][] { { PERP, 1.0 } })));

        assertEquals(1, logic.counters().positionBreaches());
        assertEquals(0, logic.counters().lostOrders(), "a finished order is closed, not lost");
        assertFalse(logic.isOpenOrder(id));
        assertEquals(1, logic.counters().orders());
    }

    @Test
    void shouldAdoptAPositionWithinTheToleranceAndHedgeOnIt()
    {
        openBookWithAnOrder();
        final double[][] orders = { { order.orderId(), FILLED, 0.0, 0.0 } };

        assertTrue(feed(frames.reconciliation(true, orders, new double[][] { { PERP, 0.25 } })) > 0,
            "the order closed unfilled: hedge again at once");

        assertEquals(0, logic.counters().positionBreaches());
        assertEquals(2, logic.counters().orders());
    }

    @Test
    void shouldCarryAnUnfinishedRoundThroughASnapshot()
    {
        openBookWithAnOrder();
        final long id = order.orderId();
        feed(frames.reconciliation(false, new double[][] { { id, WORKING, 0.0, 0.0 } }, new double[0][]));
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer();
        final int length = logic.snapshot(snapshot, 0, ringSequence - 1);
        logic.close();
        logic = newLogic();
        logic.restore(snapshot, 0, length);

        feed(frames.reconciliation(true, new double[0][], new double[0][]));

        assertTrue(logic.isOpenOrder(id), "seen in the round's first frame, before the snapshot: not lost");
        assertEquals(0, logic.counters().lostOrders());
        assertEquals(0, logic.counters().positionBreaches());
        assertEquals(1, logic.counters().reconciliations());
    }
}
