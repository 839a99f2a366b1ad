package io.hedgeflow.logic;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of every policy over random streams (seeded, 200 streams of 400 inputs: index moves, client option
 * trades, depth snapshots, fills, rejects and cancels), linear and inverse perpetuals of random contract and lot
 * size, random targets, hedge-to rules and slippage caps, judged by an independent model of positions and orders in flight:
 * <ul>
 * <li>after a hedge fills (and nothing else moved), the residual delta is within one lot of the target (within
 * the band when hedging to its edge);</li>
 * <li>an order is never sent for delta already covered by orders in flight: every decision's delta counts every
 * open order, and a band decision is taken only outside the band so counted;</li>
 * <li>rounding never flips the hedge's side: every order is whole lots on the side that closes the gap;</li>
 * <li>sizing never exceeds the slippage cap on the depth it was given.</li>
 * </ul>
 */
class HedgePolicyPropertyTest
{
    private static final int UNDERLYING = 1;
    private static final int PERP = 10;
    private static final int FIRST_OPTION = 100;
    private static final int OPTIONS = 3;
    private static final PolicyType[] TYPES = {
        PolicyType.TIME_INTERVAL, PolicyType.FIXED_BAND, PolicyType.GAMMA_BAND, PolicyType.WHALLEY_WILMOTT,
        PolicyType.ZAKAMOULINE};

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HedgeDecisionDecoder decision = new HedgeDecisionDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private final TestFrames frames = new TestFrames();
    private final ArrayDeque<double[]> open = new ArrayDeque<>();
    private SplittableRandom random;
    private HedgeLogic logic;
    private PolicyContext policy;
    private boolean inverse;
    private double contractSize;
    private double lot;
    private double spot;
    private double position;
    private double inFlight;
    private long ringSequence;
    private boolean depth;

    @RepeatedTest(200)
    void shouldHedgeWithinALotNeverTwiceAndNeverAgainstTheGap(final RepetitionInfo repetition)
    {
        random = new SplittableRandom(repetition.getCurrentRepetition());
        inverse = random.nextBoolean();
        contractSize = inverse ? 10.0 : new double[]{0.01, 0.1, 1.0}[random.nextInt(3)];
        lot = new double[]{0.1, 1.0, 5.0}[random.nextInt(3)];
        spot = inverse ? 100_000.0 : 3_000.0;
        policy = new PolicyContext().type(TYPES[random.nextInt(TYPES.length)])
            .trigger().hedgeTo(HedgeTo.values()[random.nextInt(HedgeTo.values().length)])
            .trigger().targetDelta(random.nextDouble(-5.0, 5.0)).trigger().bandUnderlying(random.nextDouble(0.5, 5.0))
            .trigger().intervalNs(1_000_000L * (1 + random.nextInt(50))).trigger().riskAversion(Math.pow(10,
                -random.nextInt(3, 7)))
            .sizing().slippageCapBps(random.nextBoolean() ? 0.0 : random.nextDouble(0.5, 20.0));
        try (HedgeLogic hedgeLogic = new HedgeLogic(TestContexts.logic().policy(policy)))
        {
            logic = hedgeLogic;
            define();
            for (int step = 0; step < 400; step++)
            {
                step();
            }
        }
    }

    @RepeatedTest(20)
    void shouldRoundToTheLotWithoutFlippingTheSide(final RepetitionInfo repetition)
    {
        final SplittableRandom r = new SplittableRandom(repetition.getCurrentRepetition());
        for (int k = 0; k < 10_000; k++)
        {
            final double lotSize = Math.pow(10, r.nextInt(-4, 3)) * (1 + r.nextInt(5));
            final double contracts = r.nextGaussian() * lotSize * Math.pow(10, r.nextInt(0, 4));
            final double rounded = HedgeSizing.roundToLot(contracts, lotSize);
            assertTrue(rounded == 0.0 || Math.signum(rounded) == Math.signum(contracts), contracts + " -> " + rounded);
            assertTrue(Math.abs(rounded - contracts) <= lotSize / 2 * (1 + 1e-9), contracts + " -> " + rounded);
        }
    }

    private void define()
    {
        final Settlement settlement = inverse ? Settlement.INVERSE : Settlement.LINEAR;
        feed(frames.perpetual(PERP, UNDERLYING, settlement, contractSize, 0.5, lot));
        for (int k = 0; k < OPTIONS; k++)
        {
            final long expiry = TestFrames.T0 + (7L + 20L * k) * 86_400_000_000_000L;
            final OptionType type = k % 2 == 0 ? OptionType.CALL : OptionType.PUT;
            feed(frames.option(FIRST_OPTION + k, UNDERLYING, settlement, type, spot * (0.9 + 0.1 * k), expiry));
            feed(frames.ticker(FIRST_OPTION + k, 0.4 + 0.1 * k, spot));
        }
        move(0.0);
    }

    private void step()
    {
        final int event = random.nextInt(10);
        if (event < 4)
        {
            move(random.nextGaussian() * 0.003);
        }
        else if (event < 6)
        {
            final double lots = random.nextInt(1, 30) * (random.nextBoolean() ? 1.0 : -1.0);
            check(feed(frames.optionTrade(FIRST_OPTION + random.nextInt(OPTIONS), lots, 0.01)));
        }
        else if (!open.isEmpty())
        {
            final double[] o = open.poll();
            final boolean fill = event < 9;
            final ExecType type = fill ? ExecType.FILL : (event == 9 ? ExecType.CANCELED : ExecType.REJECTED);
            inFlight -= o[1];
            position += fill ? o[1] : 0.0;
            final int length = frames.execution((long)o[0], PERP, o[1] > 0 ? Side.BUY : Side.SELL, type,
                fill ? Math.abs(o[1]) : 0.0, spot);
            final boolean settled = feed(length) == 0 && open.isEmpty() && o[2] == ringSequence - 2;
            if (fill && settled)
            {
                residual(o);
            }
            check(outputLength);
        }
    }

    /** Contracts the policy's rule asks for before the slippage cap: to the target, or into the band (EDGE). */
    private double wanted(final boolean toEdge)
    {
        final double dpc = deltaPerContract();
        final double toTarget = HedgeSizing.roundToLot(-(decision.deltaBefore() - decision.targetDelta()) / dpc, lot);
        if (!toEdge)
        {
            return toTarget;
        }
        final double lots = Math.ceil(Math.abs(decision.deltaBefore() - decision.aimDelta()) / dpc / lot - 1e-9);
        return Math.copySign(Math.min(lots * lot, Math.abs(toTarget)), toTarget);
    }

    /**
     * The order filled right after its decision, alone, and was not cut by the slippage cap: the residual is within
     * a lot of its aim's rule.
     */
    private void residual(final double[] o)
    {
        final double residual = logic.report(0).hedgedDelta() - policy.trigger().targetDelta();
        final double lotDelta = lot * deltaPerContract();
        if (Double.isNaN(o[3]))
        {
            return;
        }
        if (o[3] == 0.0)
        {
            assertTrue(Math.abs(residual) <= lotDelta + 1e-9, "within one lot of the target: " + residual);
        }
        else
        {
            assertTrue(Math.abs(residual) <= o[3] + 1e-9, "inside the band after an edge hedge: " + residual);
        }
    }

    private void move(final double logReturn)
    {
        spot *= Math.exp(logReturn);
        final double bid = Math.floor(spot * 2) / 2 - 0.5;
        feed(frames.quote(PERP, bid, bid + 1.0));
        if (random.nextInt(3) == 0)
        {
            feed(frames.book(PERP, levels(bid, -0.5), levels(bid + 1.0, 0.5)));
            depth = true;
        }
        check(feed(frames.index(UNDERLYING, spot)));
    }

    /** Five levels from the touch, random sizes of 1 to 20 lots. */
    private double[][] levels(final double touch, final double step)
    {
        final double[][] levels = new double[5][];
        for (int k = 0; k < levels.length; k++)
        {
            levels[k] = new double[]{touch + k * step, lot * random.nextInt(1, 21)};
        }
        return levels;
    }

    private int outputLength;

    private int feed(final int length)
    {
        outputLength = logic.onFrame(frames.buffer, 0, length, ringSequence++, out, 0);
        return outputLength;
    }

    /** Checks every decision with an order in the output of the last input against the model. */
    private void check(final int length)
    {
        int offset = 0;
        while (offset < length)
        {
            header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
            if (header.templateId() == HedgeDecisionDecoder.TEMPLATE_ID)
            {
                decision.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
                if (decision.orderId() != 0)
                {
                    checkOrder();
                }
            }
            offset += FrameHeader.frameLength(out, offset);
        }
    }

    private void checkOrder()
    {
        final double qty = Fixed8.toDouble(decision.orderQty());
        final double modelDelta = logic.report(0).unhedgedDelta() + (position + inFlight) * deltaPerContract();
        assertEquals(modelDelta, decision.deltaBefore(), 1e-9 * (1 + Math.abs(modelDelta)),
            "every order in flight counted");
        final double gap = decision.aimDelta() - decision.deltaBefore();
        assertEquals(Math.signum(gap), Math.signum(qty), "the side that closes the gap");
        assertEquals(Math.rint(qty / lot), qty / lot, 1e-6, "whole lots");
        final double before = Math.abs(decision.deltaBefore() - decision.targetDelta());
        final double after = Math.abs(decision.deltaAfter() - decision.targetDelta());
        assertTrue(after < before, "closer to the target");
        final boolean toEdge = decision.aimDelta() != decision.targetDelta();
        final double lotDelta = lot * deltaPerContract();
        final double wanted = wanted(toEdge);
        assertTrue(Math.abs(qty) <= Math.abs(wanted) + 1e-9, "never more than the rule asks: " + qty + " " + wanted);
        final boolean capped = Math.abs(qty) < Math.abs(wanted) - 1e-9;
        assertTrue(!capped || depth && policy.sizing().slippageCapBps() > 0.0, "only the slippage cap cuts an order");
        assertTrue(capped || after <= (toEdge ? Math.max(decision.band(), lotDelta / 2) : lotDelta / 2) + 1e-9,
            "to the target within half a lot, or into the band: " + after);
        if (depth && policy.sizing().slippageCapBps() > 0.0)
        {
            assertTrue(decision.expectedSlippageBps() <= policy.sizing().slippageCapBps() + 1e-9,
                "within the slippage cap on the depth it was given: " + decision.expectedSlippageBps());
        }
        if (policy.type() != PolicyType.TIME_INTERVAL)
        {
            assertTrue(decision.triggerValue() > decision.band(), "only outside the band, orders in flight counted");
        }
        final double edge = capped ? Double.NaN : toEdge ? Math.max(decision.band(), lotDelta / 2) : 0.0;
        open.add(new double[]{decision.orderId(), qty, ringSequence - 1, edge});
        inFlight += qty;
    }

    private double deltaPerContract()
    {
        return inverse ? contractSize / spot : contractSize;
    }
}
