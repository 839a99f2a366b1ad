package io.hedgeflow.greeks;

import static io.hedgeflow.greeks.NormalisedBlack.curvature;
import static io.hedgeflow.greeks.NormalisedBlack.fourthOverFirst;
import static io.hedgeflow.greeks.SegmentNodes.at;
import static io.hedgeflow.greeks.NormalisedBlack.householder;
import static io.hedgeflow.greeks.NormalisedBlack.newtonStep;
import static io.hedgeflow.greeks.NormalisedBlack.normalised;
import static io.hedgeflow.greeks.NormalisedBlack.scale;
import static io.hedgeflow.greeks.NormalisedBlack.seriesStep;
import static io.hedgeflow.greeks.NormalisedBlack.thirdOverFirst;
import static io.hedgeflow.greeks.NormalisedBlack.vega;

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
 * evaluates b only at its own iterates. In the central segments each step is the inverse series of b to nu^5
 * (order six, {@link NormalisedBlack#seriesStep}: b's derivatives over b' are polynomials in xbar^2 / w^k) from the
 * Newton step nu taken without forming b ({@link NormalisedBlack#newtonStep}: one exp for 1/b', two Mills ratios);
 * in the lower segment ln b = ln b' + ln(b / b') costs two Mills ratios and one log, no exp. Steps stay inside a
 * bracket [lo, hi] that every evaluation narrows (a step leaving it bisects), so the solve always converges. A
 * step below {@link #SERIES_CONVERGED} (order six, in b's scale) or {@link #CONVERGED} (order five) is the last:
 * one evaluation after the guess in the central segments and in the lower one while |d1| &lt;= 4; beyond, where
 * the Mills ratio and so the step's derivative lose digits, two. {@link #totalVolatility(boolean, double, double,
 * double, double)} starts from a nearby solve instead (one or two evaluations, no guess to build). N is written as
 * phi(a) m(|a|) with m the Mills-ratio rational of {@link Normal} (an erfcx-style rational, as Jaeckel's), so the
 * two terms of b never cancel in the lower segment (m is accurate to about 1e-15 relative for |a| &lt;= 4, 5e-10
 * at 6 and 4e-8 at 10: far tails, |d1| &gt; 6 at the solution, lose digits).
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

    private static final double MAX_TOTAL_VOL = 40.0;
    /** A step smaller than this, relative, ends the solve even when it leaves the bracket (rounding noise in b). */
    private static final double TOLERANCE = 1e-7;
    /**
     * A step inside the bracket smaller than this, relative, ends the solve too: the lower segment's step is of order
     * five, so what is left is of order (2.5e-3)^5 = 1e-13 relative (the benchmark's sets: one evaluation for 73 %
     * of the synthetic set's lower-segment solves and 93 % of the capture's, within 7e-14 of the previous solver).
     */
    private static final double CONVERGED = 2.5e-3;
    /** {@link #CONVERGED} for the upper segment's step of order four: (1e-3)^4 = 1e-12. */
    private static final double UPPER_CONVERGED = 1e-3;
    /**
     * Beyond this |d1| the Mills ratio loses digits (5e-10 relative at 6, 4e-8 at 10), and so does the step's
     * derivative: a step then leaves its own size times that error, and only a step below {@link #TAIL_CONVERGED}
     * is the last.
     */
    private static final double ACCURATE_MILLS = 4.0;
    private static final double TAIL_CONVERGED = 1e-5;
    /**
     * In the central segments the step is the inverse series of b to fifth order (order six), and a Newton step
     * below this, relative in the scale of b's derivatives ({@link NormalisedBlack#scale}), is the last: what is
     * left is of order (1e-2)^6 (below 1e-13 relative on the benchmark set and the capture's marks, below 1e-12 on
     * the QuantLib grid), so one evaluation after the guess.
     */
    private static final double SERIES_CONVERGED = 1e-2;
    /**
     * A Newton step from a warm guess below this, relative in b's scale, is the last: stricter than
     * {@link #SERIES_CONVERGED}, since away from the central segments b's higher derivatives outgrow the scale.
     */
    private static final double WARM_CONVERGED = 3e-3;
    /** Evaluations from a warm guess before the full solve takes over. */
    private static final int WARM_EVALUATIONS = 2;
    /**
     * Largest Newton step from a warm guess, relative in the scale of b's derivatives: the series step then leaves
     * about (1e-1)^6, which the second evaluation's step removes.
     */
    private static final double WARM_LIMIT = 0.1;
    /** A bracket this narrow, relative, ends the solve too (bisection only, where b has no usable slope). */
    private static final double BRACKET_TOLERANCE = 1e-15;
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);
    private static final double SQRT_HALF_PI = Math.sqrt(0.5 * Math.PI);
    private static final int LOWER = 0;
    private static final int CENTRAL = 1;
    private static final int UPPER = 2;

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
     * series, ending as the central segments do (a Newton step below {@link #SERIES_CONVERGED} in b's scale); a
     * guess too far for that (or 0) gets the full solve. The result agrees with the
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
     * Newton step falls below {@link #SERIES_CONVERGED} in b's scale (as in the central segments), or
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
            fromNodes(xbar, beta, bMax, wc, grid, SegmentNodes.node(wc), SegmentNodes.fraction(wc)) :
            fromNodes(xbar, beta, bMax, wc, SegmentNodes.compute(wc), 0, 0.0);
    }

    /**
     * The segment of beta and its initial guess from the segments' data ({@link SegmentNodes}, interpolated in
     * w_c), then the solve from that guess. Interpolated data can put a beta within rounding of a segment's end in
     * its neighbour (whose guess is as good there), so the bracket is the whole range rather than the segment.
     */
    private static double fromNodes(
        final double xbar, final double beta, final double bMax, final double wc, final double[] nodes,
        final int node, final double fraction)
    {
        final double inverseVc = SQRT_2PI / bMax;
        final double bc = at(nodes, node, fraction, SegmentNodes.CENTRE);
        if (beta < bc)
        {
            final double bl = at(nodes, node, fraction, SegmentNodes.LOWER_VALUE);
            if (beta < bl)
            {
                final double s = at(nodes, node, fraction, SegmentNodes.LOWER_LOG_VALUE) / Math.log(beta);
                return solve(LOWER, xbar, bMax, beta, at(nodes, node, fraction, SegmentNodes.LOWER_END) *
                    Math.sqrt(s * SegmentNodes.lowerRatio(nodes, node, fraction, s)), 0.0, MAX_TOTAL_VOL);
            }
            return solve(CENTRAL, xbar, bMax, beta, RationalCubic.interpolate(beta, bl, bc,
                at(nodes, node, fraction, SegmentNodes.LOWER_END), wc,
                at(nodes, node, fraction, SegmentNodes.LOWER_INVERSE_SLOPE), inverseVc,
                at(nodes, node, fraction, SegmentNodes.LOWER_CENTRAL_CONTROL)), 0.0, MAX_TOTAL_VOL);
        }
        final double bh = at(nodes, node, fraction, SegmentNodes.UPPER_VALUE);
        final double wh = at(nodes, node, fraction, SegmentNodes.UPPER_END);
        if (beta <= bh)
        {
            return solve(CENTRAL, xbar, bMax, beta, RationalCubic.interpolate(beta, bc, bh, wc, wh, inverseVc,
                at(nodes, node, fraction, SegmentNodes.UPPER_INVERSE_SLOPE),
                at(nodes, node, fraction, SegmentNodes.UPPER_CENTRAL_CONTROL)), 0.0, MAX_TOTAL_VOL);
        }
        return solve(beta > 0.5 * bMax ? UPPER : CENTRAL, xbar, bMax, beta, upperGuess(xbar, beta, bMax, wh, bh),
            0.0, MAX_TOTAL_VOL);
    }

    /** The lower segment's solve from guess, for {@link SegmentNodes}' table. */
    static double solveLower(final double xbar, final double beta, final double guess)
    {
        return solve(LOWER, xbar, Math.exp(0.5 * xbar), beta, guess, 0.0, MAX_TOTAL_VOL);
    }

    /**
     * Above b(wh): Jaeckel's upper map f(w) = N(-w / 2), whose slope in beta tends to -1/2 at b = e^{xbar/2},
     * interpolated in beta by a rational cubic from f(wh) with its first and second derivatives to (bMax, 0),
     * then inverted.
     */
    private static double upperGuess(
        final double xbar, final double beta, final double bMax, final double wh, final double bh)
    {
        final double half = 0.5 * wh;
        final double fh = Normal.pdf(half) * Normal.millsRatio(half);
        final double a2 = xbar * xbar / (wh * wh);
        final double fp = -0.5 * Math.exp(0.5 * a2);
        final double fpp = SQRT_HALF_PI * Math.exp(a2 + 0.125 * wh * wh) * a2 / wh;
        double f = 0.0;
        if (Double.isFinite(fpp))
        {
            final double r = RationalCubic.fitLeft(bh, bMax, fh, 0.0, fp, -0.5, fpp, true);
            f = RationalCubic.interpolate(beta, bh, bMax, fh, 0.0, fp, -0.5, r);
        }
        if (!(f > 0.0))
        {
            final double h = bMax - bh;
            final double t = (beta - bh) / h;
            f = (fh * (1.0 - t) + 0.5 * h * t) * (1.0 - t);
        }
        return -2.0 * inverseCdf(f);
    }

    /**
     * Householder steps on the objective of the segment from guess, kept inside [lo, hi] (a step leaving it
     * bisects), until a step inside the bracket moves w by less than {@link #CONVERGED} relative (or any step by
     * less than {@link #TOLERANCE}).
     */
    private static double solve(
        final int segment, final double xbar, final double bMax, final double beta, final double guess,
        double lo, double hi)
    {
        final double logBeta = segment == LOWER ? Math.log(beta) : 0.0;
        final double target = segment == LOWER ? 1.0 / logBeta : segment == UPPER ? Math.log(bMax - beta) : beta;
        double w = guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
        for (int i = 0; i < MAX_ITERATIONS; i++)
        {
            final double residual;
            final double next;
            if (segment == CENTRAL)
            {
                residual = newtonStep(xbar, bMax, beta, w);
                next = w + seriesStep(xbar, w, residual);
            }
            else if (segment == LOWER)
            {
                final double ratio = NormalisedBlack.ratio(xbar, bMax, w);
                final double logB = Math.log(ratio) + NormalisedBlack.logVega(xbar, w);
                residual = logBeta - logB;
                next = w + lowerStep(xbar, w, logB, logBeta, 1.0 / ratio);
            }
            else
            {
                final double slope = vega(xbar, w);
                final double b = normalised(xbar, bMax, slope, w);
                residual = beta - b;
                next = w + upperStep(xbar, bMax, target, w, b, slope);
            }
            if (residual > 0.0)
            {
                lo = w;
            }
            else if (residual < 0.0)
            {
                hi = w;
            }
            else
            {
                return w;
            }
            if (segment == CENTRAL && Math.abs(residual) * scale(xbar, w) <= SERIES_CONVERGED * w &&
                next > lo && next < hi)
            {
                return next;
            }
            final double step = Math.abs(next - w);
            final double converged = xbar / w + 0.5 * w < -ACCURATE_MILLS ? TAIL_CONVERGED :
                segment == UPPER ? UPPER_CONVERGED : CONVERGED;
            if ((step <= converged * w && next > lo && next < hi) || step <= TOLERANCE * w ||
                hi - lo <= BRACKET_TOLERANCE * hi)
            {
                return next;
            }
            w = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        return w;
    }

    /**
     * The order-five Householder step (Jaeckel's, with his derivatives of the objective) on the lower segment's
     * objective 1 / ln b(w) - 1 / ln beta, given ln b(w), ln beta and b'(w) / b(w) = slopeOverB: with lambda =
     * 1 / ln b, h_k = b^(k) / b' ({@link NormalisedBlack#curvature}, {@link NormalisedBlack#thirdOverFirst},
     * {@link NormalisedBlack#fourthOverFirst}) and g = b' / b,
     * <pre>
     *   nu = (ln beta - ln b) ln b / (ln beta g),   hh2 = h2 - g (1 + 2 lambda),
     *   hh3 = h3 + g^2 (2 + 6 lambda (1 + lambda)) - 3 g h2 (1 + 2 lambda),
     *   hh4 = h4 - g (g^2 (6 + lambda (22 + lambda (36 + 24 lambda))) - g h2 (12 + 36 lambda (1 + lambda)))
     *         - 3 g h2^2 (1 + 2 lambda) - 4 g h3 (1 + 2 lambda).
     * </pre>
     */
    private static double lowerStep(
        final double xbar, final double w, final double logB, final double logBeta, final double slopeOverB)
    {
        final double h2 = curvature(xbar, w);
        final double h3 = thirdOverFirst(xbar, w, h2);
        final double h4 = fourthOverFirst(xbar, w, h2, h3);
        final double lambda = 1.0 / logB;
        final double twice = 1.0 + 2.0 * lambda;
        final double mu = 6.0 * lambda * (1.0 + lambda);
        final double g = slopeOverB;
        final double gh2 = g * h2;
        final double nu = (logBeta - logB) * logB / (logBeta * g);
        final double hh2 = h2 - g * twice;
        final double hh3 = h3 + g * g * (2.0 + mu) - 3.0 * gh2 * twice;
        final double hh4 = h4 - g * (g * g * (6.0 + lambda * (22.0 + lambda * (36.0 + 24.0 * lambda))) -
            gh2 * (12.0 + 6.0 * mu)) - 3.0 * gh2 * h2 * twice - 4.0 * g * h3 * twice;
        return householder(nu, hh2, hh3, hh4);
    }

    /** The order-four Householder step on the upper segment's objective ln(bMax - b(w)) - target. */
    private static double upperStep(
        final double xbar, final double bMax, final double target, final double w, final double b,
        final double slope)
    {
        final double h2 = curvature(xbar, w);
        final double gap = bMax - b;
        final double mu = slope / gap;
        return householder((Math.log(gap) - target) / mu, h2 + mu,
            thirdOverFirst(xbar, w, h2) + 3.0 * mu * h2 + 2.0 * mu * mu);
    }

    /**
     * N^{-1}(p) for 0 &lt; p &lt;= 1/2 to about 1e-9 relative (Acklam's rational approximation): only a starting
     * point, which the Householder steps then refine to full precision.
     */
    static double inverseCdf(final double p)
    {
        if (p < 0.02425)
        {
            final double q = Math.sqrt(-2.0 * Math.log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q -
                2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00) /
                ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q +
                3.754408661907416e+00) * q + 1.0);
        }
        final double q = p - 0.5;
        final double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r +
            1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q /
            (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r +
            6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1.0);
    }
}
