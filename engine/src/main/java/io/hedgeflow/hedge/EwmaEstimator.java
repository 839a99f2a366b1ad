package io.hedgeflow.hedge;

/**
 * Exponentially weighted covariance of dS and dH: the newest observation has weight 1, the one before lambda, then
 * lambda^2, ..., with lambda = 0.5^(1 / halfLife) (the weight halves every halfLife observations; RiskMetrics'
 * daily 0.94 is a half-life of 11.2). Means are exponentially weighted too, and
 * <pre>
 *   W = sum w_i,  mean x = sum w_i x_i / W,  Cov = sum w_i (x_i - mean x)(y_i - mean y) / W
 *   h* = Cov(dS, dH) / Var(dH),  rho = Cov / (sigma_S sigma_H),  sigma = sqrt(weighted variance)  (divisor W)
 * </pre>
 * updated exactly in O(1) by the weighted form of Welford's algorithm (West 1979, "Updating mean and variance
 * estimates: an improved method", CACM 22(9)): decay W and the co-moments by lambda, then add the new point with
 * weight 1. An infinite half-life (lambda = 1) weights every observation equally (population moments).
 */
public final class EwmaEstimator implements HedgeRatioEstimator
{
    private final double lambda;
    private final double halfLife;
    private long n;
    private double w, mx, my, sxx, syy, sxy;

    /**
     * @param halfLife observations after which a weight has halved; positive, or {@link Double#POSITIVE_INFINITY}
     *                 for equal weights.
     */
    public EwmaEstimator(final double halfLife)
    {
        if (!(halfLife > 0.0))
        {
            throw new IllegalArgumentException("half-life must be positive: " + halfLife);
        }
        this.halfLife = halfLife;
        this.lambda = Double.isInfinite(halfLife) ? 1.0 : Math.pow(0.5, 1.0 / halfLife);
    }

    public void update(final double dSpot, final double dHedge)
    {
        if (!Double.isFinite(dSpot) || !Double.isFinite(dHedge))
        {
            return;
        }
        n++;
        w = w * lambda + 1.0;
        sxx *= lambda;
        syy *= lambda;
        sxy *= lambda;
        final double dx = dHedge - mx;
        final double dy = dSpot - my;
        mx += dx / w;
        my += dy / w;
        sxx += dx * (dHedge - mx);
        syy += dy * (dSpot - my);
        sxy += dx * (dSpot - my);
    }

    public double hedgeRatio()
    {
        return Moments.ratio(sxy, sxx);
    }

    public double correlation()
    {
        return Moments.correlation(sxy, sxx, syy);
    }

    public double sigmaSpot()
    {
        return Moments.sigma(syy, w);
    }

    public double sigmaHedge()
    {
        return Moments.sigma(sxx, w);
    }

    public double effectiveness()
    {
        final double rho = correlation();
        return rho * rho;
    }

    public long count()
    {
        return n;
    }

    /** The decay factor lambda per observation. */
    public double lambda()
    {
        return lambda;
    }

    /** The half-life in observations. */
    public double halfLife()
    {
        return halfLife;
    }

    public void reset()
    {
        n = 0;
        w = mx = my = sxx = syy = sxy = 0.0;
    }

    /** n (exact as a double below 2^53), W, the two means and the three co-moments: 7. */
    public int stateLength()
    {
        return 7;
    }

    public void writeState(final double[] out, final int offset)
    {
        out[offset] = n;
        out[offset + 1] = w;
        out[offset + 2] = mx;
        out[offset + 3] = my;
        out[offset + 4] = sxx;
        out[offset + 5] = syy;
        out[offset + 6] = sxy;
    }

    public void readState(final double[] in, final int offset)
    {
        n = (long)in[offset];
        w = in[offset + 1];
        mx = in[offset + 2];
        my = in[offset + 3];
        sxx = in[offset + 4];
        syy = in[offset + 5];
        sxy = in[offset + 6];
    }
}
