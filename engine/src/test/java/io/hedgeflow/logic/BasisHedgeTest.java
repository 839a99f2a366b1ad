package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Basis hedge: BTC (short calls) hedged with a dated BTC future. Every second the index moves by rS ~ N(0, 1%) and
 * the future's mid by rF = rS + N(0, 0.3%) (basis noise), so the minimum-variance ratio Cov(rS, rF) / Var(rF) and
 * its R squared are both 1 / (1 + 0.09) = 0.917. The future is quoted 1 ms before each index price, so every
 * return sample (taken at the index price, due each second) pairs the two prices of the same second.
 */
class BasisHedgeTest
{
    private static final int BTC = 1;
    private static final int FUTURE = 20;
    private static final int OTHER_FUTURE = 21;
    private static final int CALL = 200;
    private static final double FUTURE_CONTRACT = 0.01;
    private static final double RATIO = 1.0 / 1.09;
    private static final long STEP_NS = 1_000_000_000L;
    private static final long QUOTE_LEAD_NS = 1_000_000L;
    private static final long DAY_NS = 86_400_000_000_000L;
    private static final long EXPIRY = TestFrames.T0 + 60L * DAY_NS;

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HedgeDecisionDecoder decision = new HedgeDecisionDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();

    private static LogicContext context(final RatioEstimator estimator, final int minObservations, final int futureId)
    {
        return TestContexts.logic()
            .policy(new PolicyContext().trigger().bandUnderlying(0.5).ratio().hedgeInstrument(HedgeInstrument.FUTURE)
                .ratio().hedgeFutureId(futureId).estimator().ratioEstimator(estimator).estimator().ratioWindow(400)
                    .estimator().ratioHalfLife(200.0)
                .estimator().ratioSampleNs(STEP_NS).estimator().kalmanProcessVariance(1e-8)
                    .estimator().kalmanObservationVariance(1e-5)
                .estimator().minObservations(minObservations).estimator().minEffectiveness(0.8));
    }

    /**
     * The synthetic market, fed frame by frame to a logic (and, once set, to a mirror whose output must be the
     * same byte for byte); it fills every order at its limit price.
     */
    private final class Market extends MirroredMarket
    {
        final SplittableRandom random = new SplittableRandom(7);
        final long futureExpiry;
        double spot = 60_000.0;
        double future = 60_600.0;
        int orders;
        int ordersOnFuture;
        /** Of the first order: its decision's ratio, R squared, deltas, and the size it should have. */
        double firstRatio;
        double firstEffectiveness;
        double firstDeltaAfter;
        double firstQuantity;
        double expectedQuantity;

        Market(final HedgeLogic logic, final long futureExpiry)
        {
            super(logic, out, header, decision, order);
            this.futureExpiry = futureExpiry;
        }

        void setUp()
        {
            send(frames.deltaOne(FUTURE, BTC, InstrumentKind.FUTURE, FUTURE_CONTRACT, 0.5, futureExpiry));
            send(frames.deltaOne(OTHER_FUTURE, BTC, InstrumentKind.FUTURE, FUTURE_CONTRACT, 0.5, EXPIRY + DAY_NS));
            send(frames.option(CALL, BTC, Settlement.LINEAR, OptionType.CALL, spot, EXPIRY));
            send(frames.ticker(CALL, 0.6, spot));
            send(frames.quote(FUTURE, future - 0.5, future + 0.5));
            send(frames.quote(OTHER_FUTURE, future + 99.5, future + 100.5));
            send(frames.index(BTC, spot));
            send(frames.optionTrade(CALL, -10.0, 4_000.0));
        }

        /** One second: the future's quote, then the index; returns the index frame's output length (in out). */
        @Override
        int step()
        {
            frames.advance(STEP_NS - QUOTE_LEAD_NS);
            final double r = 0.01 * random.nextGaussian();
            spot *= 1.0 + r;
            future *= 1.0 + r + 0.003 * random.nextGaussian();
            send(frames.quote(FUTURE, future - 0.5, future + 0.5));
            send(frames.quote(OTHER_FUTURE, future + 99.5, future + 100.5));
            frames.advance(QUOTE_LEAD_NS);
            return send(frames.index(BTC, spot));
        }

        /** Feeds a frame, fills the order it sent if any (output elsewhere); returns the frame's output length. */
        int send(final int length)
        {
            final int written = feed(length, out);
            if (written > 0 && hasOrder())
            {
                if (orders++ == 0)
                {
                    first();
                }
                ordersOnFuture += order.instrumentId() == FUTURE ? 1 : 0;
                feed(frames.execution(order.orderId(), order.instrumentId(), order.side(), ExecType.FILL,
                    Fixed8.toDouble(order.quantity()), Fixed8.toDouble(order.limitPrice())), fillOut);
            }
            return written;
        }

        private void first()
        {
            firstRatio = decision.hedgeRatio();
            firstEffectiveness = decision.hedgeEffectiveness();
            firstDeltaAfter = decision.deltaAfter();
            firstQuantity = Fixed8.toDouble(order.quantity());
            expectedQuantity = -decision.deltaBefore() * decision.hedgeRatio() * spot / future / FUTURE_CONTRACT;
            assertEquals(FUTURE, order.instrumentId());
            assertEquals(Side.BUY, order.side());
        }
    }

    @Test
    void shouldWaitForTheRatioThenHedgeWithTheNearestFutureSizedByTheEstimatedRatio()
    {
        final int minObservations = 300;
        try (HedgeLogic logic = new HedgeLogic(context(RatioEstimator.OLS, minObservations, 0)))
        {
            final Market market = new Market(logic, EXPIRY);
            market.setUp();
            market.readDecision();
            assertEquals(BTC, decision.underlyingId());
            assertEquals(DecisionReason.RATIO_NOT_READY, decision.reason());
            assertEquals(RiskVerdict.REJECTED_NO_ORDER, decision.verdict());
            assertEquals(FUTURE, decision.hedgeInstrumentId(), "the nearest expiry");

            int steps = 0;
            while (market.orders == 0)
            {
                steps++;
                assertTrue(steps <= minObservations + 2, "an order once the ratio is ready");
                market.step();
            }
            assertEquals(minObservations, steps, "the first order with the last sample needed");
            assertEquals(RATIO, market.firstRatio, 0.05, "OLS ratio of " + minObservations + " samples");
            assertEquals(RATIO, market.firstEffectiveness, 0.05);
            assertTrue(market.expectedQuantity > 100.0, "a real hedge: " + market.expectedQuantity);
            assertEquals(market.expectedQuantity, market.firstQuantity, 0.51, "h* x delta x S / F / contract");
            assertEquals(0.0, market.firstDeltaAfter, 0.01, "the ratio-weighted future offsets the delta");
            assertEquals(0, market.send(market.frames.index(BTC, market.spot)), "the filled future counts once");
        }
    }

    @Test
    void shouldNeverUseAFuturePastItsExpiry()
    {
        final long expiry = TestFrames.T0 + 120 * STEP_NS;
        try (HedgeLogic logic = new HedgeLogic(context(RatioEstimator.EWMA, 20, FUTURE)))
        {
            final Market market = new Market(logic, expiry);
            market.setUp();
            while (market.frames.timeNs < expiry)
            {
                market.step();
            }
            assertTrue(market.ordersOnFuture > 0, "the future hedges until its expiry");
            assertEquals(market.orders, market.ordersOnFuture, "only the configured future");
            final int before = market.orders;
            for (int i = 0; i < 120; i++)
            {
                market.spot *= 1.01;
                assertEquals(0, market.step(), "no decision without an unexpired hedge future");
            }
            assertEquals(before, market.orders);
        }
    }

    @Test
    void shouldRollToTheNextFutureAfterTheNearestExpires()
    {
        final long expiry = TestFrames.T0 + 60 * STEP_NS;
        try (HedgeLogic logic = new HedgeLogic(context(RatioEstimator.EWMA, 20, 0)))
        {
            final Market market = new Market(logic, expiry);
            market.setUp();
            for (int i = 0; i < 200; i++)
            {
                market.step();
                if (market.frames.timeNs >= expiry && market.orders > market.ordersOnFuture)
                {
                    break;
                }
            }
            assertTrue(market.ordersOnFuture > 0, "the nearest future first");
            assertFalse(market.orders == market.ordersOnFuture, "then the next one: " + market.orders);
            assertEquals(OTHER_FUTURE, order.instrumentId());
        }
    }

    @ParameterizedTest
    @EnumSource(RatioEstimator.class)
    void shouldContinueFromASnapshotExactlyAsTheOriginal(final RatioEstimator estimator)
    {
        try (HedgeLogic original = new HedgeLogic(context(estimator, 50, 0));
            HedgeLogic restored = new HedgeLogic(context(estimator, 50, 0)))
        {
            final Market market = new Market(original, EXPIRY);
            market.setUp();
            market.assertContinuesFromSnapshot(restored, 300);
        }
    }

    @Test
    void shouldRefuseAFutureHedgeWithAnotherUnderlyingOrInstrumentChoiceOrANegativeFutureId()
    {
        final PolicyContext cross = new PolicyContext().ratio().hedgeInstrument(HedgeInstrument.FUTURE)
            .ratio().hedgeUnderlying(2);
        final PolicyContext cheapest = new PolicyContext().ratio().hedgeInstrument(HedgeInstrument.FUTURE)
            .instruments().instrumentChoice(InstrumentChoice.CHEAPEST);
        final PolicyContext negative = new PolicyContext().ratio().hedgeInstrument(HedgeInstrument.FUTURE)
            .ratio().hedgeFutureId(-1);
        assertTrue(assertThrows(IllegalArgumentException.class, cross::conclude).getMessage()
            .startsWith("hedgeInstrument"));
        assertTrue(assertThrows(IllegalArgumentException.class, cheapest::conclude).getMessage()
            .startsWith("hedgeInstrument"));
        assertTrue(assertThrows(IllegalArgumentException.class, negative::conclude).getMessage()
            .startsWith("hedgeFutureId"));
        new PolicyContext().ratio().hedgeInstrument(HedgeInstrument.FUTURE).ratio().hedgeFutureId(FUTURE).conclude();
    }
}
