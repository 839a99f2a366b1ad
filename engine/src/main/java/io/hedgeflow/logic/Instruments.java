package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import org.agrona.collections.Int2IntHashMap;

/**
 * Registry of instruments from InstrumentDefinition messages: dense indices, parallel primitive columns.
 * Lookups by wire id go through an open-addressing map (no iteration, so hash order never matters); everything
 * else is indexed by the dense index assigned in arrival order, which is deterministic.
 */
final class Instruments
{
    static final int MISSING = -1;
    private static final double BPS = 1e4;

    private final Int2IntHashMap indexById;
    final int[] id;
    final int[] underlying;
    final InstrumentKind[] kind;
    final boolean[] inverse;
    final boolean[] call;
    final double[] contractSize;
    final double[] tickSize;
    final double[] lotSize;
    final double[] minSize;
    final double[] strike;
    final long[] expiryNs;
    final double[] bid;
    final double[] ask;
    final double[] position;
    final double[] inFlight;
    /** Parts of position and inFlight that other underlyings' cross hedges hold ({@link CrossHedge}). */
    final double[] heldForOthers;
    final double[] inFlightForOthers;
    /** A perpetual's last funding rate per 8 hours (fraction; a long position pays a positive rate), else 0. */
    final double[] fundingRate;
    final int[] greekSlot;
    /** Fee rates of the definition (fractions of notional), NaN when it gave none: see {@link #takerFeeBps}. */
    final double[] makerFee;
    final double[] takerFee;
    private int count;

    Instruments(final int capacity)
    {
        indexById = new Int2IntHashMap(capacity * 2, 0.5f, MISSING);
        id = new int[capacity];
        underlying = new int[capacity];
        kind = new InstrumentKind[capacity];
        inverse = new boolean[capacity];
        call = new boolean[capacity];
        contractSize = new double[capacity];
        tickSize = new double[capacity];
        lotSize = new double[capacity];
        minSize = new double[capacity];
        strike = new double[capacity];
        expiryNs = new long[capacity];
        bid = new double[capacity];
        ask = new double[capacity];
        position = new double[capacity];
        inFlight = new double[capacity];
        heldForOthers = new double[capacity];
        inFlightForOthers = new double[capacity];
        fundingRate = new double[capacity];
        greekSlot = new int[capacity];
        makerFee = new double[capacity];
        takerFee = new double[capacity];
    }

    int capacity()
    {
        return id.length;
    }

    /**
     * Reads one element of each cache line of every array in use (what a decision's account and risk checks walk),
     * changing nothing: for {@link HedgeLogic#warm}. Returns a checksum of what was read.
     */
    long warm()
    {
        long sum = 0;
        for (int i = 0; i < count; i += Long.BYTES)
        {
            sum += Double.doubleToRawLongBits(contractSize[i] + tickSize[i] + lotSize[i] + minSize[i] + strike[i] +
                bid[i] + ask[i] + position[i] + inFlight[i] + heldForOthers[i] + inFlightForOthers[i] +
                fundingRate[i] + makerFee[i] + takerFee[i]) + expiryNs[i];
        }
        for (int i = 0; i < count; i += Integer.BYTES * 2)
        {
            sum += id[i] + underlying[i] + greekSlot[i] + (inverse[i] ? 1 : 0) + (call[i] ? 1 : 0) +
                (kind[i] == null ? 0 : kind[i].ordinal());
        }
        return sum;
    }

    int count()
    {
        return count;
    }

    /** Dense index of a wire id, or {@link #MISSING}. */
    int indexOf(final int instrumentId)
    {
        return indexById.get(instrumentId);
    }

    /** Adds an instrument; the caller has checked it is new and that there is room. */
    int add(
        final int instrumentId,
        final int underlyingIndex,
        final InstrumentKind kind,
        final Settlement settlement,
        final OptionType optionType,
        final double contractSize,
        final double tickSize,
        final double lotSize,
        final double minSize,
        final double strike,
        final long expiryNs)
    {
        final int i = count++;
        indexById.put(instrumentId, i);
        id[i] = instrumentId;
        underlying[i] = underlyingIndex;
        this.kind[i] = kind;
        inverse[i] = settlement == Settlement.INVERSE;
        call[i] = optionType == OptionType.CALL;
        this.contractSize[i] = contractSize;
        this.tickSize[i] = tickSize;
        this.lotSize[i] = lotSize;
        this.minSize[i] = minSize;
        this.strike[i] = strike;
        this.expiryNs[i] = expiryNs;
        greekSlot[i] = MISSING;
        makerFee[i] = Double.NaN;
        takerFee[i] = Double.NaN;
        return i;
    }

    /**
     * The fee rule: the taker fee of an instrument in bps of notional is its definition's when the definition gave
     * one (InstrumentDefinition.takerFee, schema version 3), else the configured fee for its kind.
     */
    double takerFeeBps(final int i, final double configuredBps)
    {
        return Double.isNaN(takerFee[i]) ? configuredBps : takerFee[i] * BPS;
    }

    /** The fee columns, appended at the end of the logic snapshot (version 5). */
    void writeFeesTo(final StateWriter out)
    {
        for (int i = 0; i < count; i++)
        {
            out.putDouble(makerFee[i]);
            out.putDouble(takerFee[i]);
        }
    }

    void readFeesFrom(final StateReader in)
    {
        for (int i = 0; i < count; i++)
        {
            makerFee[i] = in.getDouble();
            takerFee[i] = in.getDouble();
        }
    }

    void writeTo(final StateWriter out)
    {
        out.putInt(count);
        for (int i = 0; i < count; i++)
        {
            out.putInt(id[i]);
            out.putInt(underlying[i]);
            out.putInt(kind[i].value());
            out.putBoolean(inverse[i]);
            out.putBoolean(call[i]);
            out.putDouble(contractSize[i]);
            out.putDouble(tickSize[i]);
            out.putDouble(lotSize[i]);
            out.putDouble(minSize[i]);
            out.putDouble(strike[i]);
            out.putLong(expiryNs[i]);
            out.putDouble(bid[i]);
            out.putDouble(ask[i]);
            out.putDouble(position[i]);
            out.putDouble(inFlight[i]);
            out.putDouble(heldForOthers[i]);
            out.putDouble(inFlightForOthers[i]);
            out.putDouble(fundingRate[i]);
            out.putInt(greekSlot[i]);
        }
    }

    /** Restores into an empty registry. */
    void readFrom(final StateReader in)
    {
        final int n = in.getInt();
        if (n < 0 || n > capacity())
        {
            throw new IllegalArgumentException("snapshot holds " + n + " instruments, capacity is " + capacity());
        }
        for (int i = 0; i < n; i++)
        {
            id[i] = in.getInt();
            indexById.put(id[i], i);
            underlying[i] = in.getInt();
            kind[i] = InstrumentKind.get((short)in.getInt());
            inverse[i] = in.getBoolean();
            call[i] = in.getBoolean();
            contractSize[i] = in.getDouble();
            tickSize[i] = in.getDouble();
            lotSize[i] = in.getDouble();
            minSize[i] = in.getDouble();
            strike[i] = in.getDouble();
            expiryNs[i] = in.getLong();
            bid[i] = in.getDouble();
            ask[i] = in.getDouble();
            position[i] = in.getDouble();
            inFlight[i] = in.getDouble();
            heldForOthers[i] = in.getDouble();
            inFlightForOthers[i] = in.getDouble();
            fundingRate[i] = in.getDouble();
            greekSlot[i] = in.getInt();
        }
        count = n;
    }

    /** Mid price, or NaN when either side is missing. */
    double mid(final int i)
    {
        return bid[i] > 0.0 && ask[i] > 0.0 ? 0.5 * (bid[i] + ask[i]) : Double.NaN;
    }

    /**
     * Coin delta of one contract of a linear or inverse delta-one instrument at the given underlying price:
     * linear = contract size in units of underlying; inverse = USD face / price.
     */
    double deltaPerContract(final int i, final double underlyingPrice)
    {
        return inverse[i] ? contractSize[i] / underlyingPrice : contractSize[i];
    }
}
