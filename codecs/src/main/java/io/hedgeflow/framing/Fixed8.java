package io.hedgeflow.framing;

/**
 * Fixed-point conversions for wire prices, sizes and rates: int64 mantissa with exponent -8.
 * The logic converts once, on decode; encoders round half away from zero.
 */
public final class Fixed8
{
    /** Mantissa of 1.0. */
    public static final long ONE = 100_000_000L;
    /** Scale as a double. */
    public static final double SCALE = 1e8;

    private Fixed8()
    {
    }

    /** Wire mantissa to double. */
    public static double toDouble(final long mantissa)
    {
        return mantissa / SCALE;
    }

    /** Double to wire mantissa, rounded to the nearest 1e-8. */
    public static long fromDouble(final double value)
    {
        return Math.round(value * SCALE);
    }
}
