package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.hedgeflow.logic.ShortCallBook.CALL;
import static io.hedgeflow.logic.ShortCallBook.ETH;
import static io.hedgeflow.logic.ShortCallBook.EXPIRY;
import static io.hedgeflow.logic.ShortCallBook.LOT_DELTA;
import static io.hedgeflow.logic.ShortCallBook.PERP;
import static io.hedgeflow.logic.ShortCallBook.SPOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The margin constraints of a policy in the logic ({@link MarginConstraints}): the ETH book of {@link ShortCallBook}
 * (linear perpetual of 0.01 ETH, mid 3000, so 30 USDC of notional per contract) writes 100 calls, whose delta
 * hedge buys about 5,400 contracts (162,000 USDC).
 */
class MarginConstraintsTest
{
    /** USDC of notional per contract of the perpetual at its mid. */
    private static final double NOTIONAL = LOT_DELTA * SPOT;

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HedgeDecisionDecoder decision = new HedgeDecisionDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private final TestFrames frames = new TestFrames();
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

    /**
     * The book with the USDC equity (none when NaN), the calls written and a perpetual position, then the index
     * that decides; returns the index's output length.
     */
    private int writeCalls(final PolicyContext policy, final double equity, final double held)
    {
        logic = new HedgeLogic(TestContexts.logic().policy(policy));
        feed(frames.perpetual(PERP, ETH, Settlement.LINEAR, LOT_DELTA, 0.05));
        feed(frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, SPOT, EXPIRY));
        feed(frames.quote(PERP, SPOT - 0.5, SPOT + 0.5));
        feed(frames.ticker(CALL, 0.6, SPOT));
        if (!Double.isNaN(equity))
        {
            feed(frames.accountSnapshot(0, Settlement.LINEAR, equity));
        }
        feed(frames.optionTrade(CALL, -100.0, 200.0));
        if (held != 0.0)
        {
            feed(frames.positionSnapshot(PERP, held));
        }
        return feed(frames.index(ETH, SPOT));
    }

    private void readDecision()
    {
        header.wrap(out, FrameHeader.MESSAGE_OFFSET);
        assertEquals(HedgeDecisionDecoder.TEMPLATE_ID, header.templateId());
        decision.wrap(out, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
    }

    private double orderQuantity()
    {
        final int next = FrameHeader.frameLength(out, 0);
        header.wrap(out, next + FrameHeader.MESSAGE_OFFSET);
        assertEquals(NewOrderDecoder.TEMPLATE_ID, header.templateId());
        order.wrap(out, next + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        return Fixed8.toDouble(order.quantity());
    }

    @Test
    void shouldCutAHedgePastTheTargetLeverageExactlyToItLotRoundedDown()
    {
        // leverage 2 on 50,000 USDC: 100,000 / 30 = 3,333.3 contracts -> 3,333
        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().targetLeverage(2.0), 50_000.0, 0.0);

        readDecision();
        assertEquals(DecisionReason.MARGIN_LIMITED, decision.reason());
        assertEquals(RiskVerdict.ACCEPTED, decision.verdict());
        assertEquals(3333.0, Fixed8.toDouble(decision.orderQty()));
        assertEquals(3333.0, orderQuantity());
        assertEquals(1, logic.counters().marginLimited());
        assertEquals(1, logic.counters().leverageBound());
    }

    @Test
    void shouldSendTheHedgeThatMeetsTheTargetExactlyWhole()
    {
        // 49,995 x 2 / 30 = 3,333 exactly: the last lot is within the target, not cut by rounding
        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().targetLeverage(2.0), 49_995.0, 0.0);

        readDecision();
        assertEquals(3333.0, Fixed8.toDouble(decision.orderQty()));
        assertTrue(3333.0 * NOTIONAL / 49_995.0 <= 2.0);
    }

    @Test
    void shouldSendTheFullHedgeWithTheConstraintOffOrNotBinding()
    {
        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0), Double.NaN, 0.0);
        readDecision();
        final double full = Fixed8.toDouble(decision.orderQty());
        assertEquals(DecisionReason.BAND_BREACH, decision.reason());
        assertTrue(full > 5000.0, "about 54 ETH of delta: " + full);
        logic.close();

        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().targetLeverage(10.0), 50_000.0, 0.0);
        readDecision();
        assertEquals(DecisionReason.BAND_BREACH, decision.reason());
        assertEquals(full, Fixed8.toDouble(decision.orderQty()));
        assertEquals(0, logic.counters().marginLimited());
    }

    @Test
    void shouldRefuseWhenNothingFitsAndCountWhy()
    {
        // 3,333 contracts held are 99,990 of the 100,000 USDC allowed: not one more contract fits
        final int output = writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().targetLeverage(2.0),
            50_000.0, 3333.0);

        readDecision();
        assertEquals(DecisionReason.MARGIN_REFUSED, decision.reason());
        assertEquals(RiskVerdict.REJECTED_NO_ORDER, decision.verdict());
        assertEquals(0.0, Fixed8.toDouble(decision.orderQty()));
        assertEquals(FrameHeader.frameLength(out, 0), output, "no order frame");
        assertEquals(1, logic.counters().marginRefused());
        assertEquals(1, logic.counters().leverageBound());
    }

    @Test
    void shouldRefuseAConstrainedHedgeWithoutAKnownEquity()
    {
        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().targetLeverage(2.0), Double.NaN, 0.0);

        readDecision();
        assertEquals(DecisionReason.MARGIN_REFUSED, decision.reason());
        assertEquals(1, logic.counters().equityBound());
        assertTrue(Double.isNaN(logic.equity(Settlement.LINEAR, 0)));
    }

    @Test
    void shouldNeverCutAnOrderThatReducesThePosition()
    {
        // 8,000 contracts short is 240,000 USDC, far past the target; the buy hedge reduces it and goes out whole
        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().targetLeverage(2.0), 50_000.0, -8000.0);

        readDecision();
        assertEquals(DecisionReason.BAND_BREACH, decision.reason());
        assertTrue(Fixed8.toDouble(decision.orderQty()) > 5000.0);
    }

    @Test
    void shouldCutToTheMaxMarginUsageOfInitialMargin()
    {
        // 100 short ATM calls marked 200 (1/15 ETH): initial 100 x (0.15 + 1/15) x 3000 = 65,000 USDC; the budget
        // 0.67 x 100,000 leaves 2,000 for the perpetual: s x (0.02 + 0.005 s / 100) x 3000 <= 2,000, s in ETH
        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().maxMarginUsage(0.67), 100_000.0, 0.0);

        readDecision();
        final double i = 0.005 / 100.0;
        final double s = (-0.02 + Math.sqrt(0.02 * 0.02 + 4.0 * i * 2_000.0 / SPOT)) / (2.0 * i);
        assertEquals(DecisionReason.MARGIN_LIMITED, decision.reason());
        assertEquals(Math.floor(s / LOT_DELTA), Fixed8.toDouble(decision.orderQty()));
        assertEquals(1, logic.counters().marginUsageBound());
    }

    @Test
    void shouldCutToTheMaxMarginUsageOfMaintenanceMargin()
    {
        // maintenance: calls 100 x (0.075 + 1/15) x 3000 = 42,500; 0.45 x 100,000 leaves 2,500 for the perpetual
        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().maxMarginUsage(0.45)
            .margin().marginBasis(MarginBasis.MAINTENANCE),
            100_000.0, 0.0);

        readDecision();
        final double i = 0.005 / 100.0;
        final double s = (-0.015 + Math.sqrt(0.015 * 0.015 + 4.0 * i * 2_500.0 / SPOT)) / (2.0 * i);
        assertEquals(DecisionReason.MARGIN_LIMITED, decision.reason());
        assertEquals(Math.floor(s / LOT_DELTA), Fixed8.toDouble(decision.orderQty()));
    }

    @Test
    void shouldCutToTheMinLiquidationDistance()
    {
        // linear long Q ETH: liquidation P = (MMo - E + Q P0) / (Q (1 - r0 - i Q)) with MMo = 42,500 (the calls),
        // E = 100,000, P0 = 3000; 40 % from the index is P <= 1,800: i L Q^2 + (P0 - L (1 - r0)) Q + MMo - E <= 0
        writeCalls(new PolicyContext().trigger().bandUnderlying(1.0).margin().minLiquidationDistance(40.0), 100_000.0,
            0.0);

        readDecision();
        final double i = 0.005 / 100.0;
        final double l = 1_800.0;
        final double a = i * l;
        final double b = SPOT - l * (1.0 - 0.015);
        final double q = (-b + Math.sqrt(b * b - 4.0 * a * (42_500.0 - 100_000.0))) / (2.0 * a);
        assertEquals(DecisionReason.MARGIN_LIMITED, decision.reason());
        assertEquals(Math.floor(q / LOT_DELTA), Fixed8.toDouble(decision.orderQty()));
        assertEquals(1, logic.counters().liquidationDistanceBound());
    }
}
