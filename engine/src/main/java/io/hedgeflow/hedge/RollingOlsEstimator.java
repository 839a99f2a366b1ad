package io.hedgeflow.hedge;

/**
 * Ordinary least squares of dS on dH (with intercept) over the last {@code window} observations: h* = Sxy / Sxx,
 * rho = Sxy / sqrt(Sxx Syy), sigmas the sample standard deviations (divisor n - 1, as Excel STDEV and Hull's
 * worked example), R squared = rho squared (Hull, Options, Futures, and Other Derivatives, ch. 3, "Cross
 * hedging", and its jet-fuel example).
 * <p>
 * State is a ring buffer of the window plus the running means and centred co-moments, updated by Welford's
 * algorithm when an observation enters and by its exact inverse when one leaves, so the sums never hold large
 * uncentred squares. The residual rounding of add/remove pairs is cleared by a two-pass recomputation from the
 * buffer each time the ring wraps (every {@code window} updates once full: O(window) work once per window, O(1)
 * amortised, no allocation).
 */
public final class RollingOlsEstimator implements HedgeRatioEstimator
{
    private final double[] xs;
    private final double[] ys;
    private int next;
    private int n;
    private double mx, my, sxx, syy, sxy;

    /**
     * @param window observations in the regression, at least 2.
     */
    public RollingOlsEstimator(final int window)
    {
        if (window < 2)
        {
            throw new IllegalArgumentException("window must be at least 2: " + window);
        }
        xs = new double[window];
        ys = new double[window];
    }

    public void update(final double dSpot, final double dHedge)
    {
        if (!Double.isFinite(dSpot) || !Double.isFinite(dHedge))
        {
            return;
        }
        if (n == xs.length)
        {
            remove(xs[next], ys[next]);
        }
        xs[next] = dHedge;
        ys[next] = dSpot;
        add(dHedge, dSpot);
        next++;
        if (next == xs.length)
        {
            next = 0;
            recompute();
        }
    }

    private void add(final double x, final double y)
    {
        n++;
        final double dx = x - mx;
        final double dy = y - my;
        mx += dx / n;
        my += dy / n;
        sxx += dx * (x - mx);
        syy += dy * (y - my);
        sxy += dx * (y - my);
    }

    private void remove(final double x, final double y)
    {
        final double mxOld = mx - (x - mx) / (n - 1);
        final double myOld = my - (y - my) / (n - 1);
        sxx -= (x - mxOld) * (x - mx);
        syy -= (y - myOld) * (y - my);
        sxy -= (x - mxOld) * (y - my);
        mx = mxOld;
        my = myOld;
        n--;
    }

    private void recompute()
    {
        double sumX = 0.0, sumY = 0.0;
        for (int i = 0; i < n; i++)
        {
            sumX += xs[i];
            sumY += ys[i];
        }
        mx = sumX / n;
        my = sumY / n;
        double cxx = 0.0, cyy = 0.0, cxy = 0.0;
        for (int i = 0; i < n; i++)
        {
            final double dx = xs[i] - mx;
            final double dy = ys[i] - my;
            cxx += dx * dx;
            cyy += dy * dy;
            cxy += dx * dy;
        }
        sxx = cxx;
        syy = cyy;
        sxy = cxy;
    }

    private void clearSums()
    {
        n = 0;
        mx = my = sxx = syy = sxy = 0.0;
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
        return Moments.sigma(syy, n - 1);
    }

    public double sigmaHedge()
    {
        return Moments.sigma(sxx, n - 1);
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

    /** The window length. */
    public int window()
    {
        return xs.length;
    }

    public void reset()
    {
        clearSums();
        next = 0;
    }

    /** next, n, the five sums, then the window's hedge and spot changes: 7 + 2 x window. */
    public int stateLength()
    {
        return 7 + 2 * xs.length;
    }

    public void writeState(final double[] out, final int offset)
    {
        out[offset] = next;
        out[offset + 1] = n;
        out[offset + 2] = mx;
        out[offset + 3] = my;
        out[offset + 4] = sxx;
        out[offset + 5] = syy;
        out[offset + 6] = sxy;
        System.arraycopy(xs, 0, out, offset + 7, xs.length);
        System.arraycopy(ys, 0, out, offset + 7 + xs.length, ys.length);
    }

    public void readState(final double[] in, final int offset)
    {
        final int nextIn = (int)in[offset];
        final int nIn = (int)in[offset + 1];
        if (nextIn < 0 || nextIn >= xs.length || nIn < 0 || nIn > xs.length)
        {
            throw new IllegalArgumentException("state does not fit a window of " + xs.length);
        }
        next = nextIn;
        n = nIn;
        mx = in[offset + 2];
        my = in[offset + 3];
        sxx = in[offset + 4];
        syy = in[offset + 5];
        sxy = in[offset + 6];
        System.arraycopy(in, offset + 7, xs, 0, xs.length);
        System.arraycopy(in, offset + 7 + xs.length, ys, 0, ys.length);
    }
}
