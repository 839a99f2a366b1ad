package io.hedgeflow.greeks;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortableMathTest
{
    private static final int L = GreekKernel.LANES;

    /** Largest error in ulps of the reference over xs; also checks vector lanes equal the scalar bit for bit. */
    private static double maxUlps(
        final double[] xs, final DoubleUnaryOperator scalar, final UnaryOperator<DoubleVector> vector,
        final DoubleUnaryOperator reference)
    {
        double worst = 0.0;
        for (int i = 0; i + L <= xs.length; i += L)
        {
            final double[] lanes = vector.apply(DoubleVector.fromArray(GreekKernel.SPECIES, xs, i)).toArray();
            for (int j = 0; j < L; j++)
            {
                final double x = xs[i + j];
                final double got = scalar.applyAsDouble(x);
                assertEquals(Double.doubleToRawLongBits(got), Double.doubleToRawLongBits(lanes[j]), "lane of " + x);
                final double want = reference.applyAsDouble(x);
                if (want != got)
                {
                    worst = Math.max(worst, Math.abs(got - want) / Math.ulp(want));
                }
            }
        }
        return worst;
    }

    private static double[] uniform(final long seed, final double from, final double to)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] xs = new double[200_000];
        for (int i = 0; i < xs.length; i++)
        {
            xs[i] = random.nextDouble(from, to);
        }
        return xs;
    }

    @Test
    void shouldComputeExpWithinOneUlpAndVectorEqualToScalar()
    {
        for (final double[] range : new double[][]{{-745.0, 709.7}, {-2.0, 2.0}, {-1e-6, 1e-6}, {-745.2, -700.0}})
        {
            final double[] xs = uniform(1, range[0], range[1]);
            final double ulps = maxUlps(xs, PortableMath::exp, PortableMath::exp, StrictMath::exp);
            assertTrue(ulps <= 1.0, "exp on " + range[0] + ".." + range[1] + ": " + ulps + " ulp");
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
    }

    @Test
    void shouldComputeLogWithinOneUlpAndVectorEqualToScalar()
    {
        for (final double[] range : new double[][]{{0.5, 2.0}, {1e-3, 1e3}, {0.999, 1.001}, {1e-300, 1e300}})
        {
            final double[] xs = uniform(2, range[0], range[1]);
            final double ulps = maxUlps(xs, PortableMath::log, PortableMath::log, StrictMath::log);
            assertTrue(ulps <= 1.0, "log on " + range[0] + ".." + range[1] + ": " + ulps + " ulp");
        }
        final SplittableRandom random = new SplittableRandom(3);
        final double[] wide = new double[200_000];
        for (int i = 0; i < wide.length; i++)
        {
            wide[i] = Math.scalb(random.nextDouble(1.0, 2.0), random.nextInt(-1022, 1024));
        }
        assertTrue(maxUlps(wide, PortableMath::log, PortableMath::log, StrictMath::log) <= 1.0);
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
