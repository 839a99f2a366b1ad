package io.hedgeflow.greeks;

import static io.hedgeflow.greeks.NormalisedBlack.curvature;
import static io.hedgeflow.greeks.NormalisedBlack.fourthOverFirst;
import static io.hedgeflow.greeks.NormalisedBlack.householder;
import static io.hedgeflow.greeks.NormalisedBlack.newtonStep;
import static io.hedgeflow.greeks.NormalisedBlack.normalised;
import static io.hedgeflow.greeks.NormalisedBlack.scale;
import static io.hedgeflow.greeks.NormalisedBlack.seriesStep;
import static io.hedgeflow.greeks.NormalisedBlack.thirdOverFirst;
import static io.hedgeflow.greeks.NormalisedBlack.vega;

/**
 * {@link ImpliedVol}'s refinement of an initial guess ({@link SegmentGuess}) on the objective of beta's segment. In
 * the central segments each step is the inverse series of b to nu^5 (order six, {@link NormalisedBlack#seriesStep}:
 * b's derivatives over b' are polynomials in xbar^2 / w^k) from the Newton step nu taken without forming b
 * ({@link NormalisedBlack#newtonStep}: one exp for 1/b', two Mills ratios); in the lower segment ln b = ln b' +
 * ln(b / b') costs two Mills ratios and one log, no exp. Steps stay inside a bracket [lo, hi] that every evaluation
 * narrows (a step leaving it bisects), so the solve always converges. A step below {@link #SERIES_CONVERGED} (order
 * six, in b's scale) or {@link #CONVERGED} (order five) is the last: one evaluation after the guess in the central
 * segments and in the lower one while |d1| &lt;= 4; beyond, where the Mills ratio and so the step's derivative lose
 * digits, two.
 */
final class HouseholderSolve
{
    static final int LOWER = 0;
    static final int CENTRAL = 1;
    static final int UPPER = 2;
    /** Upper end of the bracket of every solve. */
    static final double MAX_TOTAL_VOL = 40.0;
    /**
     * In the central segments the step is the inverse series of b to fifth order (order six), and a Newton step
     * below this, relative in the scale of b's derivatives ({@link NormalisedBlack#scale}), is the last: what is
     * left is of order (1e-2)^6 (below 1e-13 relative on the benchmark set and the capture's marks, below 1e-12 on
     * the QuantLib grid), so one evaluation after the guess.
     */
    static final double SERIES_CONVERGED = 1e-2;
    /**
     * A step inside the bracket smaller than this, relative, ends the solve too: the lower segment's step is of order
     * five, so what is left is of order (2.5e-3)^5 = 1e-13 relative (the benchmark's sets: one evaluation for 73 %
     * of the synthetic set's lower-segment solves and 93 % of the capture's, within 7e-14 of the previous solver).
     */
    static final double CONVERGED = 2.5e-3;

    /** A step smaller than this, relative, ends the solve even when it leaves the bracket (rounding noise in b). */
    private static final double TOLERANCE = 1e-7;
    /** {@link #CONVERGED} for the upper segment's step of order four: (1e-3)^4 = 1e-12. */
    private static final double UPPER_CONVERGED = 1e-3;
    /**
     * Beyond this |d1| the Mills ratio loses digits (5e-10 relative at 6, 4e-8 at 10), and so does the step's
     * derivative: a step then leaves its own size times that error, and only a step below {@link #TAIL_CONVERGED}
     * is the last.
     */
    private static final double ACCURATE_MILLS = 4.0;
    private static final double TAIL_CONVERGED = 1e-5;
    /** A bracket this narrow, relative, ends the solve too (bisection only, where b has no usable slope). */
    private static final double BRACKET_TOLERANCE = 1e-15;

    private HouseholderSolve()
    {
    }

    /** The lower segment's solve from guess, for {@link SegmentNodes}' table. */
    static double solveLower(final double xbar, final double beta, final double guess)
    {
        return solve(LOWER, xbar, Math.exp(0.5 * xbar), beta, guess);
    }

    /**
     * Householder steps on the objective of the segment from guess, kept inside [0, {@link #MAX_TOTAL_VOL}] and the
     * bracket every evaluation narrows (a step leaving it bisects), until a step inside the bracket moves w by less
     * than {@link #CONVERGED} relative (or any step by less than {@link #TOLERANCE}).
     */
    static double solve(final int segment, final double xbar, final double bMax, final double beta, final double guess)
    {
        final double logBeta = segment == LOWER ? Math.log(beta) : 0.0;
        final double target = segment == LOWER ? 1.0 / logBeta : segment == UPPER ? Math.log(bMax - beta) : beta;
        double lo = 0.0;
        double hi = MAX_TOTAL_VOL;
        double w = guess > lo && guess < hi ? guess : 0.5 * (lo + hi);
        for (int i = 0; i < ImpliedVol.MAX_ITERATIONS; i++)
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
            if (converged(segment, xbar, w, residual, next, lo, hi))
            {
                return next;
            }
            w = next > lo && next < hi ? next : 0.5 * (lo + hi);
        }
        return w;
    }

    /**
     * True when next, the step from w whose objective left residual, ends the solve: in the central segments a
     * Newton step below {@link #SERIES_CONVERGED} in b's scale; a step inside the bracket [lo, hi] below the
     * segment's order (or {@link #TAIL_CONVERGED} beyond {@link #ACCURATE_MILLS}); any step below
     * {@link #TOLERANCE}; or a bracket narrower than {@link #BRACKET_TOLERANCE}.
     */
    private static boolean converged(
        final int segment, final double xbar, final double w, final double residual, final double next,
        final double lo, final double hi)
    {
        if (segment == CENTRAL && Math.abs(residual) * scale(xbar, w) <= SERIES_CONVERGED * w &&
            next > lo && next < hi)
        {
            return true;
        }
        final double step = Math.abs(next - w);
        final double limit = xbar / w + 0.5 * w < -ACCURATE_MILLS ? TAIL_CONVERGED :
            segment == UPPER ? UPPER_CONVERGED : CONVERGED;
        return (step <= limit * w && next > lo && next < hi) || step <= TOLERANCE * w ||
            hi - lo <= BRACKET_TOLERANCE * hi;
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
}
