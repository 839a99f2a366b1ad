package io.hedgeflow.logic;

/**
 * The estimator part of a {@link PolicyContext}: the online estimator of a ratio hedge's minimum-variance ratio
 * ({@link RatioEstimator}), its sampling, and when its ratio may size an order ({@link CrossHedge#ready}). Setters
 * return the owning policy, so a policy is configured in one chain.
 */
public final class PolicyEstimator
{
    private final PolicyContext owner;
    private RatioEstimator ratioEstimator = RatioEstimator.EWMA;
    private int ratioWindow = 100;
    private double ratioHalfLife = 50.0;
    private double kalmanProcessVariance = 1e-6;
    private double kalmanObservationVariance = 1e-6;
    private long ratioSampleNs = 60_000_000_000L;
    private int minObservations = 30;
    private double minEffectiveness = 0.5;

    PolicyEstimator(final PolicyContext owner)
    {
        this.owner = owner;
    }

    /** Copies every setting of this group to other (of another policy). */
    void copyTo(final PolicyEstimator other)
    {
        other.ratioEstimator = ratioEstimator;
        other.ratioWindow = ratioWindow;
        other.ratioHalfLife = ratioHalfLife;
        other.kalmanProcessVariance = kalmanProcessVariance;
        other.kalmanObservationVariance = kalmanObservationVariance;
        other.ratioSampleNs = ratioSampleNs;
        other.minObservations = minObservations;
        other.minEffectiveness = minEffectiveness;
    }

    /** Checks the estimator's settings. */
    void conclude()
    {
        if (ratioWindow < 2 || !(ratioHalfLife > 0.0) || Double.isInfinite(ratioHalfLife))
        {
            throw new IllegalArgumentException(ratioWindow < 2 ? "ratioWindow must be at least 2: " + ratioWindow :
                "ratioHalfLife must be positive and finite: " + ratioHalfLife);
        }
        if (!(kalmanProcessVariance >= 0.0) || Double.isInfinite(kalmanProcessVariance))
        {
            throw new IllegalArgumentException("kalmanProcessVariance must be zero or positive and finite: " +
                kalmanProcessVariance);
        }
        if (!(kalmanObservationVariance > 0.0) || Double.isInfinite(kalmanObservationVariance))
        {
            throw new IllegalArgumentException("kalmanObservationVariance must be positive and finite: " +
                kalmanObservationVariance);
        }
        if (ratioSampleNs <= 0 || minObservations < 2)
        {
            throw new IllegalArgumentException(ratioSampleNs <= 0 ? "ratioSampleNs must be positive: " +
                ratioSampleNs : "minObservations must be at least 2: " + minObservations);
        }
        if (!(minEffectiveness >= 0.0 && minEffectiveness <= 1.0))
        {
            throw new IllegalArgumentException("minEffectiveness must be in [0, 1]: " + minEffectiveness);
        }
    }


    /** Cross hedge: the estimator of the ratio. */
    public RatioEstimator ratioEstimator()
    {
        return ratioEstimator;
    }

    public PolicyContext ratioEstimator(final RatioEstimator value)
    {
        ratioEstimator = value;
        return owner;
    }

    /** Cross hedge, OLS: samples in the rolling window. */
    public int ratioWindow()
    {
        return ratioWindow;
    }

    public PolicyContext ratioWindow(final int value)
    {
        ratioWindow = value;
        return owner;
    }

    /** Cross hedge, EWMA (and KALMAN's effectiveness): half-life in samples. */
    public double ratioHalfLife()
    {
        return ratioHalfLife;
    }

    public PolicyContext ratioHalfLife(final double value)
    {
        ratioHalfLife = value;
        return owner;
    }

    /** Cross hedge, KALMAN: variance of the random walk of the ratio per sample. */
    public double kalmanProcessVariance()
    {
        return kalmanProcessVariance;
    }

    public PolicyContext kalmanProcessVariance(final double value)
    {
        kalmanProcessVariance = value;
        return owner;
    }

    /** Cross hedge, KALMAN: variance of the observation noise, in squared returns per sample. */
    public double kalmanObservationVariance()
    {
        return kalmanObservationVariance;
    }

    public PolicyContext kalmanObservationVariance(final double value)
    {
        kalmanObservationVariance = value;
        return owner;
    }

    /** Cross hedge: logic time between two samples of the index returns. */
    public long ratioSampleNs()
    {
        return ratioSampleNs;
    }

    public PolicyContext ratioSampleNs(final long value)
    {
        ratioSampleNs = value;
        return owner;
    }

    /** Cross hedge: return samples needed before the first order. */
    public int minObservations()
    {
        return minObservations;
    }

    public PolicyContext minObservations(final int value)
    {
        minObservations = value;
        return owner;
    }

    /** Cross hedge: least hedge effectiveness (R squared) for an order. */
    public double minEffectiveness()
    {
        return minEffectiveness;
    }

    public PolicyContext minEffectiveness(final double value)
    {
        minEffectiveness = value;
        return owner;
    }
}
