package io.hedgeflow.greeks;

/**
 * Standard normal density and cumulative distribution on primitives.
 * <p>
 * The CDF is Hart's double-precision rational (algorithm 5666, as given by West (2005), "Better approximations
 * to cumulative normal functions", Wilmott Magazine) used over the whole line: N(-a) = e^{-a^2/2} P(a) / Q(a).
 * Hart switches to a continued fraction above a = 7.07; the rational alone stays within 3e-21 absolute there
 * (checked against mpmath to a = 9), so one branch-free formula serves both this scalar reference and the
 * vector kernel, whose lane-wise twin (in {@link GreekPasses#outputs}) does the same operations in the same order
 * (Horner with fused multiply-adds), so the two agree bit for bit. Absolute error is about 1e-16.
 * The numerator coefficients are pre-multiplied by sqrt(2 pi) so that the rational takes the density phi(a)
 * directly, which the Greeks have already computed.
 */
public final class Normal
{
    /** 1 / sqrt(2 pi). */
    public static final double INV_SQRT_2PI = 0.3989422804014327;

    static final double SQRT_2PI = 2.5066282746310002;
    static final double P6 = SQRT_2PI * 3.52624965998911E-02;
    static final double P5 = SQRT_2PI * 0.700383064443688;
    static final double P4 = SQRT_2PI * 6.37396220353165;
    static final double P3 = SQRT_2PI * 33.912866078383;
    static final double P2 = SQRT_2PI * 112.079291497871;
    static final double P1 = SQRT_2PI * 221.213596169931;
    static final double P0 = SQRT_2PI * 220.206867912376;
    static final double Q7 = 8.83883476483184E-02;
    static final double Q6 = 1.75566716318264;
    static final double Q5 = 16.064177579207;
    static final double Q4 = 86.7807322029461;
    static final double Q3 = 296.564248779674;
    static final double Q2 = 637.333633378831;
    static final double Q1 = 793.826512519948;
    static final double Q0 = 440.413735824752;

    /** |x| is clamped here before the rational: beyond it the density is 0 in double and N is exactly 0 or 1. */
    static final double MAX_ABS_X = 40.0;

    private Normal()
    {
    }

    /** Density phi(x). */
    public static double pdf(final double x)
    {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Cumulative distribution N(x); exactly 0 or 1 once the density underflows (|x| above about 38.6). */
    public static double cdf(final double x)
    {
        return cdf(x, pdf(x));
    }

    /**
     * N(x) given its density, for callers that already hold phi(x).
     *
     * @param x       the argument.
     * @param density phi(x).
     * @return N(x).
     */
    public static double cdf(final double x, final double density)
    {
        final double abs = Math.abs(x);
        final double a = abs > MAX_ABS_X ? MAX_ABS_X : abs;
        final double c = density * numerator(a) / denominator(a);
        return x > 0.0 ? 1.0 - c : c;
    }

    /**
     * The Mills ratio m(a) = N(-a) / phi(a) for a &gt;= 0 by the same rational ({@code N(-a) = phi(a) m(a)}),
     * for callers that hold phi(a) in another form (the implied volatility solver).
     */
    static double millsRatio(final double a)
    {
        final double clamped = a > MAX_ABS_X ? MAX_ABS_X : a;
        return numerator(clamped) / denominator(clamped);
    }

    private static double numerator(final double a)
    {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(P6, a, P5), a, P4), a, P3), a, P2), a, P1), a,
            P0);
    }

    private static double denominator(final double a)
    {
        return Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Q7, a, Q6), a, Q5), a, Q4), a, Q3),
            a, Q2), a, Q1), a, Q0);
    }
}
