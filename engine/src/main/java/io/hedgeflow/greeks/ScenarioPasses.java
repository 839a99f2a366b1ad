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
 * The exponential is {@link PortableMath#exp(double)}'s reduction and polynomial (by Estrin's scheme: shorter
 * dependency chains), for arguments at most 0 only: the argument is floored at {@link #EXP_FLOOR} (the density
 * e^{-600} then stands for a smaller one, which changes a price by less than 1e-260), so that 2^k is one normal
 * factor, built from the bits of the rounding sum itself, and so that no intermediate of the CDFs is subnormal:
 * e^{-600} / (Q(40) Q(40)), the smallest density over the rationals' denominators, is about 1e-281. A subnormal
 * operand or result costs a microcode assist of the order of 100 cycles per vector instruction; with the floor at
 * -708 the lanes past |d1| of about 37 (the degenerate lanes of a volatility shocked to 0, deep out of the money
 * short expiries) made the pass about 1.3x slower. Values agree with the scalar reference to rounding, not to the
 * bit.
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
                final DoubleVector shifted = x.fma(PortableMath.INV_LN2, PortableMath.ROUND);
                final DoubleVector kd = shifted.sub(PortableMath.ROUND);
                final DoubleVector red = kd.lanewise(FMA, -PortableMath.LN2_LO,
                    kd.lanewise(FMA, -PortableMath.LN2_HI, x));
                final DoubleVector red2 = red.mul(red);
                final DoubleVector red4 = red2.mul(red2);
                final DoubleVector low = red.fma(PortableMath.E2, PortableMath.E1).lanewise(FMA, red2,
                    red.fma(PortableMath.E0, 0.5));
                final DoubleVector mid = red.fma(PortableMath.E6, PortableMath.E5).lanewise(FMA, red2,
                    red.fma(PortableMath.E4, PortableMath.E3));
                final DoubleVector high = red2.lanewise(FMA, PortableMath.E9,
                    red.fma(PortableMath.E8, PortableMath.E7));
                final DoubleVector p = high.lanewise(FMA, red4.mul(red4), mid.lanewise(FMA, red4, low));
                final DoubleVector y = p.fma(red2, red).add(1.0);
                shifted.intoMemorySegment(scratch, e, ORDER);
                LongVector.fromMemorySegment(LONG_SPECIES, scratch, e, ORDER).add(PortableMath.BIAS)
                    .lanewise(VectorOperators.LSHL, 52).intoMemorySegment(scratch, e, ORDER);
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
        final DoubleVector maxAbs = DoubleVector.broadcast(SPECIES, Normal.MAX_ABS_X);
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
                final DoubleVector abs1 = x1.abs();
                final DoubleVector abs2 = x2.abs();
                final DoubleVector a1 = abs1.blend(maxAbs, abs1.compare(GT, maxAbs));
                final DoubleVector a2 = abs2.blend(maxAbs, abs2.compare(GT, maxAbs));
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
