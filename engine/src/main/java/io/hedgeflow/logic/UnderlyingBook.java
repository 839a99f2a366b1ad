package io.hedgeflow.logic;

import io.hedgeflow.greeks.GreekVectors;

/**
 * Everything the logic keeps for one underlying: index price, the Greek vectors of its options, the delta-one
 * instruments that carry delta (perpetuals, futures, spot), the hedge instrument, and the P&amp;L sampler used
 * for the hedged versus unhedged report.
 */
final class UnderlyingBook implements AutoCloseable
{
    final int underlyingId;
    final GreekVectors vectors;
    final int[] optionInstrument;
    final int[] deltaOneInstrument;
    int deltaOneCount;
    int hedgeInstrument = Instruments.MISSING;
    double indexPrice;
    boolean dirty;
    long retryNotBeforeNs;
    final PnlSampler pnl;

    UnderlyingBook(final int underlyingId, final int maxOptions, final int maxDeltaOne)
    {
        this.underlyingId = underlyingId;
        this.vectors = new GreekVectors(maxOptions);
        this.optionInstrument = new int[maxOptions];
        this.deltaOneInstrument = new int[maxDeltaOne];
        this.pnl = new PnlSampler(maxOptions, maxDeltaOne);
    }

    int optionCount()
    {
        return vectors.size();
    }

    boolean hasRoomForOption()
    {
        return vectors.size() < optionInstrument.length;
    }

    boolean hasRoomForDeltaOne()
    {
        return deltaOneCount < deltaOneInstrument.length;
    }

    /** Adds an option instrument; returns its slot in the vectors. */
    int addOption(final Instruments ins, final int i)
    {
        final int slot = vectors.add(ins.call[i], ins.strike[i], ins.expiryNs[i], ins.inverse[i], ins.contractSize[i]);
        optionInstrument[slot] = i;
        return slot;
    }

    void addDeltaOne(final int i)
    {
        deltaOneInstrument[deltaOneCount++] = i;
    }

    /** Recomputes the option Greeks if an input changed since the last computation. */
    void refresh(final double rate, final double carry, final long nowNs)
    {
        if (dirty && indexPrice > 0.0)
        {
            vectors.compute(indexPrice, rate, carry, nowNs);
            dirty = false;
        }
    }

    /** Coin delta of the delta-one instruments; with inFlight, orders not yet filled count as filled. */
    double deltaOneDelta(final Instruments ins, final boolean inFlight)
    {
        double delta = 0.0;
        for (int k = 0; k < deltaOneCount; k++)
        {
            final int i = deltaOneInstrument[k];
            final double contracts = inFlight ? ins.position[i] + ins.inFlight[i] : ins.position[i];
            delta += contracts * ins.deltaPerContract(i, indexPrice);
        }
        return delta;
    }

    public void close()
    {
        vectors.close();
    }
}
