package io.hedgeflow.logic;

import io.hedgeflow.hedge.EwmaEstimator;
import io.hedgeflow.hedge.HedgeRatioEstimator;
import io.hedgeflow.hedge.KalmanBetaEstimator;
import io.hedgeflow.hedge.RollingOlsEstimator;

/** The online estimator of a cross hedge's minimum-variance ratio ({@code policy.ratioEstimator}). */
public enum RatioEstimator
{
    /** Rolling OLS over the last ratioWindow samples ({@link RollingOlsEstimator}). */
    OLS,
    /** Exponentially weighted covariance of half-life ratioHalfLife samples ({@link EwmaEstimator}). */
    EWMA,
    /**
     * Kalman filter of a random-walk beta ({@link KalmanBetaEstimator}): process and observation variances from
     * the policy, prior beta 1 with variance 1, effectiveness from EWMA moments of half-life ratioHalfLife.
     */
    KALMAN;

    /** A new estimator configured by the policy. */
    HedgeRatioEstimator create(final PolicyEstimator p)
    {
        return switch (this)
        {
            case OLS -> new RollingOlsEstimator(p.ratioWindow());
            case EWMA -> new EwmaEstimator(p.ratioHalfLife());
            case KALMAN -> new KalmanBetaEstimator(
                p.kalmanProcessVariance(), p.kalmanObservationVariance(), 1.0, 1.0, p.ratioHalfLife());
        };
    }
}
