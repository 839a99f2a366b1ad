package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.greeks.GreekKernelType;
import io.hedgeflow.greeks.GreekVectors;

/**
 * Everything the logic keeps for one underlying: index price, the Greek vectors of its options, the delta-one
 * instruments that carry delta (perpetuals, futures, spot), the hedge instrument, its hedging policy and that
 * policy's state, and the P&amp;L sampler used for the hedged versus unhedged report.
 */
final class UnderlyingBook implements AutoCloseable
{
    final int underlyingId;
    /** Dense index of this book in {@link Books}. */
    final int index;
    final GreekVectors vectors;
    final int[] optionInstrument;
    final int[] deltaOneInstrument;
    int deltaOneCount;
    int hedgeInstrument = Instruments.MISSING;
    /** Bit set of the channels that have carried data of this book; any of them stale blocks hedging. */
    long channelMask;
    double indexPrice;
    boolean dirty;
    long retryNotBeforeNs;
    /** TIME_INTERVAL: logic time of the last rebalance (0 before the first) and of the next one due. */
    long lastRebalanceNs;
    long nextRebalanceNs;
    final PolicyContext policy;
    /** Spot and logic time the Greeks are due at (see {@link #refresh}), 0 before the first index price. */
    private double computedSpot;
    private long computedNs;
    /** Price and delta, and the other seven outputs, are not yet computed at computedSpot and computedNs. */
    private boolean firstOrderDue;
    private boolean secondOrderDue;
    private final double rate;
    private final double carry;
    final PnlSampler pnl;
    final TradeCosts costs = new TradeCosts();
    final DepthLevels depth = new DepthLevels();
    /** Ratio hedge state when the policy hedges with another underlying's perpetual or a future, else null. */
    final CrossHedge cross;
    /** The parent hedge being sent as clips, if any. */
    final ChildOrders children = new ChildOrders();
    /** How far the options' total delta can have moved since it was last computed. */
    final DeltaEnvelope envelope;

    UnderlyingBook(
        final int underlyingId,
        final int index,
        final int maxOptions,
        final int maxDeltaOne,
        final PolicyContext policy,
        final double rate,
        final double carry,
        final GreekKernelType kernel)
    {
        this.underlyingId = underlyingId;
        this.rate = rate;
        this.carry = carry;
        this.index = index;
        this.policy = policy;
        this.cross = policy.ratio().ratioHedge(underlyingId) ? new CrossHedge(policy) : null;
        this.vectors = new GreekVectors(maxOptions, kernel);
        this.optionInstrument = new int[maxOptions];
        this.deltaOneInstrument = new int[maxDeltaOne];
        this.pnl = new PnlSampler(maxOptions, maxDeltaOne);
        this.envelope = new DeltaEnvelope(rate, carry, maxOptions);
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
        envelope.add(slot, ins.strike[i], ins.expiryNs[i], ins.contractSize[i]);
        return slot;
    }

    /** Sets the position in contracts of the option in slot. */
    void quantity(final int slot, final double contracts)
    {
        envelope.onQuantity(slot, vectors.quantity(slot), contracts, vectors.vol(slot), vectors.delta(slot));
        vectors.quantity(slot, contracts);
        dirty = true;
    }

    /** Sets the implied volatility of the option in slot. */
    void vol(final int slot, final double vol)
    {
        envelope.onVol(slot, vectors.quantity(slot), vectors.vol(slot), vol);
        vectors.vol(slot, vol);
        dirty = true;
    }

    void addDeltaOne(final int i)
    {
        deltaOneInstrument[deltaOneCount++] = i;
    }

    /**
     * Makes the option Greeks due at the index price and nowNs if an input changed since they were last due; they
     * are computed when first read ({@link #firstOrder}, {@link #greeks}). Every read follows a refresh in the same
     * input, and a change of a volatility, a quantity or the index sets {@link #dirty}, so what is read has the bits
     * of a computation at the refresh, and an input that reads no Greek (a book that does not decide) computes none.
     */
    void refresh(final long nowNs)
    {
        if (dirty && indexPrice > 0.0)
        {
            due(indexPrice, nowNs);
            dirty = false;
        }
    }

    /**
     * The Greek vectors with price and delta (so {@link GreekVectors#totalDelta}) computed at the last refresh that
     * made them due, by the kernel without its other seven outputs ({@link GreekVectors#computeFirstOrder}:
     * the same bits as {@link #greeks} gives them). A band policy's trigger check reads no more than this.
     */
    GreekVectors firstOrder()
    {
        if (firstOrderDue)
        {
            vectors.computeFirstOrder(computedSpot, rate, carry, computedNs);
            envelope.anchor(vectors, computedSpot, computedNs);
            firstOrderDue = false;
        }
        return vectors;
    }

    /** The Greek vectors, all nine outputs computed by the kernel at the last refresh that made them due. */
    GreekVectors greeks()
    {
        if (secondOrderDue)
        {
            vectors.compute(computedSpot, rate, carry, computedNs);
            envelope.anchor(vectors, computedSpot, computedNs);
            firstOrderDue = false;
            secondOrderDue = false;
        }
        return vectors;
    }

    private void due(final double spot, final long nowNs)
    {
        computedSpot = spot;
        computedNs = nowNs;
        firstOrderDue = true;
        secondOrderDue = true;
    }

    void writeTo(final StateWriter out)
    {
        final int options = optionCount();
        out.putInt(options);
        for (int slot = 0; slot < options; slot++)
        {
            out.putInt(optionInstrument[slot]);
            out.putDouble(vectors.quantity(slot));
            out.putDouble(vectors.vol(slot));
        }
        out.putInt(deltaOneCount);
        for (int k = 0; k < deltaOneCount; k++)
        {
            out.putInt(deltaOneInstrument[k]);
        }
        out.putInt(hedgeInstrument);
        out.putDouble(indexPrice);
        out.putBoolean(dirty);
        out.putLong(retryNotBeforeNs);
        out.putLong(lastRebalanceNs);
        out.putLong(nextRebalanceNs);
        out.putLong(channelMask);
        out.putDouble(computedSpot);
        out.putLong(computedNs);
        pnl.writeTo(out, options, deltaOneCount);
        costs.writeTo(out);
        depth.writeTo(out);
        children.writeTo(out);
        if (cross != null)
        {
            cross.writeTo(out);
        }
    }

    /**
     * Restores a book written by {@link #writeTo}; Greeks that were fresh are due again at the spot and time of
     * their computation, so they are bit-identical to the snapshotted ones.
     */
    void readFrom(final StateReader in, final Instruments ins)
    {
        final int options = in.getInt();
        if (options < 0 || options > optionInstrument.length)
        {
            throw new IllegalArgumentException("snapshot book holds " + options + " options");
        }
        for (int slot = 0; slot < options; slot++)
        {
            addOption(ins, in.getInt());
            vectors.quantity(slot, in.getDouble());
            vectors.vol(slot, in.getDouble());
        }
        envelope.invalidate();
        deltaOneCount = in.getInt();
        for (int k = 0; k < deltaOneCount; k++)
        {
            deltaOneInstrument[k] = in.getInt();
        }
        hedgeInstrument = in.getInt();
        indexPrice = in.getDouble();
        dirty = in.getBoolean();
        retryNotBeforeNs = in.getLong();
        lastRebalanceNs = in.getLong();
        nextRebalanceNs = in.getLong();
        channelMask = in.getLong();
        final double spot = in.getDouble();
        final long ns = in.getLong();
        if (!dirty && spot > 0.0)
        {
            due(spot, ns);
        }
        pnl.readFrom(in, options, deltaOneCount);
        costs.readFrom(in);
        depth.readFrom(in);
        children.readFrom(in);
        if (cross != null)
        {
            cross.readFrom(in);
        }
    }

    /**
     * The future of a basis hedge: the quoted, unexpired future of id futureId, or with 0 the quoted future of the
     * nearest expiry after nowNs; {@link Instruments#MISSING} if there is none.
     */
    int hedgeFuture(final Instruments ins, final int futureId, final long nowNs)
    {
        int best = Instruments.MISSING;
        for (int k = 0; k < deltaOneCount; k++)
        {
            final int i = deltaOneInstrument[k];
            if (ins.kind[i] == InstrumentKind.FUTURE && ins.expiryNs[i] > nowNs && ins.bid[i] > 0.0 &&
                ins.ask[i] > 0.0 && (futureId == 0 ? best == Instruments.MISSING ||
                ins.expiryNs[i] < ins.expiryNs[best] : ins.id[i] == futureId))
            {
                best = i;
            }
        }
        return best;
    }

    /**
     * True when the contracts of instrument i this book trades belong to its ratio hedge ({@link CrossHedge}):
     * another underlying's perpetual, or with a basis hedge its future.
     */
    boolean ratioHedged(final Instruments ins, final int i)
    {
        return cross != null &&
            (ins.underlying[i] != index || policy.ratio().hedgeInstrument() == HedgeInstrument.FUTURE);
    }

    /**
     * Coin delta of the delta-one instruments, without the contracts held for other books' cross hedges; with
     * inFlight, orders not yet filled count as filled.
     */
    double deltaOneDelta(final Instruments ins, final boolean inFlight)
    {
        double delta = 0.0;
        for (int k = 0; k < deltaOneCount; k++)
        {
            final int i = deltaOneInstrument[k];
            final double held = ins.position[i] - ins.heldForOthers[i];
            final double contracts = inFlight ? held + ins.inFlight[i] - ins.inFlightForOthers[i] : held;
            delta += contracts * ins.deltaPerContract(i, indexPrice);
        }
        return delta;
    }

    public void close()
    {
        vectors.close();
    }
}
