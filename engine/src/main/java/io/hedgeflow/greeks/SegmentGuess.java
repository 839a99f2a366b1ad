package io.hedgeflow.greeks;

import static io.hedgeflow.greeks.HouseholderSolve.CENTRAL;
import static io.hedgeflow.greeks.HouseholderSolve.LOWER;
import static io.hedgeflow.greeks.HouseholderSolve.UPPER;
import static io.hedgeflow.greeks.SegmentNodes.at;

/**
 * The segment of {@link ImpliedVol}'s reduced price beta and its initial guess of the total volatility: from the
 * segments' data of {@link SegmentNodes} (interpolated in w_c), a table of exact solves in the lower segment, the
 * rational cubics in the central ones and the interpolated upper map above b(w_h); {@link HouseholderSolve} then
 * refines the guess.
 */
final class SegmentGuess
{
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);
    private static final double SQRT_HALF_PI = Math.sqrt(0.5 * Math.PI);

    private SegmentGuess()
    {
    }

    /**
     * The segment of beta and its initial guess from the segments' data ({@link SegmentNodes}, interpolated in
     * w_c), then the solve from that guess. Interpolated data can put a beta within rounding of a segment's end in
     * its neighbour (whose guess is as good there), so the bracket is the whole range rather than the segment.
     */
    static double fromNodes(
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
                return HouseholderSolve.solve(LOWER, xbar, bMax, beta, at(nodes, node, fraction,
                    SegmentNodes.LOWER_END) * Math.sqrt(s * SegmentNodes.lowerRatio(nodes, node, fraction, s)));
            }
            return HouseholderSolve.solve(CENTRAL, xbar, bMax, beta, RationalCubic.interpolate(beta, bl, bc,
                at(nodes, node, fraction, SegmentNodes.LOWER_END), wc,
                at(nodes, node, fraction, SegmentNodes.LOWER_INVERSE_SLOPE), inverseVc,
                at(nodes, node, fraction, SegmentNodes.LOWER_CENTRAL_CONTROL)));
        }
        final double bh = at(nodes, node, fraction, SegmentNodes.UPPER_VALUE);
        final double wh = at(nodes, node, fraction, SegmentNodes.UPPER_END);
        if (beta <= bh)
        {
            return HouseholderSolve.solve(CENTRAL, xbar, bMax, beta, RationalCubic.interpolate(beta, bc, bh, wc, wh,
                inverseVc, at(nodes, node, fraction, SegmentNodes.UPPER_INVERSE_SLOPE),
                at(nodes, node, fraction, SegmentNodes.UPPER_CENTRAL_CONTROL)));
        }
        return HouseholderSolve.solve(
            beta > 0.5 * bMax ? UPPER : CENTRAL, xbar, bMax, beta, upperGuess(xbar, beta, bMax, wh, bh));
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
