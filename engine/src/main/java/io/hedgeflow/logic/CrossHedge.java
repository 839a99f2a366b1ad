package io.hedgeflow.logic;

import io.hedgeflow.hedge.HedgeRatioEstimator;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * State of a ratio hedge: an underlying S hedged with the perpetual of another underlying H
 * ({@link PolicyContext#hedgeUnderlying()}, H its index price), or with a dated future of S (basis hedge,
 * {@link PolicyContext#hedgeInstrument()} FUTURE, H the future's mid).
 * <pre>
 *   every ratioSampleNs of logic time: rS = S_t / S_prev - 1,  rH = H_t / H_prev - 1  (simple returns of the
 *                                      two prices) feed the estimator: h* = Cov(rS, rH) / Var(rH); when the
 *                                      hedge instrument changes (a future rolled), the returns restart
 *   delta to hedge D (units of S)  =  value D x S  =  h* x D x S / H units of H  (returns-based h*)
 *   so one contract of the hedge (d_H units of H per contract) offsets d_H x H / (h* x S) units of S
 * </pre>
 * The contracts held and in flight for this book are kept here (and subtracted from the hedge underlying's own
 * book through {@link Instruments#heldForOthers}), so neither book hedges them twice.
 */
final class CrossHedge
{
    final HedgeRatioEstimator estimator;
    private final double[] state;
    /** Contracts of the hedge perpetual filled, and in flight, for this book. */
    double position;
    double inFlight;
    private long nextSampleNs;
    private double lastSpot;
    private double lastHedge;
    private int lastInstrument = Instruments.MISSING;

    CrossHedge(final PolicyContext p)
    {
        estimator = p.estimator().ratioEstimator().create(p.estimator());
        state = new double[estimator.stateLength()];
    }

    /**
     * Feeds the returns since the previous sample when ratioSampleNs has passed since it, if that sample priced
     * the same hedge instrument.
     */
    void sample(final double spot, final double hedge, final int instrument, final long nowNs, final long intervalNs)
    {
        if (nowNs < nextSampleNs)
        {
            return;
        }
        if (lastSpot > 0.0 && instrument == lastInstrument)
        {
            estimator.update(spot / lastSpot - 1.0, hedge / lastHedge - 1.0);
        }
        lastSpot = spot;
        lastHedge = hedge;
        lastInstrument = instrument;
        nextSampleNs = nowNs + intervalNs;
    }

    /** True when the ratio may size an order: enough samples and effectiveness (R squared). */
    boolean ready(final PolicyContext p)
    {
        final PolicyEstimator settings = p.estimator();
        return estimator.count() >= settings.minObservations() &&
            estimator.effectiveness() >= settings.minEffectiveness();
    }

    /**
     * Delta of S one contract of the hedge offsets: hedgeDeltaPerContract x H / (h* x S); infinite while h* is 0
     * (no contract size can be derived).
     */
    double deltaPerContract(final double hedgeDeltaPerContract, final double spot, final double hedge)
    {
        return hedgeDeltaPerContract * hedge / (estimator.hedgeRatio() * spot);
    }

    /** Delta of S of the contracts held and in flight for this book; 0 when there are none. */
    double delta(final double deltaPerContract)
    {
        final double contracts = position + inFlight;
        return contracts == 0.0 || Double.isInfinite(deltaPerContract) ? 0.0 : contracts * deltaPerContract;
    }

    void writeTo(final StateWriter out)
    {
        out.putDouble(position);
        out.putDouble(inFlight);
        out.putLong(nextSampleNs);
        out.putDouble(lastSpot);
        out.putDouble(lastHedge);
        out.putInt(lastInstrument);
        estimator.writeState(state, 0);
        out.putDoubles(state, state.length);
    }

    void readFrom(final StateReader in)
    {
        position = in.getDouble();
        inFlight = in.getDouble();
        nextSampleNs = in.getLong();
        lastSpot = in.getDouble();
        lastHedge = in.getDouble();
        lastInstrument = in.getInt();
        in.getDoubles(state, state.length);
        estimator.readState(state, 0);
    }
}
