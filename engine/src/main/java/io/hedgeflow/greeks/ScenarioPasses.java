package io.hedgeflow.greeks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

import static io.hedgeflow.greeks.GreekKernel.LANES;
import static io.hedgeflow.greeks.GreekKernel.LONG_SPECIES;
import static io.hedgeflow.greeks.GreekKernel.ORDER;
import static io.hedgeflow.greeks.GreekKernel.SPECIES;
import static io.hedgeflow.greeks.ScenarioVectors.*;
import static jdk.incubator.vector.DoubleVector.fromMemorySegment;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;

/**
 * The grid pass of {@link ScenarioVectors}: per vector of options with a weight, two loops over scratch rows of one
 * vector (padding lanes hold zero inputs and give zero values; no vector crosses a method call). col is bytes per
 * column; the terms that do not depend on the move come from {@link ScenarioTerms}. g_j = 1 + m_j.
 * <pre>
 *   arguments  per scenario: phi d1 = slope ln(g_j) + intercept (one fused multiply-add) and e^{-d1^2/2}
 *   prices     per move: (F / K) g_j and the weights of N(phi d1) and N(phi d2) in the sum; per scenario
 *              N(phi d1), N(phi d2) and their weighted sum added to the scenario's sum row
 * </pre>
 * Keeping the exponential in its own loop, apart from the rationals, measured faster than one fused loop (fewer
 * live vectors).
 * The exponential is {@link PortableMath#exp(double)}'s reduction with a shorter polynomial (D0 to D7, by Estrin's
 * scheme: shorter dependency chains; the pass is bound by vector instruction throughput, each instruction of the
 * scenario loop about 1% of its time), for arguments at most 0 only: the argument is floored at {@link #EXP_FLOOR}
 * (the density e^{-600} then stands for a smaller one, which changes a price by less than 1e-260), so that 2^k is
 * one normal factor, built from the bits of the rounding sum itself, and so that the CDFs' intermediates stay
 * normal for |d1| up to about 3000 (e^{-600} / (Q(3000) Q(3000)) is about 7e-308), as a subnormal operand or result
 * costs a microcode assist of the order of 100 cycles per vector instruction (with a floor at -708, lanes with |d1|
 * between about 36.4 and 37.6 divided into the subnormals). |phi d1| is not clamped: {@link ScenarioTerms} keeps it
 * below about 1e18, where the rationals are finite and a density that underflows gives 0. Values agree with the
 * scalar reference to about 1e-14 relative, not to the bit.
 */
final class ScenarioPasses
{
    /** Floor of the exponent of the density: 2^k and every CDF intermediate stay normal doubles. */
    static final double EXP_FLOOR = -600.0;

    /** Hart's numerator for e^{-a^2/2} rather than the density phi(a) ({@link Normal}'s times 1 / sqrt(2 pi)). */
    private static final double P6 = Normal.P6 * Normal.INV_SQRT_2PI, P5 = Normal.P5 * Normal.INV_SQRT_2PI,
        P4 = Normal.P4 * Normal.INV_SQRT_2PI, P3 = Normal.P3 * Normal.INV_SQRT_2PI,
        P2 = Normal.P2 * Normal.INV_SQRT_2PI, P1 = Normal.P1 * Normal.INV_SQRT_2PI,
        P0 = Normal.P0 * Normal.INV_SQRT_2PI;
    /**
     * (e^r - 1 - r) / r^2 = D0 + D1 r + ... + D7 r^7 for |r| &lt;= ln 2 / 2: a fit to the relative error of e^r
     * (least squares over Chebyshev nodes, reweighted towards equal ripple), within 1.7e-14, checked against 50-digit
     * values; three terms fewer than {@link PortableMath#exp(double)}'s polynomial, which is within 1e-18.
     */
    private static final double D0 = 0.4999999999966448, D1 = 0.16666666667264746, D2 = 0.04166666696211668,
        D3 = 0.008333333095256497, D4 = 0.0013888811168382969, D5 = 0.00019841538929444774,
        D6 = 2.4880797190681956e-05, D7 = 2.749310531065388e-06;
    /**
     * The rounding constant with the exponent bias added: the low bits of x / ln 2 + ROUND_BIASED are k + 1023, so
     * shifted left by 52 they are the bits of 2^k (k + 1023 is between 157 and 1023 above {@link #EXP_FLOOR}).
     */
    private static final double ROUND_BIASED = PortableMath.ROUND + PortableMath.BIAS;
    private static final long ROW = (long)LANES * Double.BYTES;

    private ScenarioPasses()
    {
    }

    /** Bytes of one scratch kind: {@link ScenarioVectors#VOL_SCENARIOS} x maxMoves rows of one vector. */
    static long kindBytes(final int maxMoves)
    {
        return VOL_SCENARIOS * maxMoves * ROW;
    }

    /**
     * The book's value in every scenario, into values (layout of {@link ScenarioVectors#values}): per vector of
     * options with a weight the three loops of the class notes, then the sums' lanes added in lane order.
     */
    static void values(
        final MemorySegment seg, final long col, final int size, final MemorySegment scratch, final int count,
        final double[] logGrowth, final double[] growth, final double[] shrink, final boolean inverse,
        final double[] values)
    {
        final long kind = kindBytes(count);
        final int rows = VOL_SCENARIOS * count;
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int r = 0; r < rows; r++)
        {
            zero.intoMemorySegment(scratch, SUM * kind + r * ROW, ORDER);
        }
        for (int i = 0, n = (size + LANES - 1) / LANES * LANES; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            if (fromMemorySegment(SPECIES, seg, WEIGHT * col + o, ORDER).compare(NE, 0.0).anyTrue())
            {
                arguments(seg, col, o, scratch, kind, count, logGrowth);
                prices(seg, col, o, scratch, kind, count, growth, shrink, inverse);
            }
        }
        for (int r = 0; r < rows; r++)
        {
            double sum = 0.0;
            for (int lane = 0; lane < LANES; lane++)
            {
                sum += scratch.getAtIndex(ValueLayout.JAVA_DOUBLE, (SUM * kind + r * ROW) / Double.BYTES + lane);
            }
            values[r] = sum;
        }
    }

    /**
     * Per scenario of the options at byte offset o: phi d1 = slope ln(g_j) + intercept and its density's
     * exponential e^{-d1^2/2} (see the class notes).
     */
    private static void arguments(
        final MemorySegment seg, final long col, final long o, final MemorySegment scratch, final long kind,
        final int count, final double[] logGrowth)
    {
        for (int s = 0; s < VOL_SCENARIOS; s++)
        {
            final DoubleVector slope = fromMemorySegment(SPECIES, seg, (SLOPE + s) * col + o, ORDER);
            final DoubleVector intercept = fromMemorySegment(SPECIES, seg, (INTERCEPT + s) * col + o, ORDER);
            for (int j = 0; j < count; j++)
            {
                final long r = (s * count + j) * ROW;
                final long e = DENSITY * kind + r;
                final DoubleVector x1 = slope.lanewise(FMA, logGrowth[j], intercept);
                x1.intoMemorySegment(scratch, X1 * kind + r, ORDER);
                final DoubleVector square = x1.mul(-0.5).mul(x1);
                final DoubleVector x = square.blend(EXP_FLOOR, square.compare(LT, EXP_FLOOR));
                final DoubleVector shifted = x.fma(PortableMath.INV_LN2, ROUND_BIASED);
                final DoubleVector kd = shifted.sub(ROUND_BIASED);
                final DoubleVector red = kd.lanewise(FMA, -PortableMath.LN2_LO,
                    kd.lanewise(FMA, -PortableMath.LN2_HI, x));
                final DoubleVector red2 = red.mul(red);
                final DoubleVector low = red.fma(D3, D2).lanewise(FMA, red2, red.fma(D1, D0));
                final DoubleVector high = red.fma(D7, D6).lanewise(FMA, red2, red.fma(D5, D4));
                final DoubleVector p = high.lanewise(FMA, red2.mul(red2), low);
                final DoubleVector y = p.fma(red2, red).add(1.0);
                shifted.intoMemorySegment(scratch, e, ORDER);
                LongVector.fromMemorySegment(LONG_SPECIES, scratch, e, ORDER).lanewise(VectorOperators.LSHL, 52)
                    .intoMemorySegment(scratch, e, ORDER);
                y.mul(fromMemorySegment(SPECIES, scratch, e, ORDER)).intoMemorySegment(scratch, e, ORDER);
            }
        }
    }

    /**
     * Per move j: (F / K) g_j (the density of d2 is that of d1 times it) and the weights of N(phi d1) and N(phi d2)
     * in the sum, the price over phi being N(phi d1) - K / F' N(phi d2) in coin (inverse) and F' N(phi d1) - K
     * N(phi d2) linear, F' = F g_j; then per scenario N(phi d1) and N(phi d2), phi d2 = phi d1 - phi w, by
     * {@link Normal}'s rational with one division for both, added to the scenario's sum row.
     */
    private static void prices(
        final MemorySegment seg, final long col, final long o, final MemorySegment scratch, final long kind,
        final int count, final double[] growth, final double[] shrink, final boolean inverse)
    {
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector weight = fromMemorySegment(SPECIES, seg, WEIGHT * col + o, ORDER);
        final DoubleVector fOverK = fromMemorySegment(SPECIES, seg, F_OVER_K * col + o, ORDER);
        final DoubleVector weightKOverF = fromMemorySegment(SPECIES, seg, K_OVER_F * col + o, ORDER).mul(weight);
        final DoubleVector weightF = fromMemorySegment(SPECIES, seg, LIVE_FORWARD * col + o, ORDER).mul(weight);
        final DoubleVector weightK = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER).mul(weight);
        for (int j = 0; j < count; j++)
        {
            final DoubleVector fk = fOverK.mul(growth[j]);
            final DoubleVector w1 = inverse ? weight : weightF.mul(growth[j]);
            final DoubleVector w2 = inverse ? weightKOverF.mul(-shrink[j]) : weightK.neg();
            for (int s = 0; s < VOL_SCENARIOS; s++)
            {
                final long r = (s * count + j) * ROW;
                final DoubleVector x1 = fromMemorySegment(SPECIES, scratch, X1 * kind + r, ORDER);
                final DoubleVector x2 = x1.sub(fromMemorySegment(SPECIES, seg, (PHI_VST + s) * col + o, ORDER));
                final DoubleVector a1 = x1.abs();
                final DoubleVector a2 = x2.abs();
                final DoubleVector p1 = a1.fma(P6, P5).lanewise(FMA, a1, P4).lanewise(FMA, a1, P3)
                    .lanewise(FMA, a1, P2).lanewise(FMA, a1, P1).lanewise(FMA, a1, P0);
                final DoubleVector q1 = a1.fma(Normal.Q7, Normal.Q6).lanewise(FMA, a1, Normal.Q5)
                    .lanewise(FMA, a1, Normal.Q4).lanewise(FMA, a1, Normal.Q3).lanewise(FMA, a1, Normal.Q2)
                    .lanewise(FMA, a1, Normal.Q1).lanewise(FMA, a1, Normal.Q0);
                final DoubleVector p2 = a2.fma(P6, P5).lanewise(FMA, a2, P4).lanewise(FMA, a2, P3)
                    .lanewise(FMA, a2, P2).lanewise(FMA, a2, P1).lanewise(FMA, a2, P0);
                final DoubleVector q2 = a2.fma(Normal.Q7, Normal.Q6).lanewise(FMA, a2, Normal.Q5)
                    .lanewise(FMA, a2, Normal.Q4).lanewise(FMA, a2, Normal.Q3).lanewise(FMA, a2, Normal.Q2)
                    .lanewise(FMA, a2, Normal.Q1).lanewise(FMA, a2, Normal.Q0);
                final DoubleVector t = fromMemorySegment(SPECIES, scratch, DENSITY * kind + r, ORDER).div(q1.mul(q2));
                final DoubleVector c1 = t.mul(p1).mul(q2);
                final DoubleVector c2 = t.mul(fk).mul(p2).mul(q1);
                final DoubleVector n1 = c1.blend(one.sub(c1), x1.compare(GT, 0.0));
                final DoubleVector n2 = c2.blend(one.sub(c2), x2.compare(GT, 0.0));
                final long sum = SUM * kind + r;
                w1.lanewise(FMA, n1, w2.lanewise(FMA, n2, fromMemorySegment(SPECIES, scratch, sum, ORDER)))
                    .intoMemorySegment(scratch, sum, ORDER);
            }
        }
    }
}
