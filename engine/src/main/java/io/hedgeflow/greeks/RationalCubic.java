package io.hedgeflow.greeks;

/**
 * Delbourgo and Gregory's (1985) shape-preserving rational cubic interpolation, with the control parameter fitted
 * to a second derivative at one end and kept convex, as Jaeckel's "Let's Be Rational" (2015, section 5) uses it for
 * the initial guesses of {@link ImpliedVol}. Between (xl, yl) with slope dl and (xr, yr) with slope dr, at
 * t = (x - xl) / h, h = xr - xl:
 * <pre>
 *   y(x) = [yr t^3 + (r yr - h dr) t^2 (1 - t) + (r yl + h dl) t (1 - t)^2 + yl (1 - t)^3] / [1 + (r - 3) t (1 - t)]
 * </pre>
 * r = 3 is the cubic Hermite interpolant; r -&gt; infinity tends to the straight line.
 */
final class RationalCubic
{
    private static final double MIN_CONTROL = -(1.0 - Math.sqrt(Math.ulp(1.0)));
    private static final double MAX_CONTROL = 2.0 / (Math.ulp(1.0) * Math.ulp(1.0));

    private RationalCubic()
    {
    }

    /** The interpolant at x with control parameter r (linear interpolation when r is at its maximum). */
    static double interpolate(
        final double x, final double xl, final double xr, final double yl, final double yr, final double dl,
        final double dr, final double r)
    {
        final double h = xr - xl;
        if (!(Math.abs(h) > 0.0))
        {
            return 0.5 * (yl + yr);
        }
        final double t = (x - xl) / h;
        if (r >= MAX_CONTROL)
        {
            return yr * t + yl * (1.0 - t);
        }
        final double omt = 1.0 - t;
        final double t2 = t * t;
        final double omt2 = omt * omt;
        return (yr * t2 * t + (r * yr - h * dr) * t2 * omt + (r * yl + h * dl) * t * omt2 + yl * omt2 * omt) /
            (1.0 + (r - 3.0) * t * omt);
    }

    /** The control parameter that gives the second derivative d2l at the left end, at least the convex minimum. */
    static double fitLeft(
        final double xl, final double xr, final double yl, final double yr, final double dl, final double dr,
        final double d2l, final boolean preferShape)
    {
        final double h = xr - xl;
        final double numerator = 0.5 * h * d2l + (dr - dl);
        final double denominator = (yr - yl) / h - dl;
        return Math.max(control(numerator, denominator), minimum(dl, dr, (yr - yl) / h, preferShape));
    }

    /** The control parameter that gives the second derivative d2r at the right end, at least the convex minimum. */
    static double fitRight(
        final double xl, final double xr, final double yl, final double yr, final double dl, final double dr,
        final double d2r, final boolean preferShape)
    {
        final double h = xr - xl;
        final double numerator = 0.5 * h * d2r + (dr - dl);
        final double denominator = dr - (yr - yl) / h;
        return Math.max(control(numerator, denominator), minimum(dl, dr, (yr - yl) / h, preferShape));
    }

    private static double control(final double numerator, final double denominator)
    {
        if (isZero(numerator))
        {
            return 0.0;
        }
        if (isZero(denominator))
        {
            return numerator > 0.0 ? MAX_CONTROL : MIN_CONTROL;
        }
        return numerator / denominator;
    }

    /** The smallest control parameter that keeps the interpolant monotone and convex (or concave) as the data. */
    private static double minimum(final double dl, final double dr, final double s, final boolean preferShape)
    {
        final boolean monotonic = dl * s >= 0.0 && dr * s >= 0.0;
        final boolean convex = dl <= s && s <= dr;
        final boolean concave = dl >= s && s >= dr;
        if (!monotonic && !convex && !concave)
        {
            return MIN_CONTROL;
        }
        double r1 = -Double.MAX_VALUE;
        double r2 = -Double.MAX_VALUE;
        if (monotonic)
        {
            r1 = !isZero(s) ? (dr + dl) / s : preferShape ? MAX_CONTROL : r1;
        }
        if (convex || concave)
        {
            final boolean flat = isZero(s - dl) || isZero(dr - s);
            r2 = !flat ? Math.max(Math.abs((dr - dl) / (dr - s)), Math.abs((dr - dl) / (s - dl))) :
                preferShape ? MAX_CONTROL : r2;
        }
        else if (monotonic && preferShape)
        {
            r2 = MAX_CONTROL;
        }
        return Math.max(MIN_CONTROL, Math.max(r1, r2));
    }

    private static boolean isZero(final double x)
    {
        return Math.abs(x) < Double.MIN_NORMAL;
    }
}
