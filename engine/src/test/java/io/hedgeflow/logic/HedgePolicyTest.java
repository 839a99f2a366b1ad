package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.HedgePolicy;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policies of {@link PolicyContext} in the logic: triggers, aims and what the decision records. */
class HedgePolicyTest
{
    private static final int ETH = 2;
    private static final int PERP = 20;
    private static final int CALL = 200;
    private static final double SPOT = 3000.0;
    private static final double LOT_DELTA = 0.01;
    private static final long EXPIRY = TestFrames.T0 + 30L * 86_400_000_000_000L;
    private static final long INTERVAL_NS = 10_000_000_000L;
    /** Logic time TestFrames puts between frames. */
    private static final long FRAME_NS = 1_000_000L;

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HedgeDecisionDecoder decision = new HedgeDecisionDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private HedgeLogic logic;
    private long ringSequence;

    @AfterEach
    void close()
    {
        logic.close();
    }

    private int feed(final int length)
    {
        return logic.onFrame(frames.buffer, 0, length, ringSequence++, out, 0);
    }

    /** Linear ETH perpetual of 0.01 ETH per contract and a 30-day ATM call; returns the output of selling calls. */
    private int shortCallBook(final PolicyContext policy, final double calls)
    {
        return shortCallBook(TestContexts.logic().policy(policy), calls);
    }

    private int shortCallBook(final LogicContext ctx, final double calls)
    {
        logic = new HedgeLogic(ctx);
        feed(frames.perpetual(PERP, ETH, Settlement.LINEAR, LOT_DELTA, 0.05));
        feed(frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, SPOT, EXPIRY));
        feed(frames.quote(PERP, SPOT - 0.5, SPOT + 0.5));
        feed(frames.ticker(CALL, 0.6, SPOT));
        feed(frames.index(ETH, SPOT));
        return feed(frames.optionTrade(CALL, -calls, 200.0));
    }

    @Test
    void shouldUseABandInUnderlyingUnitsAndRecordThePolicyInputs()
    {
        assertTrue(shortCallBook(new PolicyContext().bandUnderlying(5.0).targetDelta(2.0), 100.0) > 0);

        readDecision();
        assertEquals(HedgePolicy.DELTA_BAND, decision.policy());
        assertEquals(DecisionReason.BAND_BREACH, decision.reason());
        assertEquals(5.0, decision.band());
        assertEquals(Math.abs(decision.deltaBefore() - 2.0), decision.triggerValue());
        assertEquals(2.0, decision.targetDelta());
        assertEquals(2.0, decision.aimDelta());
        assertEquals(1.0, decision.hedgeRatio());
        assertEquals(1.0, decision.hedgeEffectiveness());
        assertEquals(0.5 / SPOT * 10_000.0, decision.expectedSlippageBps(), 1e-12, "half spread of a buy, bps");
        assertEquals(2.0, decision.deltaAfter(), LOT_DELTA / 2 + 1e-12, "to the target");
    }

    @Test
    void shouldStayInsideABandInUnderlyingUnitsUntilItIsCrossed()
    {
        assertEquals(0, shortCallBook(new PolicyContext().bandUnderlying(60.0), 100.0), "delta about -54 is inside");
    }

    @Test
    void shouldHedgeOnlyToTheBandEdgeRoundedIntoTheBand()
    {
        shortCallBook(new PolicyContext().bandUnderlying(5.0).hedgeTo(HedgeTo.EDGE), 100.0);

        readDecision();
        final double delta = decision.deltaBefore();
        assertEquals(-5.0, decision.aimDelta());
        final double expected = Math.ceil((-5.0 - delta) / LOT_DELTA);
        assertEquals(expected * LOT_DELTA, decision.deltaAfter() - delta, 1e-9);
        assertTrue(decision.deltaAfter() >= -5.0 && decision.deltaAfter() < -5.0 + LOT_DELTA,
            "just inside the band: " + decision.deltaAfter());
        readOrder();
        assertEquals(Side.BUY, order.side());
        assertEquals(expected, Fixed8.toDouble(order.quantity()));
    }

    @Test
    void shouldRebalanceToTheTargetEveryIntervalOfLogicTime()
    {
        final PolicyContext policy = new PolicyContext().type(PolicyType.TIME_INTERVAL).intervalNs(INTERVAL_NS);
        assertEquals(0, shortCallBook(policy, 100.0), "the interval started at the index, one frame earlier");

        frames.advance(INTERVAL_NS - 3 * FRAME_NS);
        assertEquals(0, feed(frames.index(ETH, SPOT)), "not yet due, 1 ms short");
        assertTrue(feed(frames.index(ETH, SPOT)) > 0, "due");
        readDecision();
        assertEquals(HedgePolicy.TIME_INTERVAL, decision.policy());
        assertEquals(DecisionReason.TIME_REBALANCE, decision.reason());
        assertEquals(INTERVAL_NS, decision.triggerValue());
        assertEquals(0.0, decision.aimDelta());
        assertEquals(0.0, decision.band());
        assertEquals(0.0, decision.deltaAfter(), LOT_DELTA / 2 + 1e-12);
        readOrder();
        final double contracts = Fixed8.toDouble(order.quantity());
        feed(frames.execution(order.orderId(), PERP, Side.BUY, ExecType.FILL, contracts, SPOT + 0.5));

        frames.advance(INTERVAL_NS);
        assertEquals(0, feed(frames.index(ETH, SPOT)), "due, but within a lot of the target: no decision");
        frames.advance(INTERVAL_NS);
        assertTrue(feed(frames.optionTrade(CALL, -10.0, 200.0)) > 0, "due and 10 calls of delta to hedge");
        readDecision();
        assertEquals(INTERVAL_NS + FRAME_NS, decision.triggerValue());
    }

    @Test
    void shouldNeverHedgeUnderPolicyNone()
    {
        assertEquals(0, shortCallBook(new PolicyContext().type(PolicyType.NONE), 1000.0));
        assertEquals(0, logic.counters().decisions());
    }

    @Test
    void shouldApplyTheUnderlyingsOwnPolicy()
    {
        assertTrue(shortCallBook(TestContexts.logic().policy(new PolicyContext().type(PolicyType.NONE))
            .underlyingPolicy(ETH, new PolicyContext().bandUnderlying(5.0)), 100.0) > 0);
        readDecision();
        assertEquals(5.0, decision.band());
    }

    private void readDecision()
    {
        header.wrap(out, FrameHeader.MESSAGE_OFFSET);
        assertEquals(HedgeDecisionDecoder.TEMPLATE_ID, header.templateId());
        decision.wrap(out, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
    }

    private void readOrder()
    {
        final int offset = FrameHeader.frameLength(out, 0);
        header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
        assertEquals(NewOrderDecoder.TEMPLATE_ID, header.templateId());
        order.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
    }
}
