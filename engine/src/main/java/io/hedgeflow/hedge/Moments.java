package io.hedgeflow.hedge;

/**
 * Statistics of a pair (x = hedge change, y = spot change) from the weighted centred co-moments: total weight w,
 * Sxx = sum w (x - mean x)^2, Syy, Sxy likewise. The divisor (w for population, w - 1 for sample) cancels in the
 * ratio and the correlation; it only scales the sigmas. Degenerate inputs give 0, never NaN.
 */
final class Moments
{
    private Moments()
    {
    }

    static double ratio(final double sxy, final double sxx)
    {
        return sxx > 0.0 ? sxy / sxx : 0.0;
    }

    static double correlation(final double sxy, final double sxx, final double syy)
    {
        if (!(sxx > 0.0) || !(syy > 0.0))
        {
            return 0.0;
        }
        final double rho = sxy / Math.sqrt(sxx * syy);
        return Math.max(-1.0, Math.min(1.0, rho));
    }

    static double sigma(final double s, final double divisor)
    {
        return divisor > 0.0 && s > 0.0 ? Math.sqrt(s / divisor) : 0.0;
    }
}
