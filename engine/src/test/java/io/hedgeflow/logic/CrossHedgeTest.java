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
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross hedge: ETH (short calls) hedged with the BTC perpetual. The synthetic stream moves BTC by returns
 * rB ~ N(0, 1%) and ETH by BETA x rB + N(0, 0.3%) every second, so the minimum-variance ratio of ETH returns on BTC
 * returns is BETA and the R squared BETA^2 sB^2 / (BETA^2 sB^2 + sE^2) = 0.956.
 */
class CrossHedgeTest
{
    private static final int BTC = 1;
    private static final int ETH = 2;
    private static final int BTC_PERP = 10;
    private static final int CALL = 200;
    private static final double BTC_CONTRACT = 0.001;
    private static final double BETA = 1.4;
    private static final long STEP_NS = 1_000_000_000L;
    private static final long EXPIRY = TestFrames.T0 + 60L * 86_400_000_000_000L;

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HedgeDecisionDecoder decision = new HedgeDecisionDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();

    private static LogicContext context(final RatioEstimator estimator, final int minObservations)
    {
        return TestContexts.logic()
            .policy(new PolicyContext().trigger().bandUnderlying(0.5))
            .underlyingPolicy(ETH, new PolicyContext().trigger().bandUnderlying(2.0).ratio().hedgeUnderlying(BTC)
                .estimator().ratioEstimator(estimator).estimator().ratioWindow(400).estimator().ratioHalfLife(200.0)
                    .estimator().ratioSampleNs(STEP_NS)
                .estimator().kalmanProcessVariance(1e-8).estimator().kalmanObservationVariance(1e-5)
                .estimator().minObservations(minObservations).estimator().minEffectiveness(0.8));
    }

    /**
     * The synthetic market, fed frame by frame to a logic (and, once set, to a mirror whose output must be the
     * same byte for byte); it fills every order at its limit price.
     */
    private final class Market extends MirroredMarket
    {
        final SplittableRandom random = new SplittableRandom(42);
        double btc = 60_000.0;
        double eth = 3_000.0;

        Market(final HedgeLogic logic)
        {
            super(logic, out, header, decision, order);
        }

        void setUp()
        {
            send(frames.perpetual(BTC_PERP, BTC, Settlement.LINEAR, BTC_CONTRACT, 0.5));
            send(frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, eth, EXPIRY));
            send(frames.ticker(CALL, 0.6, eth));
            send(frames.quote(BTC_PERP, btc - 0.5, btc + 0.5));
            send(frames.index(BTC, btc));
            send(frames.index(ETH, eth));
            send(frames.optionTrade(CALL, -100.0, 200.0));
        }

        /** One second: BTC and ETH move; returns the output length of the last frame, ETH's index (in out). */
        @Override
        int step()
        {
            frames.advance(STEP_NS);
            final double rb = 0.01 * random.nextGaussian();
            btc *= 1.0 + rb;
            eth *= 1.0 + BETA * rb + 0.003 * random.nextGaussian();
            send(frames.quote(BTC_PERP, btc - 0.5, btc + 0.5));
            send(frames.index(BTC, btc));
            return send(frames.index(ETH, eth));
        }

        /**
         * Feeds a frame, its output into out (decision decoded when there is one), and fills the order it sent,
         * if any (the fill's output goes elsewhere); returns the frame's output length.
         */
        int send(final int length)
        {
            final int written = feed(length, out);
            if (written > 0 && hasOrder())
            {
                feed(frames.execution(order.orderId(), BTC_PERP, order.side(), ExecType.FILL,
                    Fixed8.toDouble(order.quantity()), Fixed8.toDouble(order.limitPrice())), fillOut);
            }
            return written;
        }
    }

    @Test
    void shouldWaitForTheRatioThenHedgeByTheEstimatedRatioAndKeepTheHedgeOutOfTheOtherBook()
    {
        final int minObservations = 300;
        try (HedgeLogic logic = new HedgeLogic(context(RatioEstimator.OLS, minObservations)))
        {
            final Market market = new Market(logic);
            market.setUp();
            market.readDecision();
            assertEquals(ETH, decision.underlyingId());
            assertEquals(DecisionReason.RATIO_NOT_READY, decision.reason());
            assertEquals(RiskVerdict.REJECTED_NO_ORDER, decision.verdict());
            assertEquals(0.0, decision.hedgeRatio());

            int notReady = 0;
            int steps = 0;
            boolean ordered = false;
            while (!ordered)
            {
                steps++;
                assertTrue(steps <= minObservations + 2, "an order once the ratio is ready");
                if (market.step() > 0)
                {
                    notReady += decision.reason() == DecisionReason.RATIO_NOT_READY ? 1 : 0;
                    ordered = decision.verdict() == RiskVerdict.ACCEPTED;
                }
            }
            assertEquals(minObservations, steps, "the first order with the last sample needed");
            assertEquals(minObservations - 1, notReady, "a decision without order every second until then");
            assertEquals(BETA, decision.hedgeRatio(), 0.06, "OLS ratio of " + minObservations + " samples");
            assertEquals(0.956, decision.hedgeEffectiveness(), 0.03);
            final double contracts = -decision.deltaBefore() * decision.hedgeRatio() * market.eth / market.btc /
                BTC_CONTRACT;
            assertEquals(BTC_PERP, order.instrumentId());
            assertEquals(Side.BUY, order.side());
            assertEquals(contracts, Fixed8.toDouble(order.quantity()), 0.51, "h* x delta x S_ETH / S_BTC");
            assertEquals(0.0, decision.deltaAfter(), 0.01, "the ETH equivalent of the BTC order offsets the delta");

            assertEquals(0, market.send(market.frames.index(BTC, market.btc)), "BTC does not hedge ETH's hedge");
            assertEquals(0, market.send(market.frames.index(ETH, market.eth)), "ETH counts its filled BTC hedge");
        }
    }

    @ParameterizedTest
    @EnumSource(RatioEstimator.class)
    void shouldContinueFromASnapshotExactlyAsTheOriginal(final RatioEstimator estimator)
    {
        try (HedgeLogic original = new HedgeLogic(context(estimator, 50));
            HedgeLogic restored = new HedgeLogic(context(estimator, 50)))
        {
            final Market market = new Market(original);
            market.setUp();
            market.assertContinuesFromSnapshot(restored, 300);
        }
    }
}
