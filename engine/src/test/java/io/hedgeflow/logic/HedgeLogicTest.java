package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.greeks.BlackScholes;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HedgeLogicTest
{
    private static final int ETH = 2;
    private static final int PERP = 20;
    private static final int CALL = 200;
    private static final double SPOT = 3000.0;
    private static final double VOL = 0.6;
    private static final long EXPIRY = TestFrames.T0 + 30L * 86_400_000_000_000L;

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HedgeDecisionDecoder decision = new HedgeDecisionDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private HedgeLogic logic = new HedgeLogic(TestContexts.logic().policy(new PolicyContext()
        .trigger().bandUsd(30_000.0)));
    private long ringSequence;
    private int outputLength;

    @AfterEach
    void close()
    {
        logic.close();
    }

    private int feed(final int length)
    {
        outputLength = logic.onFrame(frames.buffer, 0, length, ringSequence++, out, 0);
        return outputLength;
    }

    /** Linear ETH perpetual of 0.01 ETH per contract and one 30-day ATM call; the book sells 100 calls. */
    private void shortCallBook()
    {
        feed(frames.perpetual(PERP, ETH, Settlement.LINEAR, 0.01, 0.05));
        feed(frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, SPOT, EXPIRY));
        feed(frames.quote(PERP, SPOT - 0.5, SPOT + 0.5));
        feed(frames.ticker(CALL, VOL, SPOT));
        assertEquals(0, feed(frames.index(ETH, SPOT)));
        feed(frames.optionTrade(CALL, -100.0, 200.0));
    }

    private double callDelta(final double spot)
    {
        final double t = (EXPIRY - frames.timeNs) / (365.0 * 86_400e9);
        return BlackScholes.delta(true, spot, SPOT, t, 0.0, 0.0, VOL);
    }

    @Test
    void shouldSendOneBuyOrderOfTheRightSizeWhenDeltaLeavesTheBand()
    {
        shortCallBook();

        final double delta = -100.0 * callDelta(SPOT);
        assertTrue(outputLength > 0, "a decision is expected");
        readDecision(0);
        assertEquals(RiskVerdict.ACCEPTED, decision.verdict());
        assertEquals(DecisionReason.BAND_BREACH, decision.reason());
        assertEquals(delta, decision.deltaBefore(), 1e-9);
        assertEquals(10.0, decision.band(), 1e-12);
        final long expectedContracts = Math.round(-delta / 0.01);
        readOrder(FrameHeader.frameLength(out, 0));
        assertEquals(Side.BUY, order.side());
        assertEquals(expectedContracts, order.quantity() / Fixed8.ONE);
        assertEquals(0, order.quantity() % Fixed8.ONE, "whole lots");
        assertEquals(Math.ceil((SPOT + 0.5) * 1.002 / 0.05) * 0.05, Fixed8.toDouble(order.limitPrice()), 1e-8);
        assertEquals(decision.orderId(), order.orderId());
        assertEquals(1, logic.counters().orders());
    }

    @Test
    void shouldNotHedgeTheSameDeltaTwiceWhileAnOrderIsInFlight()
    {
        shortCallBook();
        assertEquals(1, logic.counters().orders());

        assertEquals(0, feed(frames.index(ETH, SPOT + 1.0)));
        assertEquals(0, feed(frames.optionTrade(CALL, -1.0, 200.0)));
        assertEquals(1, logic.counters().orders());
    }

    @Test
    void shouldUpdatePositionsOnFillsAndStayHedged()
    {
        shortCallBook();
        readOrder(FrameHeader.frameLength(out, 0));
        final long orderId = order.orderId();
        final double contracts = Fixed8.toDouble(order.quantity());

        assertEquals(0, feed(frames.execution(orderId, PERP, Side.BUY, ExecType.FILL, contracts, SPOT + 0.5)));
        assertEquals(1, logic.counters().fills());
        final UnderlyingReport report = logic.report(0);
        assertEquals(report.unhedgedDelta() + contracts * 0.01, report.hedgedDelta(), 1e-9);
        assertTrue(Math.abs(report.hedgedDelta()) < 0.01, "hedged to within a lot: " + report.hedgedDelta());

        assertEquals(0, feed(frames.index(ETH, SPOT + 1.0)));
        assertEquals(1, logic.counters().orders());
    }

    @Test
    void shouldHedgeAgainAfterTheOrderIsRejected()
    {
        shortCallBook();
        readOrder(FrameHeader.frameLength(out, 0));

        assertTrue(feed(frames.execution(order.orderId(), PERP, Side.BUY, ExecType.REJECTED, 0.0, 0.0)) > 0);
        assertEquals(2, logic.counters().orders());
    }

    @Test
    void shouldRejectAnOrderAboveTheMaximumQuantityWithItsReasonCode()
    {
        logic.close();
        logic = new HedgeLogic(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(30_000.0))
            .limits(TestContexts.limits().maxOrderQuantity(1000.0)));
        shortCallBook();

        readDecision(0);
        assertEquals(RiskVerdict.REJECTED_MAX_ORDER_QTY, decision.verdict());
        assertEquals(FrameHeader.frameLength(out, 0), outputLength, "no order frame");
        assertEquals(0, logic.counters().orders());
        assertEquals(0, feed(frames.index(ETH, SPOT + 1.0)), "waits retryIntervalNs before deciding again");
    }

    @Test
    void shouldAcceptAnOrderExactlyAtTheMaximumQuantity()
    {
        final double delta = -100.0 * callDelta(SPOT);
        logic.close();
        logic = new HedgeLogic(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(30_000.0))
            .limits(TestContexts.limits().maxOrderQuantity(Math.round(-delta / 0.01))));
        shortCallBook();

        readDecision(0);
        assertEquals(RiskVerdict.ACCEPTED, decision.verdict());
    }

    @Test
    void shouldSizeInversePerpetualsInUsdFaceContracts()
    {
        feed(frames.perpetual(10, 1, Settlement.INVERSE, 10.0, 0.5));
        feed(frames.option(100, 1, Settlement.INVERSE, OptionType.PUT, 100_000.0, EXPIRY));
        feed(frames.quote(10, 99_999.5, 100_000.5));
        feed(frames.ticker(100, 0.5, 100_000.0));
        feed(frames.index(1, 100_000.0));
        feed(frames.optionTrade(100, 10.0, 0.05));

        readDecision(0);
        final double coinDelta = decision.deltaBefore();
        assertTrue(coinDelta < -1.0, "long puts are short delta: " + coinDelta);
        readOrder(FrameHeader.frameLength(out, 0));
        assertEquals(Side.BUY, order.side());
        assertEquals(Math.round(-coinDelta * 100_000.0 / 10.0), order.quantity() / Fixed8.ONE);
    }

    @Test
    void shouldRoundToLotsHalfAwayFromZero()
    {
        assertEquals(3.0, HedgeSizing.roundToLot(2.5, 1.0));
        assertEquals(-3.0, HedgeSizing.roundToLot(-2.5, 1.0));
        assertEquals(0.0, HedgeSizing.roundToLot(0.049, 0.1), 1e-15);
        assertEquals(0.2, HedgeSizing.roundToLot(0.16, 0.1), 1e-15);
    }

    private void readDecision(final int offset)
    {
        header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
        assertEquals(HedgeDecisionDecoder.TEMPLATE_ID, header.templateId());
        decision.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
    }

    private void readOrder(final int offset)
    {
        header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
        assertEquals(NewOrderDecoder.TEMPLATE_ID, header.templateId());
        order.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
    }
}
