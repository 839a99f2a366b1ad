package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.HedgePolicy;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.greeks.BlackScholes;
import io.hedgeflow.hedge.HullWhiteDelta;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.function.ToIntFunction;

import static io.hedgeflow.logic.ShortCallBook.CALL;
import static io.hedgeflow.logic.ShortCallBook.ETH;
import static io.hedgeflow.logic.ShortCallBook.EXPIRY;
import static io.hedgeflow.logic.ShortCallBook.LOT_DELTA;
import static io.hedgeflow.logic.ShortCallBook.PERP;
import static io.hedgeflow.logic.ShortCallBook.SPOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policies of {@link PolicyContext} in the logic: triggers, aims and what the decision records. */
class HedgePolicyTest
{
    private static final int SPOT_ID = 21;
    private static final int FUTURE_ID = 22;
    private static final long INTERVAL_NS = 10_000_000_000L;
    /** Logic time TestFrames puts between frames. */
    private static final long FRAME_NS = 1_000_000L;

    private TestFrames frames;
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
        frames = new TestFrames();
        return ShortCallBook.open(frames, this::feed, calls);
    }

    @Test
    void shouldUseABandInUnderlyingUnitsAndRecordThePolicyInputs()
    {
        assertTrue(shortCallBook(new PolicyContext().trigger().bandUnderlying(5.0).trigger().targetDelta(2.0),
            100.0) > 0);

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
        assertEquals(0, shortCallBook(new PolicyContext().trigger().bandUnderlying(60.0), 100.0),
            "delta about -54 is inside");
    }

    @Test
    void shouldHedgeOnlyToTheBandEdgeRoundedIntoTheBand()
    {
        shortCallBook(new PolicyContext().trigger().bandUnderlying(5.0).trigger().hedgeTo(HedgeTo.EDGE), 100.0);

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
        final PolicyContext policy = new PolicyContext().type(PolicyType.TIME_INTERVAL)
            .trigger().intervalNs(INTERVAL_NS);
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
            .underlyingPolicy(ETH, new PolicyContext().trigger().bandUnderlying(5.0)), 100.0) > 0);
        readDecision();
        assertEquals(5.0, decision.band());
    }

    @Test
    void shouldHedgeToTheWhalleyWilmottBandEdgeOfTheBooksGamma()
    {
        final PolicyContext policy = new PolicyContext().type(PolicyType.WHALLEY_WILMOTT).trigger().costFraction(0.001)
            .trigger().riskAversion(1e-4);
        assertTrue(shortCallBook(policy, 100.0) > 0);

        readDecision();
        assertEquals(HedgePolicy.WHALLEY_WILMOTT, decision.policy());
        final double tau = (EXPIRY - TestFrames.T0 - 6 * FRAME_NS) / (365.0 * 86_400e9);
        final double expected = HedgeBands.whalleyWilmott(0.001, 1e-4, SPOT, decision.gamma(), 0.0, tau);
        assertEquals(expected, decision.band(), 1e-12);
        assertTrue(decision.gamma() < 0.0, "short calls");
        assertEquals(Math.copySign(decision.band(), decision.deltaBefore()), decision.aimDelta(), "to the edge");
        assertEquals(0.6, decision.volatility(), 1e-15, "one option: its vol");
    }

    @Test
    void shouldGiveTheZakamoulineAndGammaBandsOfTheBook()
    {
        final PolicyContext zakamouline = new PolicyContext().type(PolicyType.ZAKAMOULINE).trigger().costFraction(0.001)
            .trigger().riskAversion(1e-4);
        shortCallBook(zakamouline, 100.0);
        readDecision();
        final double tau = (EXPIRY - TestFrames.T0 - 6 * FRAME_NS) / (365.0 * 86_400e9);
        assertEquals(HedgeBands.zakamouline(0.001, 1e-4, SPOT, decision.gamma(), 0.6, 0.0, tau), decision.band(), 1e-12);
        logic.close();

        final PolicyContext gamma = new PolicyContext().type(PolicyType.GAMMA_BAND).trigger().gammaBandSigmas(2.0)
            .trigger().horizonNs(86_400_000_000_000L);
        shortCallBook(gamma, 100.0);
        readDecision();
        assertEquals(HedgeBands.gammaBand(2.0, decision.gamma(), SPOT, 0.6, 1.0 / 365.0), decision.band(), 1e-12);
        assertEquals(0.0, decision.aimDelta(), "GAMMA_BAND hedges to the target by default");
    }

    @Test
    void shouldUseTheFixedBandWhileTheBookHoldsNoGamma()
    {
        final PolicyContext policy = new PolicyContext().type(PolicyType.ZAKAMOULINE).trigger().targetDelta(-50.0)
            .trigger().bandUnderlying(3.0);
        shortCallBook(policy, 0.0);

        readDecision();
        assertEquals(0.0, decision.gamma());
        assertEquals(3.0, decision.band(), "no options held: the fixed band, not an infinite or NaN one");
    }

    @Test
    void shouldMoveTheDeltaToTheLelandVolatility()
    {
        final PolicyContext plain = new PolicyContext().trigger().bandUnderlying(1.0);
        shortCallBook(plain, 100.0);
        readDecision();
        final double bsDelta = decision.deltaBefore();
        logic.close();

        shortCallBook(plain.copy().delta().leland(true).trigger().costFraction(0.005)
            .trigger().horizonNs(86_400_000_000_000L), 100.0);
        readDecision();
        final double sigmaL = HedgeBands.lelandVolatility(0.6, 0.01, 1.0 / 365.0, true);
        assertEquals(sigmaL, decision.volatility(), 1e-15);
        assertTrue(sigmaL > 0.6, "short gamma: higher vol");
        final double t = (EXPIRY - TestFrames.T0 - 6 * FRAME_NS) / (365.0 * 86_400e9);
        final double exact = -100.0 * BlackScholes.delta(true, SPOT, SPOT, t, 0.0, 0.0, sigmaL);
        assertEquals(exact, decision.deltaBefore(), 0.02 * Math.abs(exact - bsDelta),
            "first order in the vol change: within 2% of the move");
        assertTrue(decision.deltaBefore() < bsDelta, "an ATM call's delta rises with vol");
    }

    @Test
    void shouldHedgeTheHullWhiteMinimumVarianceDelta()
    {
        final PolicyContext policy = new PolicyContext().trigger().bandUnderlying(1.0)
            .delta().deltaDefinition(DeltaDefinition.HULL_WHITE)
            .delta().hullWhiteA(-0.2).delta().hullWhiteB(0.3).delta().hullWhiteC(-0.1);
        shortCallBook(policy, 100.0);

        readDecision();
        final double t = (EXPIRY - TestFrames.T0 - 6 * FRAME_NS) / (365.0 * 86_400e9);
        final HullWhiteDelta hullWhite = new HullWhiteDelta();
        hullWhite.coefficients(-0.2, 0.3, -0.1);
        final double mv = hullWhite.minimumVarianceDelta(true, SPOT, SPOT, t, 0.0, 0.0, 0.6);
        assertEquals(-100.0 * mv, decision.deltaBefore(), 1e-9);
        assertEquals(-100.0 * (mv - BlackScholes.delta(true, SPOT, SPOT, t, 0.0, 0.0, 0.6)), decision.deltaAdjustment(),
            1e-9);
        assertTrue(Math.abs(decision.deltaAdjustment()) > 0.1, "a visible adjustment: " + decision.deltaAdjustment());
    }

    @Test
    void shouldApplyHullWhiteToTheCoinDeltaOfInverseOptions()
    {
        final double a = -0.2;
        final double b = 0.3;
        final double c = -0.1;
        final double s = 100_000.0;
        final double strike = 90_000.0;
        logic = new HedgeLogic(TestContexts.logic().policy(new PolicyContext().trigger().bandUnderlying(0.01)
            .delta().deltaDefinition(DeltaDefinition.HULL_WHITE).delta().hullWhiteA(a).delta().hullWhiteB(b)
                .delta().hullWhiteC(c)));
        frames = new TestFrames();
        feed(frames.perpetual(10, 1, Settlement.INVERSE, 10.0, 0.5));
        feed(frames.option(100, 1, Settlement.INVERSE, OptionType.PUT, strike, EXPIRY));
        feed(frames.quote(10, s - 0.5, s + 0.5));
        feed(frames.ticker(100, 0.5, s));
        feed(frames.index(1, s));
        feed(frames.optionTrade(100, 10.0, 0.05));

        readDecision();
        // independent: coin value P(S) = V(S, sigma(S)) / S with the Hull-White vol move, premium-adjusted coin delta
        // S dP/dS by central differences
        final double t = (EXPIRY - TestFrames.T0 - 6 * FRAME_NS) / (365.0 * 86_400e9);
        final double callDelta = BlackScholes.delta(true, s, strike, t, 0.0, 0.0, 0.5);
        final double slope = (a + b * callDelta + c * callDelta * callDelta) / (s * Math.sqrt(t));
        final double h = 1.0;
        final double up = BlackScholes.price(false, s + h, strike, t, 0.0, 0.0, 0.5 + slope * h) / (s + h);
        final double down = BlackScholes.price(false, s - h, strike, t, 0.0, 0.0, 0.5 - slope * h) / (s - h);
        assertEquals(10.0 * s * (up - down) / (2 * h), decision.deltaBefore(), 1e-6);
    }

    /** Delta about -54 ETH: buy about 5,400 contracts; the depth holds 2,000 at 3000.5 and 2,000 at 3001. */
    private void cappedBook(final double capBps)
    {
        logic = new HedgeLogic(TestContexts.logic().policy(new PolicyContext().trigger().bandUnderlying(1.0)
            .sizing().slippageCapBps(capBps)));
        frames = new TestFrames();
        feed(frames.perpetual(PERP, ETH, Settlement.LINEAR, LOT_DELTA, 0.05));
        feed(frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, SPOT, EXPIRY));
        feed(frames.quote(PERP, SPOT - 0.5, SPOT + 0.5));
        feed(frames.book(PERP, new double[][]{{SPOT - 0.5, 2000}}, new double[][]{{SPOT + 0.5, 2000}, {SPOT + 1, 2000}}));
        feed(frames.ticker(CALL, 0.6, SPOT));
        feed(frames.index(ETH, SPOT));
        feed(frames.optionTrade(CALL, -100.0, 200.0));
        readDecision();
    }

    @Test
    void shouldCutTheOrderToTheSlippageCapOnTheDepth()
    {
        // cap 2.1 bps of mid 3000: limit average 3000.63; all 2,000 at 3000.5, then e = (3000.63 x 2000 - 3000.5 x
        // 2000) / (3001 - 3000.63) = 702.7 -> 702 lots at 3001: 2,702 contracts averaging 3000.62990, 2.0997 bps
        cappedBook(2.1);
        assertEquals(DecisionReason.BAND_BREACH, decision.reason());
        assertEquals(2702.0, Fixed8.toDouble(decision.orderQty()));
        assertEquals((8_107_702.0 / 2702.0 - SPOT) / SPOT * 10_000.0, decision.expectedSlippageBps(), 1e-9);
        assertTrue(decision.expectedSlippageBps() <= 2.1, "never above the cap");
        logic.close();

        cappedBook(0.0);
        assertTrue(Fixed8.toDouble(decision.orderQty()) > 5000.0, "no cap: the whole delta");
        assertTrue(decision.expectedSlippageBps() > 2.0, "walking the whole depth: " + decision.expectedSlippageBps());
    }

    @Test
    void shouldSendNothingWhenTheCapLeavesLessThanALot()
    {
        cappedBook(0.5);
        assertEquals(DecisionReason.SLIPPAGE_CAPPED, decision.reason());
        assertEquals(0, decision.orderId());
        assertEquals(0, logic.counters().orders());
    }

    /**
     * The ETH book with a perpetual quoted 2999/3001 and funding (per 8 hours), spot 2999.9/3000.1, a 30-day future
     * 3029/3031.
     */
    private void threeInstrumentBook(final PolicyContext policy, final double calls, final double funding)
    {
        threeInstruments(policy, funding);
        feed(frames.optionTrade(CALL, calls, 200.0));
        readDecision();
    }

    /** The book of {@link #threeInstrumentBook} before its option trade. */
    private void threeInstruments(final PolicyContext policy, final double funding)
    {
        threeInstruments(policy, funding, frames ->
            frames.deltaOne(SPOT_ID, ETH, InstrumentKind.SPOT, 1.0, 0.01, 0L));
    }

    /** The same with the spot instrument's definition frame from spotDefinition. */
    private void threeInstruments(
        final PolicyContext policy, final double funding, final ToIntFunction<TestFrames> spotDefinition)
    {
        logic = new HedgeLogic(
            TestContexts.logic().policy(policy.instruments().instrumentChoice(InstrumentChoice.CHEAPEST)));
        frames = new TestFrames();
        feed(frames.perpetual(PERP, ETH, Settlement.LINEAR, LOT_DELTA, 0.05));
        feed(spotDefinition.applyAsInt(frames));
        feed(frames.deltaOne(FUTURE_ID, ETH, InstrumentKind.FUTURE, 1.0, 0.5, EXPIRY));
        feed(frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, SPOT, EXPIRY));
        feed(frames.quote(PERP, SPOT - 1.0, SPOT + 1.0));
        feed(frames.funding(PERP, funding));
        feed(frames.quote(SPOT_ID, SPOT - 0.1, SPOT + 0.1));
        feed(frames.quote(FUTURE_ID, SPOT * 1.01 - 1.0, SPOT * 1.01 + 1.0));
        feed(frames.ticker(CALL, 0.6, SPOT));
        feed(frames.index(ETH, SPOT));
    }

    @Test
    void shouldHedgeWithTheCheapestInstrumentByAllInCost()
    {
        // buy: perpetual 5 + 3.33 = 8.33 bps, spot 10 + 0.33 = 10.33, future 5 + 3.30 + carry: 1% basis over 30 days
        // = 12.2% a year, x 1 hour (horizonNs) = +0.14 bps -> 8.44: the perpetual
        threeInstrumentBook(new PolicyContext().trigger().bandUnderlying(1.0), -100.0, 0.0);
        assertEquals(PERP, decision.hedgeInstrumentId());
        logic.close();

        // spot fee 2 bps: 2.33 wins, in whole ETH
        threeInstrumentBook(new PolicyContext().trigger().bandUnderlying(1.0).instruments().spotFeeBps(2.0), -100.0,
            0.0);
        assertEquals(SPOT_ID, decision.hedgeInstrumentId());
        assertEquals(Math.round(-decision.deltaBefore()), Fixed8.toDouble(decision.orderQty()));
        logic.close();

        // selling receives the future's carry: 5 + 3.30 - 0.14 = 8.16 bps beats the perpetual's 8.33
        threeInstrumentBook(new PolicyContext().trigger().bandUnderlying(1.0), 100.0, 0.0);
        assertEquals(FUTURE_ID, decision.hedgeInstrumentId());
        assertTrue(decision.orderQty() < 0);
    }

    @Test
    void shouldTakeAnInstrumentsOwnTakerFeeOverTheConfiguredFeeOfItsKind()
    {
        // the spot definition's taker fee 2 bps replaces spotFeeBps 10: 2.33 bps beats the perpetual's 8.33
        threeInstruments(new PolicyContext().trigger().bandUnderlying(1.0), 0.0, frames ->
        {
            frames.deltaOne(SPOT_ID, ETH, InstrumentKind.SPOT, 1.0, 0.01, 0L);
            return frames.fees(0.0, 0.0002);
        });
        feed(frames.optionTrade(CALL, -100.0, 200.0));
        readDecision();
        assertEquals(SPOT_ID, decision.hedgeInstrumentId());
        final org.agrona.ExpandableArrayBuffer snapshot = new org.agrona.ExpandableArrayBuffer();
        final int length = logic.snapshot(snapshot, 0, ringSequence - 1);
        logic.close();

        logic = new HedgeLogic(TestContexts.logic()
            .policy(new PolicyContext().trigger().bandUnderlying(1.0)
                .instruments().instrumentChoice(InstrumentChoice.CHEAPEST)));
        logic.restore(snapshot, 0, length);
        feed(frames.optionTrade(CALL, -100.0, 200.0));
        readDecision();
        assertEquals(SPOT_ID, decision.hedgeInstrumentId(), "the restored fee still counts");
    }

    @Test
    void shouldTakeTheConfiguredFeeForADefinitionOfSchemaVersionTwoWhichHasNoFees()
    {
        // the same definition written by a version-2 writer: its block ends before the fees, so spotFeeBps (10) holds
        threeInstrumentBookWithSpot(frames ->
        {
            frames.deltaOne(SPOT_ID, ETH, InstrumentKind.SPOT, 1.0, 0.01, 0L);
            frames.fees(0.0, 0.0002);
            return frames.asVersion(2, InstrumentDefinitionDecoder.class);
        });
        assertEquals(0, logic.counters().rejected());
        assertEquals(PERP, decision.hedgeInstrumentId());
    }

    private void threeInstrumentBookWithSpot(final ToIntFunction<TestFrames> spotDefinition)
    {
        threeInstruments(new PolicyContext().trigger().bandUnderlying(1.0), 0.0, spotDefinition);
        feed(frames.optionTrade(CALL, -100.0, 200.0));
        readDecision();
    }

    @Test
    void shouldCountThePerpetualFundingAsCarry()
    {
        // funding 0.1% per 8 hours = 109.5% a year, x 1 hour = 1.25 bps: a long perpetual pays it, 8.33 + 1.25 =
        // 9.58 bps, so a buy hedge takes the future (8.44)
        threeInstrumentBook(new PolicyContext().trigger().bandUnderlying(1.0), -100.0, 0.001);
        assertEquals(FUTURE_ID, decision.hedgeInstrumentId());
        assertTrue(decision.orderQty() > 0);
        logic.close();

        // a short perpetual receives it: 8.33 - 1.25 = 7.08 bps beats the future's 8.16 for a sell hedge
        threeInstrumentBook(new PolicyContext().trigger().bandUnderlying(1.0), 100.0, 0.001);
        assertEquals(PERP, decision.hedgeInstrumentId());
        assertTrue(decision.orderQty() < 0);
        logic.close();

        // negative funding: a long perpetual is paid, 8.33 - 1.25 bps
        threeInstrumentBook(new PolicyContext().trigger().bandUnderlying(1.0).instruments().spotFeeBps(7.5), -100.0,
            -0.001);
        assertEquals(PERP, decision.hedgeInstrumentId());
    }

    @Test
    void shouldKeepTheFundingRateInTheSnapshot()
    {
        threeInstruments(new PolicyContext().trigger().bandUnderlying(1.0), 0.001);
        final org.agrona.ExpandableArrayBuffer snapshot = new org.agrona.ExpandableArrayBuffer();
        final int length = logic.snapshot(snapshot, 0, ringSequence - 1);
        logic.close();
        logic = new HedgeLogic(TestContexts.logic()
            .policy(new PolicyContext().trigger().bandUnderlying(1.0)
                .instruments().instrumentChoice(InstrumentChoice.CHEAPEST)));
        logic.restore(snapshot, 0, length);
        feed(frames.optionTrade(CALL, -100.0, 200.0));
        readDecision();
        assertEquals(FUTURE_ID, decision.hedgeInstrumentId(), "the restored funding still counts");
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
