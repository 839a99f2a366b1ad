package io.hedgeflow.greeks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static io.hedgeflow.greeks.GreekKernel.LANES;
import static io.hedgeflow.greeks.GreekKernel.LONG_SPECIES;
import static io.hedgeflow.greeks.GreekKernel.ORDER;
import static io.hedgeflow.greeks.GreekKernel.SPECIES;
import static io.hedgeflow.greeks.GreekKernel.YEARS_PER_NS;
import static io.hedgeflow.greeks.ScenarioVectors.*;
import static jdk.incubator.vector.DoubleVector.fromMemorySegment;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;

/**
 * The price-only passes of {@link ScenarioVectors}, in the style of {@link GreekPasses}: loops over whole vectors of
 * memory (padding lanes hold zero inputs and give zero values), no vector crossing a method call, exp by
 * {@link PortableMath#exp(MemorySegment, long, int)} over scratch rows in between. col is bytes per column.
 * <p>
 * With a move m the forward is F (1 + m), so ln(F (1 + m) / K) = ln(F / K) + ln(1 + m) and, per volatility scenario
 * s with total volatility w = v_s sqrt(t), d1 = ln(1 + m) / w + (ln(F / K) / w + w / 2): {@link #prepare} stores 1 / w
 * and the bracket per option and scenario, so a grid point's d1 is one fused multiply-add. A lane that is not
 * regular (expired, no volatility, forward or strike not positive) gets 1 / w = {@link #BIG} and the bracket
 * BIG ln(F / K) instead (+BIG with a forward but no strike, -BIG the other way, 0 without either) and w = 0, so
 * d1 = d2 is huge, with the sign of F (1 + m) - K: the normal CDFs give the intrinsic weights 1 and 0 with no
 * select per scenario (at the money the weight does not change the price, F (1 + m) - K being 0).
 */
final class ScenarioPasses
{
    /** 1 / w of a lane that is not regular: |d1| is huge unless the forward is at the money, and stays finite. */
    static final double BIG = 1e300;

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
     * Everything that does not depend on the move, for the options below size at nowNs: {@link #forwards}, the log
     * of the forwards ({@link PortableMath#log(MemorySegment, long, int)}) and {@link #shocks}.
     */
    static void prepare(
        final MemorySegment seg, final long col, final int size, final long nowNs, final boolean inverse)
    {
        final int n = vectors(size);
        forwards(seg, col, n);
        PortableMath.log(seg, LOG_FORWARD * col, n);
        shocks(seg, col, n, nowNs, inverse);
    }

    /**
     * Per option F / K (0 without a strike), K / F (0 without a forward) and, in LOG_FORWARD for the log to come, F
     * (1 when not positive, so its log is 0).
     */
    private static void forwards(final MemorySegment seg, final long col, final int n)
    {
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final DoubleVector k = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER);
            final DoubleVector f = fromMemorySegment(SPECIES, seg, FORWARD * col + o, ORDER);
            final VectorMask<Double> alive = f.compare(GT, zero);
            final VectorMask<Double> struck = k.compare(GT, zero);
            zero.blend(f.div(one.blend(k, struck)), struck).intoMemorySegment(seg, F_OVER_K * col + o, ORDER);
            zero.blend(k.div(one.blend(f, alive)), alive).intoMemorySegment(seg, K_OVER_F * col + o, ORDER);
            one.blend(f, alive).intoMemorySegment(seg, LOG_FORWARD * col + o, ORDER);
        }
    }

    /**
     * Per option: the weight phi x quantity x multiplier (0 for an inverse option without a forward, worth 0), the
     * forward floored at 0; per volatility scenario s (down, same, up): v' = max(v (1 + (s - 1) shock), 0), the
     * regular mask (forward and strike positive, v' sqrt(t) at least {@link BlackScholes#MIN_TOTAL_VOL}), 1 / w, the
     * bracket of d1 and phi w (see the class notes for lanes that are not regular).
     */
    private static void shocks(
        final MemorySegment seg, final long col, final int n, final long nowNs, final boolean inverse)
    {
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final DoubleVector big = DoubleVector.broadcast(SPECIES, BIG);
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final DoubleVector k = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER);
            final DoubleVector f = fromMemorySegment(SPECIES, seg, FORWARD * col + o, ORDER);
            final DoubleVector v = fromMemorySegment(SPECIES, seg, VOL * col + o, ORDER);
            final DoubleVector phi = fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER);
            final DoubleVector shock = fromMemorySegment(SPECIES, seg, SHOCK * col + o, ORDER);
            final DoubleVector qm = fromMemorySegment(SPECIES, seg, QM * col + o, ORDER);
            final LongVector ns = LongVector.fromMemorySegment(LONG_SPECIES, seg, EXPIRY * col + o, ORDER).sub(nowNs);
            final DoubleVector t = ((DoubleVector)ns.convertShape(VectorOperators.L2D, SPECIES, 0)).mul(YEARS_PER_NS);
            final DoubleVector sqtc = t.blend(zero, t.compare(LT, zero)).sqrt();
            final VectorMask<Double> alive = f.compare(GT, zero);
            final VectorMask<Double> struck = k.compare(GT, zero);
            final VectorMask<Double> priced = alive.and(struck);
            final DoubleVector x = zero.blend(fromMemorySegment(SPECIES, seg, LOG_FORWARD * col + o, ORDER)
                .sub(fromMemorySegment(SPECIES, seg, LOG_STRIKE * col + o, ORDER)), priced);
            final DoubleVector side = zero.blend(big.neg(), struck).blend(big, alive);
            final DoubleVector flatInv = zero.blend(big, priced);
            final DoubleVector flatBase = side.blend(x.mul(big), priced);
            (inverse ? zero.blend(qm, alive) : qm).mul(phi).intoMemorySegment(seg, WEIGHT * col + o, ORDER);
            zero.blend(f, alive).intoMemorySegment(seg, LIVE_FORWARD * col + o, ORDER);
            for (int s = 0; s < VOL_SCENARIOS; s++)
            {
                final DoubleVector shocked = v.mul(shock.fma((double)(s - 1), 1.0));
                final DoubleVector total = shocked.blend(zero, shocked.compare(LT, zero)).mul(sqtc);
                final VectorMask<Double> reg = priced.and(total.compare(GE, BlackScholes.MIN_TOTAL_VOL));
                final DoubleVector vst = zero.blend(total, reg);
                final DoubleVector inv = DoubleVector.broadcast(SPECIES, 1.0).div(total);
                flatInv.blend(inv, reg).intoMemorySegment(seg, (INV + s) * col + o, ORDER);
                flatBase.blend(x.fma(inv, vst.mul(0.5)), reg).intoMemorySegment(seg, (BASE + s) * col + o, ORDER);
                phi.mul(vst).intoMemorySegment(seg, (PHI_VST + s) * col + o, ORDER);
            }
        }
    }

    /**
     * The book's value in every scenario, into values (layout of {@link ScenarioVectors#values}): per vector of
     * options with a weight, the scenarios' phi d1 and -d1^2/2 into scratch rows, their exp in one call, then
     * the prices added to each scenario's sum row; the sums' lanes added in lane order at the end.
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
        for (int i = 0, n = vectors(size); i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            if (fromMemorySegment(SPECIES, seg, WEIGHT * col + o, ORDER).compare(NE, 0.0).anyTrue())
            {
                arguments(seg, col, o, scratch, kind, count, logGrowth);
                PortableMath.exp(scratch, DENSITY * kind, rows * LANES);
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

    /** Slots rounded up to whole vectors. */
    private static int vectors(final int size)
    {
        return (size + LANES - 1) / LANES * LANES;
    }

    /** Per scenario of the options at byte offset o: d1 = ln(1 + m) / w + bracket, phi d1 and -d1^2/2. */
    private static void arguments(
        final MemorySegment seg, final long col, final long o, final MemorySegment scratch, final long kind,
        final int count, final double[] logGrowth)
    {
        final DoubleVector phi = fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER);
        for (int s = 0; s < VOL_SCENARIOS; s++)
        {
            final DoubleVector inv = fromMemorySegment(SPECIES, seg, (INV + s) * col + o, ORDER);
            final DoubleVector base = fromMemorySegment(SPECIES, seg, (BASE + s) * col + o, ORDER);
            for (int j = 0; j < count; j++)
            {
                final long r = (s * count + j) * ROW;
                final DoubleVector d1 = inv.lanewise(FMA, logGrowth[j], base);
                phi.mul(d1).intoMemorySegment(scratch, X1 * kind + r, ORDER);
                d1.mul(-0.5).mul(d1).intoMemorySegment(scratch, DENSITY * kind + r, ORDER);
            }
        }
    }

    /**
     * N(phi d1) and N(phi d2), phi d2 = phi d1 - phi w, by {@link Normal}'s rational with one division for both (the
     * density of d2 is that of d1 times F (1 + m) / K), the price over phi (inverse: n1 - K / F' n2; linear:
     * F' n1 - K n2, F' = F (1 + m)) and weight x that added to each scenario's sum row.
     */
    private static void prices(
        final MemorySegment seg, final long col, final long o, final MemorySegment scratch, final long kind,
        final int count, final double[] growth, final double[] shrink, final boolean inverse)
    {
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector maxAbs = DoubleVector.broadcast(SPECIES, Normal.MAX_ABS_X);
        final DoubleVector weight = fromMemorySegment(SPECIES, seg, WEIGHT * col + o, ORDER);
        final DoubleVector fOverK = fromMemorySegment(SPECIES, seg, F_OVER_K * col + o, ORDER);
        final DoubleVector kOverF = fromMemorySegment(SPECIES, seg, K_OVER_F * col + o, ORDER);
        final DoubleVector f = fromMemorySegment(SPECIES, seg, LIVE_FORWARD * col + o, ORDER);
        final DoubleVector negK = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER).neg();
        for (int s = 0; s < VOL_SCENARIOS; s++)
        {
            final DoubleVector phiVst = fromMemorySegment(SPECIES, seg, (PHI_VST + s) * col + o, ORDER);
            for (int j = 0; j < count; j++)
            {
                final long r = (s * count + j) * ROW;
                final DoubleVector x1 = fromMemorySegment(SPECIES, scratch, X1 * kind + r, ORDER);
                final DoubleVector x2 = x1.sub(phiVst);
                final DoubleVector abs1 = x1.abs();
                final DoubleVector abs2 = x2.abs();
                final DoubleVector a1 = abs1.blend(maxAbs, abs1.compare(GT, maxAbs));
                final DoubleVector a2 = abs2.blend(maxAbs, abs2.compare(GT, maxAbs));
                final DoubleVector p1 = a1.fma(Normal.P6, Normal.P5).lanewise(FMA, a1, Normal.P4)
                    .lanewise(FMA, a1, Normal.P3).lanewise(FMA, a1, Normal.P2).lanewise(FMA, a1, Normal.P1)
                    .lanewise(FMA, a1, Normal.P0);
                final DoubleVector q1 = a1.fma(Normal.Q7, Normal.Q6).lanewise(FMA, a1, Normal.Q5)
                    .lanewise(FMA, a1, Normal.Q4).lanewise(FMA, a1, Normal.Q3).lanewise(FMA, a1, Normal.Q2)
                    .lanewise(FMA, a1, Normal.Q1).lanewise(FMA, a1, Normal.Q0);
                final DoubleVector p2 = a2.fma(Normal.P6, Normal.P5).lanewise(FMA, a2, Normal.P4)
                    .lanewise(FMA, a2, Normal.P3).lanewise(FMA, a2, Normal.P2).lanewise(FMA, a2, Normal.P1)
                    .lanewise(FMA, a2, Normal.P0);
                final DoubleVector q2 = a2.fma(Normal.Q7, Normal.Q6).lanewise(FMA, a2, Normal.Q5)
                    .lanewise(FMA, a2, Normal.Q4).lanewise(FMA, a2, Normal.Q3).lanewise(FMA, a2, Normal.Q2)
                    .lanewise(FMA, a2, Normal.Q1).lanewise(FMA, a2, Normal.Q0);
                final DoubleVector t = fromMemorySegment(SPECIES, scratch, DENSITY * kind + r, ORDER)
                    .mul(Normal.INV_SQRT_2PI).div(q1.mul(q2));
                final DoubleVector c1 = t.mul(p1.mul(q2));
                final DoubleVector c2 = t.mul(fOverK.mul(growth[j]).mul(p2).mul(q1));
                final DoubleVector n1 = c1.blend(one.sub(c1), x1.compare(GT, 0.0));
                final DoubleVector n2 = c2.blend(one.sub(c2), x2.compare(GT, 0.0));
                final DoubleVector price = inverse ? kOverF.mul(-shrink[j]).fma(n2, n1) :
                    f.mul(growth[j]).fma(n1, negK.mul(n2));
                final long sum = SUM * kind + r;
                weight.fma(price, fromMemorySegment(SPECIES, scratch, sum, ORDER))
                    .intoMemorySegment(scratch, sum, ORDER);
            }
        }
    }
}
