package io.hedgeflow.greeks;

import static io.hedgeflow.greeks.HouseholderSolve.MAX_TOTAL_VOL;
import static io.hedgeflow.greeks.NormalisedBlack.newtonStep;
import static io.hedgeflow.greeks.NormalisedBlack.scale;
import static io.hedgeflow.greeks.NormalisedBlack.seriesStep;

/**
 * Implied volatility of a European option under Black-Scholes-Merton with carry (Black-76: pass the forward as s
 * and q = r), after Jaeckel, "Let's Be Rational" (2015): the same reduction, the same four segments and objectives,
 * the same rational-cubic initial guesses in the central segments, Jaeckel's order-five Householder step (his
 * 2023 derivatives) in the lower segment, his order-four step in the upper one, a higher-order one in the central
 * segments.
 * <pre>
 *   x = ln(F / K) reduced to xbar = -|x| (the out-of-the-money option; in-the-money prices lose their intrinsic
 *   value exactly: price - intrinsic), w = sigma sqrt(t) the total volatility, beta = price / sqrt(F K):
 *     b(w) = e^{xbar/2} N(xbar/w + w/2) - e^{-xbar/2} N(xbar/w - w/2),   increasing from 0 to e^{xbar/2}
 *     b'(w) = phi(xbar/w + w/2) e^{xbar/2}
 *   b is convex below the inflection point w_c = sqrt(2 |xbar|) and concave above it. The tangents at w_c meet 0
 *   at w_l and e^{xbar/2} at w_h, which bound four segments:
 *     beta &lt; b(w_l)        guess from a table of exact solves ({@link SegmentNodes#lowerRatio}), solve
 *                            1/ln b(w) = 1/ln beta
 *     b(w_l) .. b(w_c)       rational cubic in beta through both ends' w and 1/b', solve b(w) = beta
 *     b(w_c) .. b(w_h)       the same on (w_c, w_h)
 *     above b(w_h)           upper map interpolated (f_upper = N(-w/2)), solve ln(b_max - b) = ln(b_max - beta)
 *                            when beta &gt; b_max / 2, else b(w) = beta
 * </pre>
 * Everything about the segments but beta's place among them depends on x alone: {@link SegmentNodes} holds it per
 * node of a grid in w_c (b and 1/b' at w_l, w_c, w_h, the rational cubics' control parameters), so a solve
 * evaluates b only at its own iterates. {@link SegmentGuess} places beta among the segments and builds the initial
 * guess; {@link HouseholderSolve} refines it (one evaluation after the guess in most solves).
 * {@link #totalVolatility(boolean, double, double, double, double)} starts from a nearby solve instead (one or two
 * evaluations, no guess to build). N is written as phi(a) m(|a|) with m the Mills-ratio rational of {@link Normal}
 * (an erfcx-style rational, as Jaeckel's), so the two terms of b never cancel in the lower segment (m is accurate to
 * about 1e-15 relative for |a| &lt;= 4, 5e-10 at 6 and 4e-8 at 10: far tails, |d1| &gt; 6 at the solution, lose
 * digits).
 * <p>
 * No solution: prices at or below intrinsic value but not equal to it, at or above the no-arbitrage upper bound
 * (the discounted forward for a call, the discounted strike for a put), non-finite inputs, t, s or k not
 * positive: the result is {@link #NO_SOLUTION}, never an exception or NaN. A price exactly at intrinsic gives 0.
 */
public final class ImpliedVol
{
    /** Returned when no volatility reproduces the price. */
    public static final double NO_SOLUTION = -1.0;

    /** Bound on steps (bisection alone needs about 70 from the initial bracket). */
    public static final int MAX_ITERATIONS = 100;

    /**
     * A Newton step from a warm guess below this, relative in b's scale, is the last: stricter than
     * {@link HouseholderSolve#SERIES_CONVERGED}, since away from the central segments b's higher derivatives outgrow
     * the scale.
     */
    private static final double WARM_CONVERGED = 3e-3;
    /** Evaluations from a warm guess before the full solve takes over. */
    private static final int WARM_EVALUATIONS = 2;
    /**
     * Largest Newton step from a warm guess, relative in the scale of b's derivatives: the series step then leaves
     * about (1e-1)^6, which the second evaluation's step removes.
     */
    private static final double WARM_LIMIT = 0.1;

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
        final double fwd = q == 0.0 ? s : s * Math.exp(-q * t);
        final double kd = r == 0.0 ? k : k * Math.exp(-r * t);
        return volatility(totalVolatility(call, fwd, kd, price), t);
    }

    /**
     * The total volatility w = sigma sqrt(t) of a Black-76 option on forward f with strike k worth price, all in the
     * same units (undiscounted, or all discounted alike): what {@link #solve} divides by sqrt(t). It does not depend
     * on t, so a caller that keeps it for a price and forward has the volatility at any t from {@link #volatility},
     * bit for bit what {@link #solve}(call, f, k, t, 0, 0, price) returns.
     *
     * @return w, 0 at intrinsic, or {@link #NO_SOLUTION}.
     */
    public static double totalVolatility(final boolean call, final double f, final double k, final double price)
    {
        return totalVolatility(call, f, k, price, 0.0);
    }

    /**
     * {@link #totalVolatility(boolean, double, double, double)} started from guess, the total volatility of a nearby
     * solve (the same option's previous mark): one or two evaluations of b, each followed by a step of the inverse
     * series, ending as the central segments do (a Newton step below {@link HouseholderSolve#SERIES_CONVERGED} in
     * b's scale); a guess too far for that (or 0) gets the full solve. The result agrees with the
     * full solve to the precision of either (not bit for bit); it depends on the guess, so a caller that needs
     * determinism passes guesses that depend on its inputs only.
     *
     * @param guess a total volatility near the answer, or 0 for none.
     * @return w, 0 at intrinsic, or {@link #NO_SOLUTION}.
     */
    public static double totalVolatility(
        final boolean call, final double f, final double k, final double price, final double guess)
    {
        if (!(f > 0.0 && k > 0.0) || !Double.isFinite(f * k * price))
        {
            return NO_SOLUTION;
        }
        final double intrinsic = Math.max(call ? f - k : k - f, 0.0);
        final double upper = call ? f : k;
        if (price == intrinsic)
        {
            return 0.0;
        }
        if (!(price > intrinsic && price < upper))
        {
            return NO_SOLUTION;
        }
        final double xbar = -Math.abs(Math.log(f / k));
        final double beta = (price - intrinsic) / Math.sqrt(f * k);
        final double warm = guess > 0.0 && guess < MAX_TOTAL_VOL ? warmStart(xbar, beta, guess) : NO_SOLUTION;
        return warm > 0.0 ? warm : totalVol(xbar, beta);
    }

    /**
     * Series steps on b(w) = beta from a guess near the answer, at most {@link #WARM_EVALUATIONS}: the answer when a
     * Newton step falls below {@link HouseholderSolve#SERIES_CONVERGED} in b's scale (as in the central segments), or
     * {@link #NO_SOLUTION} when a step is above {@link #WARM_LIMIT} (the guess is too far) or none converged.
     */
    private static double warmStart(final double xbar, final double beta, final double guess)
    {
        final double bMax = Math.exp(0.5 * xbar);
        double w = guess;
        for (int i = 0; i < WARM_EVALUATIONS && beta < bMax; i++)
        {
            final double nu = newtonStep(xbar, bMax, beta, w);
            final double relative = Math.abs(nu) * scale(xbar, w) / w;
            final double next = w + seriesStep(xbar, w, nu);
            if (!(relative <= WARM_LIMIT && next > 0.0 && next < MAX_TOTAL_VOL))
            {
                break;
            }
            if (relative <= WARM_CONVERGED)
            {
                return next;
            }
            w = next;
        }
        return NO_SOLUTION;
    }

    /**
     * @param totalVolatility a {@link #totalVolatility} result.
     * @param t               years to expiry, positive.
     * @return the volatility, or {@link #NO_SOLUTION} when the total volatility is.
     */
    public static double volatility(final double totalVolatility, final double t)
    {
        return totalVolatility < 0.0 ? NO_SOLUTION : totalVolatility / Math.sqrt(t);
    }

    /** The total volatility w with b(xbar, w) = beta, or {@link #NO_SOLUTION}. */
    static double totalVol(final double xbar, final double beta)
    {
        final double bMax = Math.exp(0.5 * xbar);
        if (!(beta < bMax))
        {
            return NO_SOLUTION;
        }
        final double wc = Math.sqrt(-2.0 * xbar);
        final double[] grid = SegmentNodes.grid(wc);
        return grid != null ?
            SegmentGuess.fromNodes(xbar, beta, bMax, wc, grid, SegmentNodes.node(wc), SegmentNodes.fraction(wc)) :
            SegmentGuess.fromNodes(xbar, beta, bMax, wc, SegmentNodes.compute(wc), 0, 0.0);
    }
}
