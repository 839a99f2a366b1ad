package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.HedgeDecisionEncoder;
import io.hedgeflow.codecs.NewOrderEncoder;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import org.agrona.MutableDirectBuffer;

/**
 * Encodes the logic's outbound frames (HedgeDecision, NewOrder) on the decision channel, with its own gap-free
 * sequence, stamped with logic time. Output for one input is appended to the caller's buffer.
 */
final class DecisionProxy
{
    private final FrameEncoder frameEncoder = new FrameEncoder();
    private final HedgeDecisionEncoder decisionEncoder = new HedgeDecisionEncoder();
    private final NewOrderEncoder orderEncoder = new NewOrderEncoder();
    private final int channel;
    private long sequence;
    private MutableDirectBuffer out;
    private int position;

    DecisionProxy(final int channel)
    {
        this.channel = channel;
    }

    long sequence()
    {
        return sequence;
    }

    void sequence(final long value)
    {
        sequence = value;
    }

    /** Starts the output of one input at offset. */
    void wrap(final MutableDirectBuffer out, final int offset)
    {
        this.out = out;
        this.position = offset;
    }

    /** Bytes written since wrap. */
    int position()
    {
        return position;
    }

    void decision(
        final long nowNs,
        final Evaluation e,
        final long triggerSequence,
        final int triggerChannel,
        final DecisionReason reason,
        final RiskVerdict verdict)
    {
        frameEncoder.begin(out, position, decisionEncoder, channel, ++sequence, nowNs);
        decisionEncoder
            .decisionId(sequence)
            .triggerSequence(triggerSequence)
            .triggerChannel(triggerChannel)
            .underlyingId(e.underlyingId)
            .hedgeInstrumentId(e.hedgeInstrumentId)
            .policy(e.policy)
            .reason(reason)
            .verdict(verdict)
            .deltaBefore(e.delta)
            .deltaAfter(e.orderQty == 0.0 ? e.delta : e.delta + e.orderQty * e.deltaPerContract)
            .gamma(e.gamma)
            .vega(e.vega)
            .targetDelta(e.target)
            .band(e.band)
            .underlyingPrice(Fixed8.fromDouble(e.underlyingPrice))
            .orderQty(Fixed8.fromDouble(e.orderQty))
            .orderId(e.orderId)
            .triggerValue(e.triggerValue)
            .aimDelta(e.aim)
            .hedgeRatio(e.hedgeRatio)
            .hedgeEffectiveness(e.hedgeEffectiveness)
            .expectedSlippageBps(e.expectedSlippageBps)
            .volatility(e.volatility)
            .deltaAdjustment(e.deltaAdjustment);
        position += frameEncoder.end(decisionEncoder);
    }

    void order(final long nowNs, final Evaluation e, final long triggerSequence)
    {
        frameEncoder.begin(out, position, orderEncoder, channel, ++sequence, nowNs);
        orderEncoder
            .orderId(e.orderId)
            .instrumentId(e.hedgeInstrumentId)
            .side(e.orderQty > 0.0 ? Side.BUY : Side.SELL)
            .quantity(Fixed8.fromDouble(Math.abs(e.orderQty)))
            .limitPrice(Fixed8.fromDouble(e.limitPrice))
            .triggerSequence(triggerSequence);
        position += frameEncoder.end(orderEncoder);
    }
}
