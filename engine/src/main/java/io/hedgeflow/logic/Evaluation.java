package io.hedgeflow.logic;

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
    double deltaPerContract;
    double orderQty;
    double limitPrice;
    long orderId;

    void clearOrder()
    {
        orderQty = 0.0;
        limitPrice = 0.0;
        orderId = 0L;
    }
}
