package io.hedgeflow.logic;

/**
 * One underlying's risk at the end of a session, for reports (not on the hot path).
 *
 * @param underlyingId   wire id of the underlying.
 * @param indexPrice     last index price, USD.
 * @param unhedgedDelta  delta of the options alone, units of underlying.
 * @param hedgedDelta    options plus every delta-one position held (orders in flight excluded).
 * @param pnlSamples     number of P&amp;L increments sampled.
 * @param pnlSdUnhedged  standard deviation of the options' P&amp;L per sample, book currency.
 * @param pnlSdHedged    the same with the hedges.
 * @param inverse        true when the book currency is the coin (inverse hedge instrument), false for USD.
 * @param policy         the underlying's hedging policy.
 * @param fills          hedge fills.
 * @param contracts      hedge contracts traded (sum of abs fill quantities).
 * @param fees           fees paid, book currency.
 * @param slippage       spread and slippage paid against the mid at each fill, book currency.
 * @param meanAbsDelta   mean abs hedged delta at the P&amp;L samples, units of underlying.
 */
public record UnderlyingReport(
    int underlyingId,
    double indexPrice,
    double unhedgedDelta,
    double hedgedDelta,
    long pnlSamples,
    double pnlSdUnhedged,
    double pnlSdHedged,
    boolean inverse,
    PolicyType policy,
    long fills,
    double contracts,
    double fees,
    double slippage,
    double meanAbsDelta)
{
    /** Converts an amount in book currency to USD at the index price. */
    public double toUsd(final double amount)
    {
        return inverse ? amount * indexPrice : amount;
    }
}
