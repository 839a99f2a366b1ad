package io.hedgeflow.greeks;

/**
 * Implied volatility of a European option under Black-Scholes-Merton with carry (Black-76: pass the forward as s
 * and q = r), by a safeguarded Newton iteration on the normalised out-of-the-money Black price.
 * <p>
 * The price is reduced to the out-of-the-money option by put-call parity (in-the-money prices lose their
 * intrinsic value exactly: price - intrinsic), normalised by sqrt(F K) so that only x = ln(F/K) and the total
 * volatility w = v sqrt(t) remain: b(w) = theta (e^{x/2} N(theta d1) - e^{-x/2} N(theta d2)), increasing in w
 * from 0 to e^{-|x|/2}. Newton steps on b(w) are kept inside a bracket [lo, hi] that every evaluation narrows; a
 * step leaving the bracket, or not halving the residual, is replaced by bisection, so the solve always converges
 * (deep in or out of the money, near intrinsic, very short or long expiries) in at most {@link #MAX_ITERATIONS}.
 * <p>
 * No solution: prices at or below intrinsic value but not equal to it, at or above the no-arbitrage upper bound
 * (the discounted forward for a call, the discounted strike for a put), non-finite inputs, t, s or k not
 * positive: the result is {@link #NO_SOLUTION}, never an exception or NaN. A price exactly at intrinsic gives 0.
 */
public final class ImpliedVol
{
    /** Returned when no volatility reproduces the price. */
    public static final double NO_SOLUTION = -1.0;

    /** Bound on iterations (bisection alone needs about 70 from the initial bracket). */
    public static final int MAX_ITERATIONS = 200;

    private static final double MAX_TOTAL_VOL = 40.0;

    private ImpliedVol()
    {
    }

    /**
     * @param call  call (true) or put.
     * @param s     spot (or forward for Black-76).
     * @param k     strike.
     * @param t     years to expiry.
     * @param r     continuous rate.
     * @param q     continuous dividend or funding yield (Black-76: r).
     * @param price the option's (linear) price.
     * @return the volatility, 0 at intrinsic, or {@link #NO_SOLUTION}.
     */
    public static double solve(
        final boolean call, final double s, final double k, final double t, final double r, final double q,
        final double price)
    {
        if (!(t > 0.0 && s > 0.0 && k > 0.0) || !Double.isFinite(t * s * k * r * q * price))
        {
            return NO_SOLUTION;
        }
        final double fwd = s * Math.exp(-q * t);
        final double kd = k * Math.exp(-r * t);
        final double intrinsic = Math.max(call ? fwd - kd : kd - fwd, 0.0);
        final double upper = call ? fwd : kd;
        if (price == intrinsic)
        {
            return 0.0;
        }
        if (!(price > intrinsic && price < upper))
        {
            return NO_SOLUTION;
        }
        final double x = Math.log(fwd / kd);
        final double theta = x > 0.0 ? -1.0 : 1.0;
        final double target = (price - intrinsic) / Math.sqrt(fwd * kd);
        final double w = totalVol(x, theta, target);
        return w < 0.0 ? NO_SOLUTION : w / Math.sqrt(t);
    }

    private static double totalVol(final double x, final double theta, final double target)
    {
        double lo = 0.0;
        double hi = MAX_TOTAL_VOL;
        if (normalised(x, theta, hi) < target)
        {
            return NO_SOLUTION;
        }
        double w = Math.max(Math.sqrt(2.0 * Math.abs(x)), 0.5);
        double lastStep = hi;
        for (int i = 0; i < MAX_ITERATIONS; i++)
        {
            final double f = normalised(x, theta, w) - target;
            if (f == 0.0)
            {
                return w;
            }
            if (f < 0.0)
            {
                lo = w;
            }
            else
            {
                hi = w;
            }
            final double d1 = x / w + 0.5 * w;
            final double slope = Math.exp(0.5 * x) * Normal.pdf(d1);
            double next = w - f / slope;
            if (!(next > lo && next < hi) || Math.abs(next - w) > 0.5 * lastStep)
            {
                next = 0.5 * (lo + hi);
            }
            lastStep = Math.abs(next - w);
            if (lastStep <= 1e-15 * w || hi - lo <= 1e-15 * hi)
            {
                return next;
            }
            w = next;
        }
        return w;
    }

    /** theta (e^{x/2} N(theta d1) - e^{-x/2} N(theta d2)) for total volatility w: the price over sqrt(F K). */
    static double normalised(final double x, final double theta, final double w)
    {
        final double d1 = x / w + 0.5 * w;
        final double d2 = d1 - w;
        return theta * (Math.exp(0.5 * x) * Normal.cdf(theta * d1) - Math.exp(-0.5 * x) * Normal.cdf(theta * d2));
    }
}
