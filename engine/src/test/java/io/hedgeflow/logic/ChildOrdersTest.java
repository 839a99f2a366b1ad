package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static io.hedgeflow.logic.ShortCallBook.CALL;
import static io.hedgeflow.logic.ShortCallBook.ETH;
import static io.hedgeflow.logic.ShortCallBook.LOT_DELTA;
import static io.hedgeflow.logic.ShortCallBook.PERP;
import static io.hedgeflow.logic.ShortCallBook.SPOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hedges larger than policy.maxClipContracts sent as clips ({@link ChildOrders}). */
class ChildOrdersTest
{
    private static final long SPACING_NS = 5_000_000_000L;

    private TestFrames frames;
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HedgeDecisionDecoder decision = new HedgeDecisionDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private HedgeLogic logic;
    private long ring;

    private int feed(final int length)
    {
        return logic.onFrame(frames.buffer, 0, length, ring++, out, 0);
    }

    private int execute(final long orderId, final ExecType type, final double qty)
    {
        return feed(frames.execution(orderId, PERP, order.side(), type, qty, SPOT));
    }

    @AfterEach
    void close()
    {
        logic.close();
    }

    private int shortCalls(final PolicyContext policy, final double calls)
    {
        if (logic != null)
        {
            logic.close();
        }
        logic = new HedgeLogic(TestContexts.logic().policy(policy));
        frames = new TestFrames();
        return ShortCallBook.open(frames, this::feed, calls);
    }

    @Test
    void shouldSendClipsSpacedInLogicTimeEachAfterThePreviousIsDone()
    {
        assertTrue(shortCalls(new PolicyContext().trigger().bandUnderlying(5.0).sizing().maxClipContracts(1000.5)
            .sizing().clipSpacingNs(SPACING_NS), 100.0) > 0);
        readDecisionAndOrder();
        final double parent = Math.floor(-decision.deltaBefore() / LOT_DELTA + 0.5);
        assertTrue(parent > 5000.0, "about 54 ETH of delta: " + parent);
        assertEquals(1000.0, Fixed8.toDouble(order.quantity()), "the clip rounded down to the lot");
        assertEquals(decision.deltaBefore() + 10.0, decision.deltaAfter(), 1e-9);

        double sent = 1000.0;
        int clips = 1;
        while (true)
        {
            frames.advance(SPACING_NS / 2);
            assertEquals(0, feed(frames.index(ETH, SPOT)), "the previous clip is still working");
            assertEquals(0, execute(order.orderId(), ExecType.FILL, Fixed8.toDouble(order.quantity())),
                "done, but the spacing since it was sent has not passed");
            frames.advance(SPACING_NS / 2);
            if (feed(frames.index(ETH, SPOT)) == 0)
            {
                break;
            }
            readDecisionAndOrder();
            assertEquals(DecisionReason.BAND_BREACH, decision.reason());
            assertEquals(0.0, decision.aimDelta(), "the parent's aim: the target, though inside the band now");
            final double qty = Fixed8.toDouble(order.quantity());
            assertTrue(qty <= 1000.0, "a clip: " + qty);
            sent += qty;
            clips++;
        }
        assertEquals(parent, sent, "the clips add up to the parent");
        assertEquals((int)Math.ceil(parent / 1000.0), clips);
    }

    @Test
    void shouldRecomputeTheRemainderFromTheCurrentDelta()
    {
        shortCalls(new PolicyContext().trigger().bandUnderlying(5.0).sizing().maxClipContracts(1000.0)
            .sizing().clipSpacingNs(0L), 100.0);
        readDecisionAndOrder();
        final double before = decision.deltaBefore();
        assertEquals(0, feed(frames.optionTrade(CALL, 20.0, 200.0)), "20 calls bought back, a clip is working");
        assertEquals(0, execute(order.orderId(), ExecType.PARTIAL_FILL, 500.0), "half filled, still working");
        assertTrue(execute(order.orderId(), ExecType.CANCELED, 0.0) > 0, "the rest cancelled: the next clip");
        readDecisionAndOrder();
        assertEquals(before + 5.0 + 20.0 * (-before / 100.0), decision.deltaBefore(), 1e-3,
            "500 contracts (5 ETH) hedged and 20 calls of delta gone: not the parent's remainder");
        assertEquals(1000.0, Fixed8.toDouble(order.quantity()));
    }

    @Test
    void shouldContinueAParentFromASnapshotExactlyAsTheOriginal()
    {
        final PolicyContext policy =
            new PolicyContext().trigger().bandUnderlying(5.0).sizing().maxClipContracts(1000.0)
                .sizing().clipSpacingNs(SPACING_NS);
        shortCalls(policy, 100.0);
        readDecisionAndOrder();
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer();
        final int length = logic.snapshot(snapshot, 0, ring - 1);
        final UnsafeBuffer restoredOut = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
        try (HedgeLogic restored = new HedgeLogic(TestContexts.logic().policy(policy)))
        {
            restored.restore(snapshot, 0, length);
            int clips = 1;
            for (int step = 0; step < 12; step++)
            {
                final int frame = step % 2 == 0 ?
                    frames.execution(order.orderId(), PERP, order.side(), ExecType.FILL,
                    Fixed8.toDouble(order.quantity()), SPOT) : frames.index(ETH, SPOT);
                frames.advance(SPACING_NS / 2);
                final int a = logic.onFrame(frames.buffer, 0, frame, ring, out, 0);
                final int b = restored.onFrame(frames.buffer, 0, frame, ring++, restoredOut, 0);
                assertEquals(a, b);
                for (int k = 0; k < a; k++)
                {
                    assertEquals(out.getByte(k), restoredOut.getByte(k), "byte " + k + " of step " + step);
                }
                clips += a > 0 && readDecisionAndOrder() ? 1 : 0;
            }
            assertTrue(clips > 3, "the parent continues in clips: " + clips);
        }
    }

    /**
     * Property: whatever the clip, spacing, fills, cancels, price moves and option trades, no order takes the
     * delta (orders in flight counted) past the target by more than half a lot, and no order exceeds the clip.
     */
    @Test
    void shouldNeverOvershootTheAim()
    {
        final SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run < 40; run++)
        {
            final double clip = 100.0 * random.nextInt(1, 20);
            final PolicyContext policy = new PolicyContext().trigger().bandUnderlying(random.nextDouble(0.5, 5.0))
                .trigger().hedgeTo(random.nextBoolean() ? HedgeTo.EDGE : HedgeTo.TARGET).sizing().maxClipContracts(clip)
                .sizing().clipSpacingNs(random.nextLong(0L, 3_000_000_000L));
            final long orders = runOf(policy, clip, random);
            assertTrue(orders > 5, "run " + run + " trades: " + orders);
        }
    }

    private long runOf(final PolicyContext policy, final double clip, final SplittableRandom random)
    {
        final int first = shortCalls(policy, random.nextDouble(20.0, 200.0));
        assertTrue(first > 0, "a decision");
        assertTrue(readDecisionAndOrder(), "an order: " + decision.reason() + " " + decision.verdict());
        double spot = SPOT;
        final ArrayDeque<double[]> working = new ArrayDeque<>();
        working.add(new double[]{order.orderId(), Fixed8.toDouble(order.quantity())});
        for (int step = 0; step < 300; step++)
        {
            final int length;
            switch (random.nextInt(4))
            {
                case 0 -> length = feed(frames.optionTrade(CALL, random.nextDouble(-30.0, 30.0), 200.0));
                case 1 ->
                {
                    final double[] oldest = working.poll();
                    final boolean all = random.nextBoolean();
                    length = oldest == null ? 0 : execute((long)oldest[0], all ? ExecType.FILL : ExecType.CANCELED,
                        all ? Math.abs(oldest[1]) : 0.0);
                }
                default ->
                {
                    spot *= 1.0 + 0.01 * random.nextGaussian();
                    frames.advance(random.nextLong(1L, 2_000_000_000L));
                    feed(frames.quote(PERP, spot - 0.5, spot + 0.5));
                    length = feed(frames.index(ETH, spot));
                }
            }
            if (length > 0 && readDecisionAndOrder())
            {
                final double gapBefore = decision.deltaBefore() - decision.targetDelta();
                final double gapAfter = decision.deltaAfter() - decision.targetDelta();
                assertTrue(gapAfter * Math.signum(gapBefore) > -LOT_DELTA / 2 - 1e-9,
                    "overshoot: " + decision.deltaBefore() + " -> " + decision.deltaAfter() + " target " +
                    decision.targetDelta());
                assertTrue(Math.abs(Fixed8.toDouble(order.quantity())) <= clip, "at most a clip");
                working.add(new double[]{order.orderId(), Fixed8.toDouble(order.quantity())});
            }
        }
        return logic.counters().orders();
    }

    /** Reads the decision in out, and its order when accepted; returns true when there is an order. */
    private boolean readDecisionAndOrder()
    {
        header.wrap(out, FrameHeader.MESSAGE_OFFSET);
        assertEquals(HedgeDecisionDecoder.TEMPLATE_ID, header.templateId());
        decision.wrap(out, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        if (decision.verdict() != RiskVerdict.ACCEPTED)
        {
            return false;
        }
        final int offset = FrameHeader.frameLength(out, 0);
        header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
        order.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        return true;
    }
}
