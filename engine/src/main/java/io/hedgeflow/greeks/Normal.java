package io.hedgeflow.greeks;

/**
 * Standard normal density and cumulative distribution on primitives.
 * The CDF is Hart's double-precision algorithm 5666 as given by West (2005), "Better approximations to
 * cumulative normal functions", Wilmott Magazine: absolute error about 1e-15 over the whole real line.
 */
public final class Normal
{
    /** 1 / sqrt(2 pi). */
    public static final double INV_SQRT_2PI = 0.3989422804014327;

    private Normal()
    {
    }

    /** Density phi(x). */
    public static double pdf(final double x)
    {
        return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Cumulative distribution N(x); exactly 0 below -37 and 1 above 37. */
    public static double cdf(final double x)
    {
        final double a = Math.abs(x);
        double c;
        if (a > 37.0)
        {
            c = 0.0;
        }
        else
        {
            final double e = Math.exp(-a * a * 0.5);
            if (a < 7.07106781186547)
            {
                double n = 3.52624965998911E-02 * a + 0.700383064443688;
                n = n * a + 6.37396220353165;
                n = n * a + 33.912866078383;
                n = n * a + 112.079291497871;
                n = n * a + 221.213596169931;
                n = n * a + 220.206867912376;
                double d = 8.83883476483184E-02 * a + 1.75566716318264;
                d = d * a + 16.064177579207;
                d = d * a + 86.7807322029461;
                d = d * a + 296.564248779674;
                d = d * a + 637.333633378831;
                d = d * a + 793.826512519948;
                d = d * a + 440.413735824752;
                c = e * n / d;
            }
            else
            {
                double b = a + 0.65;
                b = a + 4.0 / b;
                b = a + 3.0 / b;
                b = a + 2.0 / b;
                b = a + 1.0 / b;
                c = e / b / 2.506628274631;
            }
        }
        return x > 0.0 ? 1.0 - c : c;
    }
}
