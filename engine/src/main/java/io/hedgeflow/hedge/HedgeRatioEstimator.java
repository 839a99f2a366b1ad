package io.hedgeflow.hedge;

/**
 * An online estimator of the minimum-variance hedge ratio between the changes of the position to hedge (spot,
 * dS) and of the hedge instrument (dH): h* = rho sigma_S / sigma_H = Cov(dS, dH) / Var(dH), the slope of the
 * regression of dS on dH (Hull, Options, Futures, and Other Derivatives, ch. 3, "Cross hedging").
 * <p>
 * Every implementation is garbage-free and deterministic: {@link #update} is O(1) amortised on preallocated state
 * and every reader returns a double. Before two observations (or with zero variance) the statistics are 0, never
 * NaN. Changes are in price units (or returns, consistently for both legs); sigmas are in the same units per
 * observation interval.
 */
public interface HedgeRatioEstimator
{
    /**
     * Adds one observation: the change of the position to hedge and the change of the hedge instrument over the
     * same interval. Non-finite values are ignored (not counted).
     *
     * @param dSpot  change of the spot (the exposure).
     * @param dHedge change of the hedge instrument.
     */
    void update(double dSpot, double dHedge);

    /** The minimum-variance hedge ratio h* (units of hedge per unit of exposure). */
    double hedgeRatio();

    /** Correlation rho of the two changes, in [-1, 1]. */
    double correlation();

    /** Standard deviation sigma_S of the spot changes. */
    double sigmaSpot();

    /** Standard deviation sigma_H of the hedge changes. */
    double sigmaHedge();

    /** Hedge effectiveness: the R squared of the regression, rho squared, in [0, 1]. */
    double effectiveness();

    /** Observations currently counted (for a rolling window, at most the window). */
    long count();

    /** Forgets every observation; the estimator is as new. */
    void reset();

    /** Number of doubles {@link #writeState} writes: fixed for an estimator's configuration. */
    int stateLength();

    /**
     * Writes the complete state (not the configuration) as doubles, bit-exact: an estimator of the same
     * configuration that {@link #readState reads} them continues exactly as this one (snapshots, replay).
     *
     * @param out    destination of {@link #stateLength()} doubles.
     * @param offset first index written.
     */
    void writeState(double[] out, int offset);

    /**
     * Replaces the state by one written by {@link #writeState} of an estimator of the same configuration.
     *
     * @param in     source of {@link #stateLength()} doubles.
     * @param offset first index read.
     */
    void readState(double[] in, int offset);
}
