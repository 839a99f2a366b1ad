package io.hedgeflow.greeks;

import java.lang.foreign.MemorySegment;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

import static io.hedgeflow.greeks.GreekKernel.LONG_SPECIES;
import static io.hedgeflow.greeks.GreekKernel.ORDER;
import static io.hedgeflow.greeks.GreekKernel.SPECIES;

/**
 * exp and log that give the same bits on every run: built only from IEEE-exact operations (add, subtract,
 * multiply, divide, fused multiply-add, compare and select, integer and bit operations), so the interpreter, C1 and
 * C2 agree. exp and log also come as lane-wise twins over memory ({@link #exp(MemorySegment, long, int)},
 * {@link #log(MemorySegment, long, int)}) doing the same operations in the same order, so vector and scalar agree
 * bit for bit. The Vector API's {@code lanewise(EXP)} is
 * not like that: C2 calls Intel SVML, the interpreter {@link Math#exp} per lane, and the last bits differ.
 * <p>
 * exp: x = k ln2 + r with k = round(x / ln2) (by adding and subtracting 1.5 x 2^52) and r from a two-part ln2
 * (Cody-Waite, the first part exact with an fma), |r| &lt;= ln2 / 2; e^r = 1 + r + r^2 / 2 + r^3 P(r) with P of
 * degree 9 (a Chebyshev fit of (e^r - 1 - r - r^2/2) / r^3, relative error below 1e-18); then times 2^k as two
 * factors 2^(k/2) 2^(k - k/2) built from exponent bits, so results round correctly down into the subnormals.
 * x is clamped to [-1000, 1000] first (beyond, e^x is 0 or infinity anyway).
 * <p>
 * log: x = m 2^k with m in [sqrt(2)/2, sqrt(2)) by integer arithmetic on the bits, then fdlibm's e_log.c
 * (the algorithm of {@link StrictMath#log}): f = m - 1, s = f / (2 + f), log(m) = f - f^2/2 + s (f^2/2 + R(s^2))
 * with its degree-14 minimax R, plus k ln2 in two parts. Domain: positive normal x (at least
 * {@link Double#MIN_NORMAL}); other inputs give unspecified values (still the same bits on every run).
 * <p>
 * Both are within 1 ulp of {@link StrictMath} (tested over their ranges; exp equals it in about 95% of cases,
 * log in all but about 1 in 10,000).
 */
public final class PortableMath
{
    static final double EXP_MIN = -1000.0, EXP_MAX = 1000.0;
    /** |x| up to this has k = round(x / ln2) in [-1021, 1021]: 2^k is a normal double, one factor is exact. */
    static final double EXP_NORMAL = 708.0;
    static final double INV_LN2 = 1.4426950408889634;
    static final double LN2_HI = 0.6931471805599453;
    static final double LN2_LO = 2.3190468138462996E-17;
    /** 1.5 x 2^52: adding it rounds a double of magnitude below 2^51 to an integer, held in the low bits. */
    static final double ROUND = 6755399441055744.0;
        static final long BIAS = 1023;
    static final double E9 = 2.0911264239196083E-9, E8 = 2.5100424157005067E-8, E7 = 2.755728291148268E-7,
        E6 = 2.7557268378684192E-6, E5 = 2.4801587317181886E-5, E4 = 1.9841269863105968E-4,
        E3 = 1.3888888888886545E-3, E2 = 8.333333333330051E-3, E1 = 4.1666666666666664E-2,
        E0 = 0.16666666666666669;

    static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
    static final long MANTISSA = 0x000fffffffffffffL;
    static final double LOG_LN2_HI = 6.93147180369123816490e-01, LOG_LN2_LO = 1.90821492927058770002e-10;
    static final double LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01,
        LG3 = 2.857142874366239149e-01, LG4 = 2.222219843214978396e-01, LG5 = 1.818357216161805012e-01,
        LG6 = 1.531383769920937332e-01, LG7 = 1.479819860511658591e-01;

    private PortableMath()
    {
    }

    /**
     * e^x within about 1 ulp; 0 below about -745.1, infinity above about 709.78.
     *
     * @param x the exponent.
     * @return e^x.
     */
    public static double exp(final double x)
    {
        final double xc = x < EXP_MIN ? EXP_MIN : x > EXP_MAX ? EXP_MAX : x;
        final double shifted = Math.fma(xc, INV_LN2, ROUND);
        final double kd = shifted - ROUND;
        final double r = Math.fma(kd, -LN2_LO, Math.fma(kd, -LN2_HI, xc));
        double p = Math.fma(r, E9, E8);
        p = Math.fma(p, r, E7);
        p = Math.fma(p, r, E6);
        p = Math.fma(p, r, E5);
        p = Math.fma(p, r, E4);
        p = Math.fma(p, r, E3);
        p = Math.fma(p, r, E2);
        p = Math.fma(p, r, E1);
        p = Math.fma(p, r, E0);
        p = Math.fma(p, r, 0.5);
        final double y = 1.0 + Math.fma(p, r * r, r);
        final long k = (long)kd;
        final long half = k >> 1;
        return y * Double.longBitsToDouble((half + BIAS) << 52) * Double.longBitsToDouble((k - half + BIAS) << 52);
    }

    /**
     * {@link #exp(double)} in place over count doubles of a segment, lane-wise with the same operations in the same
     * order, so each result has the same bits as the scalar one. Working on memory rather than on a
     * {@link DoubleVector} argument keeps vectors from crossing a call C2 might not inline (it would box them).
     * The factors 2^h are built as long bits and read back as doubles through the value's own slot rather than
     * with {@code viewAsFloatingLanes}: until C2 compiles it, that reinterpretation runs the JDK's fallback through
     * on-heap memory segments, and the heap segment types it adds to the shared Vector API and segment profiles
     * make C2 compile every later kernel pass with type checks, virtual calls and a blown node budget (3x slower).
     * A vector whose lanes all have |x| &lt;= {@link #EXP_NORMAL} (the usual case) skips the clamps (no lane is
     * beyond them) and scales by 2^k in one factor: 2^k is then a normal double, so y 2^k is one rounding of the
     * exact product, as is (y 2^(k/2)) 2^(k - k/2), whose first product is exact: the same bits.
     *
     * @param seg    the values, replaced by their exponentials.
     * @param offset byte offset of the first value, 8-byte aligned.
     * @param count  values, a multiple of {@link GreekKernel#LANES}.
     */
    static void exp(final MemorySegment seg, final long offset, final int count)
    {
        for (long o = offset, end = offset + (long)count * Double.BYTES; o < end; o += SPECIES.vectorByteSize())
        {
            final DoubleVector x = DoubleVector.fromMemorySegment(SPECIES, seg, o, ORDER);
            final boolean normal = x.abs().compare(VectorOperators.LE, EXP_NORMAL).allTrue();
            final DoubleVector xc = normal ? x : x.blend(EXP_MIN, x.compare(VectorOperators.LT, EXP_MIN))
                .blend(EXP_MAX, x.compare(VectorOperators.GT, EXP_MAX));
            final DoubleVector shifted = xc.fma(INV_LN2, ROUND);
            final DoubleVector kd = shifted.sub(ROUND);
            final DoubleVector r = kd.lanewise(VectorOperators.FMA, -LN2_LO,
                kd.lanewise(VectorOperators.FMA, -LN2_HI, xc));
            final DoubleVector p = r.fma(E9, E8).lanewise(VectorOperators.FMA, r, E7)
                .lanewise(VectorOperators.FMA, r, E6).lanewise(VectorOperators.FMA, r, E5)
                .lanewise(VectorOperators.FMA, r, E4).lanewise(VectorOperators.FMA, r, E3)
                .lanewise(VectorOperators.FMA, r, E2).lanewise(VectorOperators.FMA, r, E1)
                .lanewise(VectorOperators.FMA, r, E0).lanewise(VectorOperators.FMA, r, 0.5);
            final DoubleVector y = p.fma(r.mul(r), r).add(1.0);
            final LongVector k = (LongVector)kd.convertShape(VectorOperators.D2L, LONG_SPECIES, 0);
            final LongVector first = normal ? k : k.lanewise(VectorOperators.ASHR, 1);
            first.add(BIAS).lanewise(VectorOperators.LSHL, 52).intoMemorySegment(seg, o, ORDER);
            final DoubleVector scaled = y.mul(DoubleVector.fromMemorySegment(SPECIES, seg, o, ORDER));
            if (normal)
            {
                scaled.intoMemorySegment(seg, o, ORDER);
            }
            else
            {
                k.sub(first).add(BIAS).lanewise(VectorOperators.LSHL, 52).intoMemorySegment(seg, o, ORDER);
                scaled.mul(DoubleVector.fromMemorySegment(SPECIES, seg, o, ORDER)).intoMemorySegment(seg, o, ORDER);
            }
        }
    }

    /**
     * Natural logarithm within about 1 ulp, for positive normal x.
     *
     * @param x positive, at least {@link Double#MIN_NORMAL}.
     * @return log(x).
     */
    public static double log(final double x)
    {
        final long ix = Double.doubleToRawLongBits(x) - SQRT_HALF_BITS;
        final double dk = (double)(ix >> 52);
        final double f = Double.longBitsToDouble((ix & MANTISSA) + SQRT_HALF_BITS) - 1.0;
        final double s = f / (2.0 + f);
        final double z = s * s;
        final double w = z * z;
        final double t1 = w * Math.fma(w, Math.fma(w, LG6, LG4), LG2);
        final double t2 = z * Math.fma(w, Math.fma(w, Math.fma(w, LG7, LG5), LG3), LG1);
        final double hfsq = 0.5 * f * f;
        return dk * LOG_LN2_HI - ((hfsq - (s * (hfsq + (t2 + t1)) + dk * LOG_LN2_LO)) - f);
    }

    /**
     * {@link #log(double)} in place over count doubles of a segment, lane-wise with the same operations in the same
     * order, so each result has the same bits as the scalar one; the reduced mantissa's bits go through the value's
     * own slot, as in {@link #exp(MemorySegment, long, int)}.
     *
     * @param seg    the values, positive normal, replaced by their logarithms.
     * @param offset byte offset of the first value, 8-byte aligned.
     * @param count  values, a multiple of {@link GreekKernel#LANES}.
     */
    static void log(final MemorySegment seg, final long offset, final int count)
    {
        for (long o = offset, end = offset + (long)count * Double.BYTES; o < end; o += SPECIES.vectorByteSize())
        {
            final LongVector ix = LongVector.fromMemorySegment(LONG_SPECIES, seg, o, ORDER).sub(SQRT_HALF_BITS);
            final DoubleVector dk = (DoubleVector)ix.lanewise(VectorOperators.ASHR, 52)
                .convertShape(VectorOperators.L2D, SPECIES, 0);
            ix.and(MANTISSA).add(SQRT_HALF_BITS).intoMemorySegment(seg, o, ORDER);
            final DoubleVector f = DoubleVector.fromMemorySegment(SPECIES, seg, o, ORDER).sub(1.0);
            final DoubleVector s = f.div(f.add(2.0));
            final DoubleVector z = s.mul(s);
            final DoubleVector w = z.mul(z);
            final DoubleVector t1 = w.mul(w.lanewise(VectorOperators.FMA, w.fma(LG6, LG4), LG2));
            final DoubleVector t2 = z.mul(w.lanewise(VectorOperators.FMA,
                w.lanewise(VectorOperators.FMA, w.fma(LG7, LG5), LG3), LG1));
            final DoubleVector hfsq = f.mul(0.5).mul(f);
            dk.mul(LOG_LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(t2.add(t1))).add(dk.mul(LOG_LN2_LO))).sub(f))
                .intoMemorySegment(seg, o, ORDER);
        }
    }
}
