package io.hedgeflow.sim;

/**
 * Seeded SplitMix64 generator with Marsaglia polar normals, written out here (rather than
 * {@link java.util.SplittableRandom#nextGaussian()}, whose algorithm the JDK may change) so that a seed gives the same
 * stream on every JDK and platform: integer arithmetic plus {@link StrictMath}. Garbage-free; not thread safe.
 */
public final class SimRandom
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    private double spareNormal;
    private boolean hasSpareNormal;

    public SimRandom(final long seed)
    {
        state = seed;
    }

    public long nextLong()
    {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound) for bound &gt;= 1; the modulo bias (about bound / 2^63) is negligible. */
    long nextLong(final long bound)
    {
        return (nextLong() >>> 1) % bound;
    }

    /** Uniform in [0, bound) for bound &gt;= 1. */
    int nextInt(final int bound)
    {
        return (int)nextLong(bound);
    }

    boolean nextBoolean(final double probability)
    {
        return nextDouble() < probability;
    }

    /** Standard normal deviate (Marsaglia polar method; the second deviate of each pair is kept). */
    public double nextGaussian()
    {
        if (hasSpareNormal)
        {
            hasSpareNormal = false;
            return spareNormal;
        }
        double u;
        double v;
        double s;
        do
        {
            u = 2.0 * nextDouble() - 1.0;
            v = 2.0 * nextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        final double scale = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spareNormal = v * scale;
        hasSpareNormal = true;
        return u * scale;
    }
}
