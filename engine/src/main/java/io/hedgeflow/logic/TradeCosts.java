package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * What an underlying's hedging has cost, for reports: fills, fees, and the spread and slippage paid against the
 * hedge instrument's mid when the fill arrives, in the instrument's settlement currency (the book currency):
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

    void onFill(final double qty, final double price, final double mid, final double fee, final double contractSize,
        final boolean inverse)
    {
        fills++;
        contracts += Math.abs(qty);
        fees += fee;
        if (mid > 0.0)
        {
            slippage += inverse ? qty * contractSize * (1.0 / mid - 1.0 / price) : qty * contractSize * (price - mid);
        }
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
