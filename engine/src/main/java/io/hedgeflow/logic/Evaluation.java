package io.hedgeflow.logic;

import io.hedgeflow.codecs.HedgePolicy;

/**
 * Scratch result of one hedge evaluation, reused (one instance per logic): what the decision record reports.
 * Delta quantities are in units of the underlying (coin); orderQty in signed contracts of the hedge instrument.
 */
final class Evaluation
{
    int underlyingId;
    int hedgeInstrumentId;
    double underlyingPrice;
    double delta;
    double gamma;
    double vega;
    double target;
    double band;
    /** What crossed the trigger (HedgeDecision.triggerValue). */
    double triggerValue;
    /** Delta the order aims for: the target, or the band edge. */
    double aim;
    double hedgeRatio;
    double hedgeEffectiveness;
    double expectedSlippageBps;
    double volatility;
    HedgePolicy policy;
    double deltaPerContract;
    double orderQty;
    double limitPrice;
    long orderId;

    void clearOrder()
    {
        orderQty = 0.0;
        limitPrice = 0.0;
        orderId = 0L;
        expectedSlippageBps = 0.0;
    }
}
