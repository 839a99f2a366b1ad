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
 * {@link #totalVolatility(boolean, double, double, double, double, double[], int)} starts from the same option's
 * previous solve instead (one evaluation for most marks of a feed, no guess to build). N is written as
 * phi(a) m(|a|) with m the Mills-ratio rational of {@link Normal} (an erfcx-style rational, as Jaeckel's), so the
 * two terms of b never cancel in the lower segment (m is accurate to about 1e-15 relative for |a| &lt;= 4, 5e-10 at 6
 * and 4e-8 at 10: far tails, |d1| &gt; 6 at the solution, lose digits).
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

    /**
     * Doubles per option of the track of {@link #totalVolatility(boolean, double, double, double, double, double[],
     * int)}.
     */
    public static final int TRACK_LENGTH = 5;
    private static final int TRACK_XBAR = 0;
    private static final int TRACK_BETA = 1;
    private static final int TRACK_W = 2;
    private static final int TRACK_DW_DBETA = 3;
    private static final int TRACK_DW_DXBAR = 4;

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
        final double bound = bound(call, f, k, price);
        if (!Double.isNaN(bound))
        {
            return bound;
        }
        final double intrinsic = Math.max(call ? f - k : k - f, 0.0);
        return totalVol(-Math.abs(Math.log(f / k)), (price - intrinsic) / Math.sqrt(f * k));
    }

    /**
     * {@link #totalVolatility(boolean, double, double, double)} started from the option's previous solve, kept in
     * track[at .. at + {@link #TRACK_LENGTH}) (all zero before the first): that solve's xbar, beta and w and the
     * slopes of w in beta and in xbar there. The guess is w's first-order (tangent plane) move with beta and xbar, so
     * a mark that moved with the forward needs no more than a mark that did not move: one or two evaluations of b,
     * each followed by a step of the inverse series, ending as the central segments do (a Newton step below
     * {@link HouseholderSolve#SERIES_CONVERGED} in b's scale); a guess too far for that (or none) gets the full
     * solve. The result agrees with the full solve to the precision of either (not bit for bit); it depends on the
     * track, so it is deterministic for a deterministic sequence of solves. The track is updated.
     *
     * @param logMoneyness ln(f / k), or ln f - ln k from logarithms the caller keeps (a forward shared by many
     *                     options, a strike that does not change): within a few ulps of ln f of the exact value, which
     *                     moves w by as little (the solve itself agrees with the full solve to 2e-13 relative).
     * @return w, 0 at intrinsic, or {@link #NO_SOLUTION}.
     */
    public static double totalVolatility(
        final boolean call, final double f, final double k, final double logMoneyness, final double price,
        final double[] track, final int at)
    {
        final double bound = bound(call, f, k, price);
        final double w = Double.isNaN(bound) ? tracked(call, f, k, logMoneyness, price, track, at) : bound;
        track[at + TRACK_W] = w;
        return w;
    }

    /** NO_SOLUTION or 0 (at intrinsic) for a price outside the no-arbitrage bounds or invalid inputs, else NaN. */
    private static double bound(final boolean call, final double f, final double k, final double price)
    {
        if (!(f > 0.0 && k > 0.0) || !Double.isFinite(f * k * price))
        {
            return NO_SOLUTION;
        }
        final double intrinsic = Math.max(call ? f - k : k - f, 0.0);
        if (price == intrinsic)
        {
            return 0.0;
        }
        return price > intrinsic && price < (call ? f : k) ? Double.NaN : NO_SOLUTION;
    }

    private static double tracked(
        final boolean call, final double f, final double k, final double logMoneyness, final double price,
        final double[] track, final int at)
    {
        final double xbar = -Math.abs(logMoneyness);
        final double beta = (price - Math.max(call ? f - k : k - f, 0.0)) / Math.sqrt(f * k);
        final double bMax = Math.sqrt(f < k ? f / k : k / f);
        final double previous = track[at + TRACK_W];
        final double tangent = previous + (beta - track[at + TRACK_BETA]) * track[at + TRACK_DW_DBETA] +
            (xbar - track[at + TRACK_XBAR]) * track[at + TRACK_DW_DXBAR];
        final double guess = tangent > 0.0 && tangent < MAX_TOTAL_VOL ? tangent : previous;
        final double warm = previous > 0.0 && guess < MAX_TOTAL_VOL ?
            warmStart(xbar, beta, bMax, guess, track, at) : NO_SOLUTION;
        if (warm > 0.0)
        {
            return warm;
        }
        final double w = totalVol(xbar, beta);
        if (w > 0.0)
        {
            slopes(xbar, beta, w, NormalisedBlack.inverseSlope(xbar, w), track, at);
        }
        return w;
    }

    /**
     * Series steps on b(w) = beta from a guess near the answer, at most {@link #WARM_EVALUATIONS}: the answer when a
     * Newton step falls below {@link #WARM_CONVERGED} in b's scale, or {@link #NO_SOLUTION} when a step is above
     * {@link #WARM_LIMIT} (the guess is too far) or none converged. The answer's track gets the slopes at the last
     * evaluation (within that step of the answer: close enough for the next guess, and no evaluation more).
     *
     * @param bMax e^{xbar/2}, the upper bound of b, as sqrt(min(F, K) / max(F, K)) (a square root, not an exp).
     */
    private static double warmStart(
        final double xbar, final double beta, final double bMax, final double guess, final double[] track,
        final int at)
    {
        double w = guess;
        for (int i = 0; i < WARM_EVALUATIONS && beta < bMax; i++)
        {
            final double inverseSlope = NormalisedBlack.inverseSlope(xbar, w);
            final double nu = newtonStep(xbar, bMax, beta, w, inverseSlope);
            final double relative = Math.abs(nu) * scale(xbar, w) / w;
            final double next = w + seriesStep(xbar, w, nu);
            if (!(relative <= WARM_LIMIT && next > 0.0 && next < MAX_TOTAL_VOL))
            {
                break;
            }
            if (relative <= WARM_CONVERGED)
            {
                slopes(xbar, beta, w, inverseSlope, track, at);
                return next;
            }
            w = next;
        }
        return NO_SOLUTION;
    }

    /**
     * Records xbar and beta of a solve and the slopes of w there, from 1/b' at w: dw/dbeta = 1/b', and
     * dw/dxbar = -(db/dxbar) / b' with db/dxbar = b / 2 + b' m(-d2) ({@link NormalisedBlack#lowerMills}).
     */
    private static void slopes(
        final double xbar, final double beta, final double w, final double inverseSlope, final double[] track,
        final int at)
    {
        track[at + TRACK_XBAR] = xbar;
        track[at + TRACK_BETA] = beta;
        track[at + TRACK_DW_DBETA] = inverseSlope;
        track[at + TRACK_DW_DXBAR] = -Math.fma(0.5 * beta, inverseSlope, NormalisedBlack.lowerMills(xbar, w));
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
