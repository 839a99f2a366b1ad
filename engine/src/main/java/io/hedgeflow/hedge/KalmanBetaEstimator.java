package io.hedgeflow.hedge;

/**
 * A scalar Kalman filter for a time-varying hedge ratio: the state beta follows a random walk and each observation
 * is the regression of dS on dH through the origin (changes and returns have mean close to zero),
 * <pre>
 *   beta_t = beta_{t-1} + w_t,   w_t ~ N(0, q)          (process variance q per observation)
 *   dS_t   = beta_t dH_t + v_t,  v_t ~ N(0, r)          (observation variance r, in dS units squared)
 *   predict: P = P + q
 *   update:  K = P dH / (dH^2 P + r),  beta = beta + K (dS - beta dH),  P = P r / (dH^2 P + r)
 * </pre>
 * (Kalman 1960; the scalar recursion as in Harvey, Forecasting, Structural Time Series Models and the Kalman
 * Filter, ch. 3; the covariance update P (1 - K dH) is written P r / (dH^2 P + r), which stays positive.) With
 * q = 0 it is recursive least squares: beta_n = (beta_0 / P_0 + sum dH dS / r) / (1 / P_0 + sum dH^2 / r), which
 * for a diffuse prior (P_0 large) is the OLS slope through the origin, equal to the OLS slope of centred series.
 * <p>
 * {@link #hedgeRatio} is the filtered beta. The correlation, sigmas and effectiveness (rho squared) are the
 * exponentially weighted statistics of an {@link EwmaEstimator} over the same observations (half-life given; an
 * infinite half-life gives the population statistics of every observation since the reset).
 */
public final class KalmanBetaEstimator implements HedgeRatioEstimator
{
    private final double processVariance;
    private final double observationVariance;
    private final double initialBeta;
    private final double initialVariance;
    private final EwmaEstimator moments;
    private double beta;
    private double variance;

    /**
     * @param processVariance     q: variance of the beta random walk per observation, at least 0.
     * @param observationVariance r: variance of the observation noise (dS units squared), positive.
     * @param initialBeta         prior mean of beta.
     * @param initialVariance     prior variance of beta, positive (large: diffuse).
     * @param momentsHalfLife     half-life in observations of the correlation and sigmas (positive or infinite).
     */
    public KalmanBetaEstimator(
        final double processVariance,
        final double observationVariance,
        final double initialBeta,
        final double initialVariance,
        final double momentsHalfLife)
    {
        if (!(processVariance >= 0.0) || Double.isInfinite(processVariance))
        {
            throw new IllegalArgumentException("process variance must be finite and not negative: " + processVariance);
        }
        if (!(observationVariance > 0.0) || Double.isInfinite(observationVariance))
        {
            throw new IllegalArgumentException("observation variance must be finite and positive: " +
                observationVariance);
        }
        if (!(initialVariance > 0.0) || Double.isInfinite(initialVariance) || !Double.isFinite(initialBeta))
        {
            throw new IllegalArgumentException("prior must be finite with positive variance: " + initialBeta + ", " +
                initialVariance);
        }
        this.processVariance = processVariance;
        this.observationVariance = observationVariance;
        this.initialBeta = initialBeta;
        this.initialVariance = initialVariance;
        this.moments = new EwmaEstimator(momentsHalfLife);
        reset();
    }

    public void update(final double dSpot, final double dHedge)
    {
        if (!Double.isFinite(dSpot) || !Double.isFinite(dHedge))
        {
            return;
        }
        final double p = variance + processVariance;
        final double s = dHedge * dHedge * p + observationVariance;
        final double gain = p * dHedge / s;
        beta += gain * (dSpot - beta * dHedge);
        variance = p * observationVariance / s;
        moments.update(dSpot, dHedge);
    }

    public double hedgeRatio()
    {
        return beta;
    }

    /** Posterior variance P of beta after the last update. */
    public double betaVariance()
    {
        return variance;
    }

    public double correlation()
    {
        return moments.correlation();
    }

    public double sigmaSpot()
    {
        return moments.sigmaSpot();
    }

    public double sigmaHedge()
    {
        return moments.sigmaHedge();
    }

    public double effectiveness()
    {
        return moments.effectiveness();
    }

    public long count()
    {
        return moments.count();
    }

    public void reset()
    {
        beta = initialBeta;
        variance = initialVariance;
        moments.reset();
    }

    /** beta, its variance P, then the state of the moments' {@link EwmaEstimator}: 9. */
    public int stateLength()
    {
        return 2 + moments.stateLength();
    }

    public void writeState(final double[] out, final int offset)
    {
        out[offset] = beta;
        out[offset + 1] = variance;
        moments.writeState(out, offset + 2);
    }

    public void readState(final double[] in, final int offset)
    {
        beta = in[offset];
        variance = in[offset + 1];
        moments.readState(in, offset + 2);
    }
}
