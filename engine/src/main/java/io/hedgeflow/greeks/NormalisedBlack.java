package io.hedgeflow.greeks;

/**
 * The normalised Black function of {@link ImpliedVol} and its derivatives in the total volatility w, for
 * xbar = -|ln(F / K)| &lt;= 0:
 * <pre>
 *   b(w) = e^{xbar/2} N(xbar/w + w/2) - e^{-xbar/2} N(xbar/w - w/2)
 *   b'(w) = phi(xbar/w + w/2) e^{xbar/2},   b''(w) / b'(w) = p = xbar^2 / w^3 - w / 4,
 *   b^(k+1)(w) / b'(w) = (d/dw + p)^k 1     (polynomials in xbar^2 / w^j and w: no transcendental)
 * </pre>
 * and the steps built on them: Householder's of order four and the inverse series of order six.
 */
final class NormalisedBlack
{
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);
    private static final double LN_SQRT_2PI = 0.5 * Math.log(2.0 * Math.PI);

    private NormalisedBlack()
    {
    }

    /** Third-order Householder step from Newton step nu, with h2 = f''/f' and h3 = f'''/f'. */
    static double householder(final double nu, final double h2, final double h3)
    {
        return nu * (1.0 + 0.5 * h2 * nu) / (1.0 + nu * (h2 + h3 * nu / 6.0));
    }

    /** Fourth-order Householder step (order five) from Newton step nu, with hk = f^(k) / f'. */
    static double householder(final double nu, final double h2, final double h3, final double h4)
    {
        return nu * (1.0 + nu * (h2 + nu * h3 / 6.0)) /
            (1.0 + nu * (1.5 * h2 + nu * (0.25 * h2 * h2 + h3 / 3.0 + nu * h4 / 24.0)));
    }

    /**
     * The step d with b(w + d) = b(w) + b'(w) nu by the inverse (Lagrange) series to nu^5: with a_k = b^(k) / (k! b')
     * from p = b'' / b' = xbar^2 / w^3 - w / 4 and its derivatives (b^(k+1) / b' = (d/dw + p)^k 1, no transcendental),
     * d = nu - a2 nu^2 + (2 a2^2 - a3) nu^3 + (5 a2 a3 - 5 a2^3 - a4) nu^4
     * + (14 a2^4 - 21 a2^2 a3 + 6 a2 a4 + 3 a3^2 - a5) nu^5.
     */
    static double seriesStep(final double xbar, final double w, final double nu)
    {
        final double u = 1.0 / w;
        final double c = xbar * xbar * u * u * u;
        final double p = c - 0.25 * w;
        final double p1 = -3.0 * c * u - 0.25;
        final double p2 = 12.0 * c * u * u;
        final double p3 = -60.0 * c * u * u * u;
        final double pp = p * p;
        final double a2 = 0.5 * p;
        final double a3 = (p1 + pp) / 6.0;
        final double a4 = (p2 + 3.0 * p * p1 + pp * p) / 24.0;
        final double a5 = (p3 + 4.0 * p * p2 + 3.0 * p1 * p1 + 6.0 * pp * p1 + pp * pp) / 120.0;
        final double a22 = a2 * a2;
        final double c5 = 14.0 * a22 * a22 - 21.0 * a22 * a3 + 6.0 * a2 * a4 + 3.0 * a3 * a3 - a5;
        final double c4 = 5.0 * a2 * a3 - 5.0 * a22 * a2 - a4;
        return nu * (1.0 + nu * (-a2 + nu * (2.0 * a22 - a3 + nu * (c4 + nu * c5))));
    }

    /** The scale of b's derivatives relative to w: b^(k+1) / b' is of order (scale / w)^k. */
    static double scale(final double xbar, final double w)
    {
        final double a = xbar / w;
        return 1.0 + a * a + 0.25 * w * w;
    }

    /** b''(w) / b'(w) = xbar^2 / w^3 - w / 4. */
    static double curvature(final double xbar, final double w)
    {
        return xbar * xbar / (w * w * w) - 0.25 * w;
    }

    /** b'''(w) / b'(w) = h2^2 - 3 xbar^2 / w^4 - 1/4, given h2 = {@link #curvature}. */
    static double thirdOverFirst(final double xbar, final double w, final double h2)
    {
        final double a = xbar / w;
        return h2 * h2 - 3.0 * a * a / (w * w) - 0.25;
    }

    /** b''''(w) / b'(w) = h2 (h3 - 1/2) - 6 (h2 - 2 / w) xbar^2 / w^4, given h2 and h3 = {@link #thirdOverFirst}. */
    static double fourthOverFirst(final double xbar, final double w, final double h2, final double h3)
    {
        final double a = xbar / w;
        return h2 * (h3 - 0.5) - 6.0 * (h2 - 2.0 / w) * a * a / (w * w);
    }

    /** ln b'(w) = -(xbar^2 / w^2 + w^2 / 4) / 2 - ln sqrt(2 pi): no transcendental. */
    static double logVega(final double xbar, final double w)
    {
        final double a = xbar / w;
        return -0.5 * (a * a + 0.25 * w * w) - LN_SQRT_2PI;
    }

    /**
     * b(w) / b'(w): m(-d1) - m(-d2) while d1 &lt; 0, with no exp (the lower segment takes ln b as this ratio's log
     * plus {@link #logVega}), else e^{xbar/2} / b' - m(d1) - m(-d2).
     */
    static double ratio(final double xbar, final double halfForward, final double w)
    {
        final double a = xbar / w;
        final double d1 = a + 0.5 * w;
        final double d2 = d1 - w;
        return d1 < 0.0 ? Normal.millsRatio(-d1) - Normal.millsRatio(-d2) :
            halfForward * SQRT_2PI * Math.exp(0.5 * (a * a + 0.25 * w * w)) -
            (Normal.millsRatio(d1) + Normal.millsRatio(-d2));
    }

    /** b'(w) = phi(xbar / w + w / 2) e^{xbar / 2} = exp(-(xbar^2 / w^2 + w^2 / 4) / 2) / sqrt(2 pi). */
    static double vega(final double xbar, final double w)
    {
        final double a = xbar / w;
        return Normal.INV_SQRT_2PI * Math.exp(-0.5 * (a * a + 0.25 * w * w));
    }

    /**
     * The Newton step nu = (beta - b(w)) / b'(w) without forming b or dividing by b': with 1 / b' from an exp of its
     * own (independent of the Mills ratios, so both run at once), nu = beta / b' - (m(-d1) - m(-d2)) while d1 &lt; 0,
     * else (beta - e^{xbar/2}) / b' + m(d1) + m(-d2). Its sign is that of beta - b(w); where b' underflows it is
     * infinite with that sign.
     */
    static double newtonStep(final double xbar, final double halfForward, final double beta, final double w)
    {
        return newtonStep(xbar, halfForward, beta, w, inverseSlope(xbar, w));
    }

    /** {@link #newtonStep} given 1 / b'(w) ({@link #inverseSlope}). */
    static double newtonStep(
        final double xbar, final double halfForward, final double beta, final double w, final double inverseSlope)
    {
        final double d1 = xbar / w + 0.5 * w;
        return d1 < 0.0 ?
            Math.fma(beta, inverseSlope, lowerMills(xbar, w) - Normal.millsRatio(-d1)) :
            Math.fma(beta - halfForward, inverseSlope, Normal.millsRatio(d1) + lowerMills(xbar, w));
    }

    /** 1 / b'(w) = sqrt(2 pi) exp((xbar^2 / w^2 + w^2 / 4) / 2). */
    static double inverseSlope(final double xbar, final double w)
    {
        final double a = xbar / w;
        return SQRT_2PI * Math.exp(0.5 * (a * a + 0.25 * w * w));
    }

    /**
     * m(-d2) = N(d2) / phi(d2) with d2 = xbar / w - w / 2 &lt;= 0: with it, b's slope in xbar at fixed w is
     * db/dxbar = (e^{xbar/2} N(d1) + e^{-xbar/2} N(d2)) / 2 = b / 2 + b' m(-d2).
     */
    static double lowerMills(final double xbar, final double w)
    {
        return Normal.millsRatio(0.5 * w - xbar / w);
    }

    /** b(w) for xbar &lt;= 0. */
    static double normalised(final double xbar, final double halfForward, final double w)
    {
        return normalised(xbar, halfForward, vega(xbar, w), w);
    }

    /**
     * b(w) given b'(w): with N(a) = phi(a) m(-a) for a &lt; 0 and e^{xbar/2} phi(d1) = e^{-xbar/2} phi(d2) = b',
     * b = b' (m(-d1) - m(-d2)) while d1 &lt; 0, else e^{xbar/2} - b' (m(d1) + m(-d2)).
     */
    static double normalised(final double xbar, final double halfForward, final double slope, final double w)
    {
        final double d1 = xbar / w + 0.5 * w;
        final double d2 = d1 - w;
        return d1 < 0.0 ? slope * (Normal.millsRatio(-d1) - Normal.millsRatio(-d2)) :
            halfForward - slope * (Normal.millsRatio(d1) + Normal.millsRatio(-d2));
    }
}
