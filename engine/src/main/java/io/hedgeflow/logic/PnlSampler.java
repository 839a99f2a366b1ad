package io.hedgeflow.logic;

import io.hedgeflow.greeks.GreekVectors;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * Mark-to-market P&amp;L of one underlying's book, sampled at logic-time intervals, with and without its hedges.
 * Each sample's increment is the previous sample's positions times the price changes since (trading P&amp;L at
 * the marks is excluded), in the book's currency: coin when the hedge instrument is inverse, USD when linear.
 * Running mean and variance by Welford's method.
 */
final class PnlSampler
{
    private final double[] optionQuantity;
    private final double[] optionPrice;
    private final double[] deltaOnePosition;
    private final double[] deltaOnePrice;
    private boolean primed;
    long nextSampleNs;
    private long samples;
    private double meanUnhedged;
    private double m2Unhedged;
    private double meanHedged;
    private double m2Hedged;
    private double cumulativeHedged;
    private double peakHedged;

    PnlSampler(final int maxOptions, final int maxDeltaOne)
    {
        optionQuantity = new double[maxOptions];
        optionPrice = new double[maxOptions];
        deltaOnePosition = new double[maxDeltaOne];
        deltaOnePrice = new double[maxDeltaOne];
    }

    /** Takes a sample (option prices at the book's last refresh). */
    void sample(final UnderlyingBook book, final Instruments ins)
    {
        final boolean bookInverse = ins.inverse[book.hedgeInstrument];
        final double s = book.indexPrice;
        final GreekVectors greeks = book.firstOrder();
        double unhedged = 0.0;
        for (int slot = 0, n = book.optionCount(); slot < n; slot++)
        {
            final int i = book.optionInstrument[slot];
            final double price = greeks.price(slot);
            final double change = optionQuantity[slot] * ins.contractSize[i] * (price - optionPrice[slot]);
            unhedged += toBookCurrency(change, ins.inverse[i], bookInverse, s);
            optionQuantity[slot] = greeks.quantity(slot);
            optionPrice[slot] = price;
        }
        double hedge = 0.0;
        for (int k = 0; k < book.deltaOneCount; k++)
        {
            final int i = book.deltaOneInstrument[k];
            final double mid = ins.mid(i);
            if (mid > 0.0 && deltaOnePrice[k] > 0.0)
            {
                final double change = ins.inverse[i] ?
                    deltaOnePosition[k] * ins.contractSize[i] * (1.0 / deltaOnePrice[k] - 1.0 / mid) :
                    deltaOnePosition[k] * ins.contractSize[i] * (mid - deltaOnePrice[k]);
                hedge += toBookCurrency(change, ins.inverse[i], bookInverse, s);
            }
            deltaOnePosition[k] = ins.position[i];
            deltaOnePrice[k] = mid > 0.0 ? mid : deltaOnePrice[k];
        }
        if (primed)
        {
            record(unhedged, unhedged + hedge);
            cumulativeHedged += unhedged + hedge;
            peakHedged = Math.max(peakHedged, cumulativeHedged);
        }
        primed = true;
    }

    private static double toBookCurrency(final double change, final boolean inverse, final boolean bookInverse, final double s)
    {
        if (inverse == bookInverse)
        {
            return change;
        }
        return inverse ? change * s : change / s;
    }

    private void record(final double unhedged, final double hedged)
    {
        samples++;
        final double du = unhedged - meanUnhedged;
        meanUnhedged += du / samples;
        m2Unhedged += du * (unhedged - meanUnhedged);
        final double dh = hedged - meanHedged;
        meanHedged += dh / samples;
        m2Hedged += dh * (hedged - meanHedged);
    }

    void writeTo(final StateWriter out, final int options, final int deltaOnes)
    {
        out.putDoubles(optionQuantity, options);
        out.putDoubles(optionPrice, options);
        out.putDoubles(deltaOnePosition, deltaOnes);
        out.putDoubles(deltaOnePrice, deltaOnes);
        out.putBoolean(primed);
        out.putLong(nextSampleNs);
        out.putLong(samples);
        out.putDouble(meanUnhedged);
        out.putDouble(m2Unhedged);
        out.putDouble(meanHedged);
        out.putDouble(m2Hedged);
        out.putDouble(cumulativeHedged);
        out.putDouble(peakHedged);
    }

    void readFrom(final StateReader in, final int options, final int deltaOnes)
    {
        in.getDoubles(optionQuantity, options);
        in.getDoubles(optionPrice, options);
        in.getDoubles(deltaOnePosition, deltaOnes);
        in.getDoubles(deltaOnePrice, deltaOnes);
        primed = in.getBoolean();
        nextSampleNs = in.getLong();
        samples = in.getLong();
        meanUnhedged = in.getDouble();
        m2Unhedged = in.getDouble();
        meanHedged = in.getDouble();
        m2Hedged = in.getDouble();
        cumulativeHedged = in.getDouble();
        peakHedged = in.getDouble();
    }

    /** Fall of the cumulative hedged P&amp;L from its peak, book currency. */
    double drawdown()
    {
        return peakHedged - cumulativeHedged;
    }

    long samples()
    {
        return samples;
    }

    double sdUnhedged()
    {
        return samples > 1 ? Math.sqrt(m2Unhedged / (samples - 1)) : 0.0;
    }

    double sdHedged()
    {
        return samples > 1 ? Math.sqrt(m2Hedged / (samples - 1)) : 0.0;
    }
}
