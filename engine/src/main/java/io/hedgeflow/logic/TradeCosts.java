package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * What an underlying's hedging has cost, for reports: fills, fees, and the spread and slippage paid against the
 * traded instrument's mid when the fill arrives, in the book currency (the hedge perpetual's settlement currency;
 * a fill of an instrument settled otherwise is converted at the index):
 * <pre>
 *   linear   slippage = q x size x (price - mid)           q signed contracts (buy &gt; 0)
 *   inverse  slippage = q x face x (1 / mid - 1 / price)   coin
 * </pre>
 * Positive is a cost. The mean absolute hedged delta (orders in flight excluded) is sampled with the P&amp;L.
 */
final class TradeCosts
{
    long fills;
    double contracts;
    double fees;
    double slippage;
    long deltaSamples;
    double sumAbsDelta;

    /**
     * Adds a fill of an instrument settled inverse (coin) or linear (USD), converted to the book currency at the
     * index price s when they differ.
     */
    void onFill(final double qty, final double price, final double mid, final double fee, final double contractSize,
        final boolean inverse, final boolean bookInverse, final double s)
    {
        fills++;
        contracts += Math.abs(qty);
        final double slip = !(mid > 0.0) ? 0.0 :
            inverse ? qty * contractSize * (1.0 / mid - 1.0 / price) : qty * contractSize * (price - mid);
        final double toBook = inverse == bookInverse ? 1.0 : inverse ? s : 1.0 / s;
        fees += fee * toBook;
        slippage += slip * toBook;
    }

    void sampleDelta(final double delta)
    {
        deltaSamples++;
        sumAbsDelta += Math.abs(delta);
    }

    double meanAbsDelta()
    {
        return deltaSamples > 0 ? sumAbsDelta / deltaSamples : 0.0;
    }

    void writeTo(final StateWriter out)
    {
        out.putLong(fills);
        out.putDouble(contracts);
        out.putDouble(fees);
        out.putDouble(slippage);
        out.putLong(deltaSamples);
        out.putDouble(sumAbsDelta);
    }

    void readFrom(final StateReader in)
    {
        fills = in.getLong();
        contracts = in.getDouble();
        fees = in.getDouble();
        slippage = in.getDouble();
        deltaSamples = in.getLong();
        sumAbsDelta = in.getDouble();
    }
}
