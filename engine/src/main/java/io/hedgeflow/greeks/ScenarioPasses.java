package io.hedgeflow.greeks;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static io.hedgeflow.greeks.GreekKernel.LANES;
import static io.hedgeflow.greeks.GreekKernel.ORDER;
import static io.hedgeflow.greeks.GreekKernel.SPECIES;
import static io.hedgeflow.greeks.ScenarioVectors.*;
import static jdk.incubator.vector.DoubleVector.fromMemorySegment;
import static jdk.incubator.vector.VectorOperators.AND;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.MIN;
import static jdk.incubator.vector.VectorOperators.NE;
import static jdk.incubator.vector.VectorOperators.XOR;

/**
 * The grid pass of {@link ScenarioVectors}: per vector of options with a weight, two loops over scratch rows of one
 * vector (padding lanes hold zero inputs and give zero values; no vector crosses a method call). The scratch rows are
 * a heap array, not off-heap memory: an array access in the loops costs one index check, a memory segment's several
 * scalar checks per access (its bounds and liveness), which took issue slots from the vector instructions. col is
 * bytes per column; the terms that do not depend on the move come from {@link ScenarioTerms}, scaled by {@link #SCALE}.
 * g_j = 1 + m_j.
 * <pre>
 *   arguments  per scenario: u = SCALE phi d1 = slope ln(g_j) + intercept (one fused multiply-add) and the
 *              density's exponential e^{-d1^2/2} = 2^{-u^2}
 *   prices     per move: (F / K) g_j and the weights of N(phi d1) and N(phi d2) in the sum; per scenario
 *              1/2 - N(-|x|) for x = phi d1 and phi d2 by one rational each (one division for both), signed by
 *              the sign bit of x and weighted into the scenario's sum row; N(x) = 1/2 + sign(x) (1/2 - N(-|x|)),
 *              so {@link #values} adds the halves of the weights once per move instead of a select per scenario
 * </pre>
 * Keeping the exponential in its own loop, apart from the rationals, measured faster than one fused loop (fewer
 * live vectors). The pass is bound by vector instruction throughput and by the dependency chains of the
 * polynomials, so the fits are of the lowest degree the accuracy allows (minimax, see the constants), and a
 * polynomial is split in two Horner chains where that measured faster.
 * The exponential: z = min(u^2, cap) ({@link #EXP_CAP_BITS}), k = -round(z) by the rounding constant, v = z + k in
 * [-1/2, 1/2], 2^{-z} = 2^k 2^{-v}. z is capped (the exponent floored at {@link #EXP_FLOOR}: the density e^{-600}
 * then stands for a smaller one, which changes a price by less than 1e-260) so that 2^k is one normal factor, built
 * from the bits of the rounding sum itself, and so that the CDFs' intermediates stay normal for |u| up to about 1e5
 * (e^{-600} / (Q(1.1e5) Q(1.1e5)) is about 2.5e-308), as a subnormal operand or result costs a microcode assist of
 * the order of 100 cycles per vector instruction. |u| is not clamped: {@link ScenarioTerms} keeps it below about
 * 1e18, where the rationals are finite and a density that underflows gives 0.
 * Each N is within 2e-12 absolute of the exact one (the rational 1.15e-12, the exponential 7.8e-13 relative of
 * N(-|x|) &lt;= 1/2, rounding), so a price is within 2e-12 (F' + K) (over F' in coin); the
 * values agree with the scalar reference to that, not to the bit.
 */
final class ScenarioPasses
{
    /** Floor of the exponent of the density: 2^k and every CDF intermediate stay normal doubles. */
    static final double EXP_FLOOR = -600.0;
    /**
     * The scale of phi d1 in the pass, 1 / sqrt(2 ln 2): with u = SCALE phi d1 the density's exponential is
     * e^{-d1^2/2} = 2^{-u^2}, so the square is the exponent in base 2 (no multiplication by 1 / ln 2).
     */
    static final double SCALE = 0.8493218002880191;

    /**
     * N(-a) = 2^{-u^2} (-P(u)) / Q(u) for a &gt;= 0, u = SCALE a: a minimax fit (weighted by the density, so
     * the error is absolute in N) of the Mills ratio, P negated so that 1/2 - N(-a) is one fused multiply-add.
     * Within 1.15e-12 of N(-a) (checked against 50-digit values for a from 0 to 60, coefficients rounded as here);
     * Q has no root with a real part above -1.9, so it needs no clamp (|u| stays below about 1e18).
     */
    static final double P0 = -0.5000000000011338, P1 = -0.4377489105333504, P2 = -0.19147400909642615,
        P3 = -0.04299123626464212, P4 = -0.004220490583043747;
    static final double Q1 = 1.814935100166126, Q2 = 1.3948185178806773, Q3 = 0.5724221601186688,
        Q4 = 0.12703946200399696, Q5 = 0.012448724138579706;
    /**
     * 2^{-v} = E0 + E1 v + ... + E8 v^8 for |v| &lt;= 1/2: a minimax fit of the relative error (within 7.8e-13,
     * checked against 50-digit values), as E0..E3 + v^4 (E4..E8) by Horner: two shorter dependency chains.
     */
    static final double E0 = 0.9999999999997623, E1 = -0.6931471805465141, E2 = 0.2402265069888046,
        E3 = -0.055504109393416046, E4 = 0.0096181285428439, E5 = -0.0013333452062333538,
        E6 = 0.00015403851760672002, E7 = -1.5309737402538488e-05, E8 = 1.3175855710027598e-06;
    /**
     * The bits of the largest u^2, 2^{-cap} = e^{EXP_FLOOR}: u^2 is not negative, so its bits order as it does and
     * one integer minimum caps it.
     */
    private static final long EXP_CAP_BITS = Double.doubleToRawLongBits(-EXP_FLOOR * PortableMath.INV_LN2);
    /**
     * The rounding constant with the exponent bias added: the low bits of ROUND_BIASED - u^2 are k + 1023,
     * k = -round(u^2), so shifted left by 52 they are the bits of 2^k (k + 1023 is between 157 and 1023).
     */
    private static final double ROUND_BIASED = PortableMath.ROUND + PortableMath.BIAS;
    private static final long SIGN = Long.MIN_VALUE;

    private ScenarioPasses()
    {
    }

    /** Doubles of one scratch kind: {@link ScenarioVectors#VOL_SCENARIOS} x maxMoves rows of one vector. */
    static int kindLength(final int maxMoves)
    {
        return VOL_SCENARIOS * maxMoves * LANES;
    }

    /**
     * The book's value in every scenario, into values (layout of {@link ScenarioVectors#values}): per vector of
     * options with a weight the two loops of the class notes, then the sums' lanes added in lane order and the
     * halves of the weights (N(x) = 1/2 + sign(x) (1/2 - N(-|x|))).
     */
    static void values(
        final MemorySegment seg, final long col, final int size, final double[] scratch, final int count,
        final double[] logGrowth, final double[] growth, final double[] shrink, final boolean inverse,
        final double[] values)
    {
        final int kind = kindLength(count);
        final int rows = VOL_SCENARIOS * count;
        final int n = (size + LANES - 1) / LANES * LANES;
        Arrays.fill(scratch, SUM * kind, SUM * kind + rows * LANES, 0.0);
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            if (fromMemorySegment(SPECIES, seg, WEIGHT * col + o, ORDER).compare(NE, 0.0).anyTrue())
            {
                arguments(seg, col, o, scratch, kind, count, logGrowth);
                prices(seg, col, o, scratch, kind, count, growth, shrink, inverse);
            }
        }
        final double first = weighted(seg, col, n, inverse ? WEIGHT : LIVE_FORWARD);
        final double second = weighted(seg, col, n, inverse ? K_OVER_F : STRIKE);
        for (int r = 0; r < rows; r++)
        {
            final int j = r % count;
            double sum = 0.5 * (inverse ? first - second * shrink[j] : first * growth[j] - second);
            for (int lane = 0; lane < LANES; lane++)
            {
                sum += scratch[SUM * kind + r * LANES + lane];
            }
            values[r] = sum;
        }
    }

    /**
     * The sum over the options of the weight times a column's value (of the weight alone for column WEIGHT), its
     * lanes added in lane order (a lane reduction's order may differ between JIT tiers).
     */
    private static double weighted(final MemorySegment seg, final long col, final int n, final int column)
    {
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final DoubleVector weight = fromMemorySegment(SPECIES, seg, WEIGHT * col + o, ORDER);
            sum = column == WEIGHT ? sum.add(weight) :
                weight.lanewise(FMA, fromMemorySegment(SPECIES, seg, column * col + o, ORDER), sum);
        }
        double total = 0.0;
        for (int lane = 0; lane < LANES; lane++)
        {
            total += sum.lane(lane);
        }
        return total;
    }

    /**
     * Per scenario of the options at byte offset o: u = slope ln(g_j) + intercept (phi d1 times {@link #SCALE})
     * and its density's exponential 2^{-u^2} = 2^k 2^{-v}, k = -round(u^2), v = u^2 + k (see the class notes).
     */
    private static void arguments(
        final MemorySegment seg, final long col, final long o, final double[] scratch, final int kind,
        final int count, final double[] logGrowth)
    {
        final DoubleVector round = DoubleVector.broadcast(SPECIES, ROUND_BIASED);
        for (int s = 0; s < VOL_SCENARIOS; s++)
        {
            final DoubleVector slope = fromMemorySegment(SPECIES, seg, (SLOPE + s) * col + o, ORDER);
            final DoubleVector intercept = fromMemorySegment(SPECIES, seg, (INTERCEPT + s) * col + o, ORDER);
            for (int j = 0; j < count; j++)
            {
                final int r = (s * count + j) * LANES;
                final DoubleVector u = slope.lanewise(FMA, logGrowth[j], intercept);
                u.intoArray(scratch, X1 * kind + r);
                final DoubleVector z = u.mul(u).viewAsIntegralLanes().lanewise(MIN, EXP_CAP_BITS).viewAsFloatingLanes();
                final DoubleVector shifted = round.sub(z);
                final DoubleVector v = z.add(shifted.sub(ROUND_BIASED));
                final DoubleVector v2 = v.mul(v);
                final DoubleVector y = v.fma(E8, E7).lanewise(FMA, v, E6).lanewise(FMA, v, E5).lanewise(FMA, v, E4)
                    .lanewise(FMA, v2.mul(v2), v.fma(E3, E2).lanewise(FMA, v, E1).lanewise(FMA, v, E0));
                y.mul(shifted.viewAsIntegralLanes().lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes())
                    .intoArray(scratch, DENSITY * kind + r);
            }
        }
    }

    /**
     * Per move j the weights of N(phi d1) and N(phi d2) in the sum, the price over phi being N(phi d1) - K / F'
     * N(phi d2) in coin (inverse) and F' N(phi d1) - K N(phi d2) linear, F' = F g_j; then per scenario
     * 1/2 - N(-|x|) for x = phi d1 and phi d2 = phi d1 - phi w (scaled), by the rational of the class notes with
     * one division for both, given the sign of x (a bit) and added to the scenario's sum row with its weight;
     * {@link #values} adds the halves of the weights. The density of d2 is that of d1 times F' / K, so the second
     * term is taken as weight' x sign(x) (h + 2^{-u^2} (-P) / Q) with weight' = the weight of N(phi d2) times F' / K
     * and h = K / (2 F') (a per-move vector): no multiplication by F' / K per scenario. A lane without a forward
     * (not alive) keeps its weight and h = 1/2, its density term being 0 (|u| is huge), one without a strike has
     * weight' = h = 0 (no second term).
     */
    private static void prices(
        final MemorySegment seg, final long col, final long o, final double[] scratch, final int kind,
        final int count, final double[] growth, final double[] shrink, final boolean inverse)
    {
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final DoubleVector weight = fromMemorySegment(SPECIES, seg, WEIGHT * col + o, ORDER);
        final VectorMask<Double> struck = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER).compare(GT, 0.0);
        final VectorMask<Double> alive = fromMemorySegment(SPECIES, seg, LIVE_FORWARD * col + o, ORDER)
            .compare(GT, 0.0);
        final DoubleVector halfKOverF = fromMemorySegment(SPECIES, seg, K_OVER_F * col + o, ORDER).mul(0.5);
        final DoubleVector deadHalf = DoubleVector.broadcast(SPECIES, 0.5).blend(zero, alive);
        final DoubleVector weightF = fromMemorySegment(SPECIES, seg, LIVE_FORWARD * col + o, ORDER).mul(weight);
        final DoubleVector struckWeight = (inverse ? weight : weightF).neg().blend(zero, struck.not());
        final DoubleVector deadWeightK = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER).mul(weight).neg()
            .blend(zero, alive);
        final DoubleVector vstDown = fromMemorySegment(SPECIES, seg, PHI_VST * col + o, ORDER);
        final DoubleVector vstSame = fromMemorySegment(SPECIES, seg, (PHI_VST + 1) * col + o, ORDER);
        final DoubleVector vstUp = fromMemorySegment(SPECIES, seg, (PHI_VST + 2) * col + o, ORDER);
        for (int j = 0; j < count; j++)
        {
            final DoubleVector h = halfKOverF.lanewise(FMA, shrink[j], deadHalf);
            final DoubleVector w1 = inverse ? weight : weightF.mul(growth[j]);
            final DoubleVector w2 = inverse ? struckWeight : struckWeight.lanewise(FMA, growth[j], deadWeightK);
            for (int s = 0; s < VOL_SCENARIOS; s++)
            {
                final int r = (s * count + j) * LANES;
                final DoubleVector x1 = DoubleVector.fromArray(SPECIES, scratch, X1 * kind + r);
                final DoubleVector x2 = x1.sub(s == 0 ? vstDown : s == 1 ? vstSame : vstUp);
                final DoubleVector a1 = x1.abs();
                final DoubleVector a2 = x2.abs();
                final DoubleVector p1 = a1.fma(P4, P3).lanewise(FMA, a1, P2).lanewise(FMA, a1, P1)
                    .lanewise(FMA, a1, P0);
                final DoubleVector q1 = a1.fma(Q5, Q4).lanewise(FMA, a1, Q3).lanewise(FMA, a1, Q2)
                    .lanewise(FMA, a1, Q1).lanewise(FMA, a1, 1.0);
                final DoubleVector p2 = a2.fma(P4, P3).lanewise(FMA, a2, P2).lanewise(FMA, a2, P1)
                    .lanewise(FMA, a2, P0);
                final DoubleVector q2 = a2.fma(Q5, Q4).lanewise(FMA, a2, Q3).lanewise(FMA, a2, Q2)
                    .lanewise(FMA, a2, Q1).lanewise(FMA, a2, 1.0);
                final DoubleVector t = DoubleVector.fromArray(SPECIES, scratch, DENSITY * kind + r).div(q1.mul(q2));
                final LongVector g1 = t.mul(p1).lanewise(FMA, q2, 0.5).viewAsIntegralLanes();
                final LongVector g2 = t.mul(p2).lanewise(FMA, q1, h).viewAsIntegralLanes();
                final DoubleVector n1 = g1.lanewise(XOR, x1.viewAsIntegralLanes().lanewise(AND, SIGN))
                    .viewAsFloatingLanes();
                final DoubleVector n2 = g2.lanewise(XOR, x2.viewAsIntegralLanes().lanewise(AND, SIGN))
                    .viewAsFloatingLanes();
                final int sum = SUM * kind + r;
                w1.lanewise(FMA, n1, w2.lanewise(FMA, n2, DoubleVector.fromArray(SPECIES, scratch, sum)))
                    .intoArray(scratch, sum);
            }
        }
    }
}
