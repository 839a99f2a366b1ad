package io.hedgeflow.greeks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortableMathTest
{
    private static final int L = GreekKernel.LANES;

    /** Largest error in ulps of the reference over xs. */
    private static double maxUlps(
        final double[] xs, final DoubleUnaryOperator function, final DoubleUnaryOperator reference)
    {
        double worst = 0.0;
        for (final double x : xs)
        {
            final double got = function.applyAsDouble(x);
            final double want = reference.applyAsDouble(x);
            if (want != got)
            {
                worst = Math.max(worst, Math.abs(got - want) / Math.ulp(want));
            }
        }
        return worst;
    }

    /** A lane-wise twin over memory, in place. */
    private interface ColumnPass
    {
        void apply(MemorySegment seg, long offset, int count);
    }

    /** Checks the lane-wise exp over memory gives the scalar exp's bits for every x. */
    private static void assertVectorEqualsScalar(final double[] xs)
    {
        assertVectorEqualsScalar(xs, PortableMath::exp, PortableMath::exp);
    }

    private static void assertVectorEqualsScalar(
        final double[] xs, final ColumnPass vector, final DoubleUnaryOperator scalar)
    {
        try (Arena arena = Arena.ofConfined())
        {
            final int count = xs.length / L * L;
            final MemorySegment seg = arena.allocate((long)count * Double.BYTES, 64);
            MemorySegment.copy(xs, 0, seg, ValueLayout.JAVA_DOUBLE, 0, count);
            vector.apply(seg, 0, count);
            for (int i = 0; i < count; i++)
            {
                final double expected = scalar.applyAsDouble(xs[i]);
                final double lane = seg.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(lane), "x " + xs[i]);
            }
        }
    }

    private static double[] uniform(final long seed, final double from, final double to)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] xs = new double[50_000];
        for (int i = 0; i < xs.length; i++)
        {
            xs[i] = random.nextDouble(from, to);
        }
        return xs;
    }

    @Test
    void shouldComputeExpWithinOneUlpAndVectorEqualToScalar()
    {
        for (final double[] range : new double[][]{{-745.0, 709.7}, {-2.0, 2.0}, {-1e-6, 1e-6}, {-745.2, -700.0},
            {-708.1, -707.9}, {707.9, 708.1}})
        {
            final double[] xs = uniform(1, range[0], range[1]);
            final double ulps = maxUlps(xs, PortableMath::exp, StrictMath::exp);
            assertTrue(ulps <= 1.0, "exp on " + range[0] + ".." + range[1] + ": " + ulps + " ulp");
            assertVectorEqualsScalar(xs);
        }
    }

    @Test
    void shouldComputeExpEdgesExactly()
    {
        assertEquals(1.0, PortableMath.exp(0.0));
        assertEquals(1.0, PortableMath.exp(-0.0));
        assertEquals(0.0, PortableMath.exp(-745.2));
        assertEquals(0.0, PortableMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(709.8));
        assertEquals(Double.POSITIVE_INFINITY, PortableMath.exp(Double.MAX_VALUE));
        assertEquals(StrictMath.exp(709.7), PortableMath.exp(709.7), Math.ulp(StrictMath.exp(709.7)));
        assertEquals(Double.MIN_VALUE, PortableMath.exp(-744.5));
        assertEquals(2.0, PortableMath.exp(StrictMath.log(2.0)), Math.ulp(2.0));
        assertVectorEqualsScalar(new double[]{0.0, -0.0, -745.2, Double.NEGATIVE_INFINITY, 709.8, Double.MAX_VALUE,
            709.7, -744.5, -1000.0, 1000.0, -1e-300, 1e-300, 0.5, -0.5, Math.log(2.0) / 2, -Math.log(2.0) / 2});
    }

    @Test
    void shouldComputeLogWithinOneUlpAndVectorEqualToScalar()
    {
        for (final double[] range : new double[][]{{0.5, 2.0}, {1e-3, 1e3}, {0.999, 1.001}, {1e-300, 1e300}})
        {
            final double[] xs = uniform(2, range[0], range[1]);
            final double ulps = maxUlps(xs, PortableMath::log, StrictMath::log);
            assertTrue(ulps <= 1.0, "log on " + range[0] + ".." + range[1] + ": " + ulps + " ulp");
            assertVectorEqualsScalar(xs, PortableMath::log, PortableMath::log);
        }
        final SplittableRandom random = new SplittableRandom(3);
        final double[] wide = new double[50_000];
        for (int i = 0; i < wide.length; i++)
        {
            wide[i] = Math.scalb(random.nextDouble(1.0, 2.0), random.nextInt(-1022, 1024));
        }
        assertTrue(maxUlps(wide, PortableMath::log, StrictMath::log) <= 1.0);
        assertVectorEqualsScalar(wide, PortableMath::log, PortableMath::log);
    }

    @Test
    void shouldComputeLogEdgesExactly()
    {
        assertEquals(0.0, PortableMath.log(1.0));
        assertEquals(StrictMath.log(Double.MIN_NORMAL), PortableMath.log(Double.MIN_NORMAL));
        assertEquals(StrictMath.log(Double.MAX_VALUE), PortableMath.log(Double.MAX_VALUE));
        assertEquals(StrictMath.log(2.0), PortableMath.log(2.0));
    }
}
