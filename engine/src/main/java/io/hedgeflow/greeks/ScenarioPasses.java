package io.hedgeflow.greeks;

import java.lang.foreign.MemorySegment;

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
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;

/**
 * The price-only passes of {@link ScenarioVectors}, in the style of {@link GreekPasses}: loops over whole vectors of
 * memory (padding lanes hold zero inputs and give zero values), no vector crossing a method call, exp by
 * {@link PortableMath#exp(MemorySegment, long, int)} over a column in between. col is bytes per column.
 */
final class ScenarioPasses
{
    private ScenarioPasses()
    {
    }

    /** Slots rounded up to whole vectors. */
    static int vectors(final int size)
    {
        return (size + LANES - 1) / LANES * LANES;
    }

    /**
     * Per volatility scenario s (down, same, up): v' = max(v (1 + (s - 1) shock), 0), the regular mask (forward and
     * strike positive, v' sqrt(t) at least {@link BlackScholes#MIN_TOTAL_VOL}), the total volatility (1 where not
     * regular) and its reciprocal.
     */
    static void prepare(final MemorySegment seg, final long col, final int size, final long nowNs)
    {
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int i = 0, n = vectors(size); i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final DoubleVector k = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER);
            final DoubleVector f = fromMemorySegment(SPECIES, seg, FORWARD * col + o, ORDER);
            final DoubleVector v = fromMemorySegment(SPECIES, seg, VOL * col + o, ORDER);
            final DoubleVector shock = fromMemorySegment(SPECIES, seg, SHOCK * col + o, ORDER);
            final LongVector ns = LongVector.fromMemorySegment(LONG_SPECIES, seg, EXPIRY * col + o, ORDER).sub(nowNs);
            final DoubleVector t = ((DoubleVector)ns.convertShape(VectorOperators.L2D, SPECIES, 0)).mul(YEARS_PER_NS);
            final DoubleVector sqtc = t.blend(zero, t.compare(LT, zero)).sqrt();
            final VectorMask<Double> priced = f.compare(GT, zero).and(k.compare(GT, zero));
            for (int s = 0; s < 3; s++)
            {
                final DoubleVector shocked = v.mul(shock.fma((double)(s - 1), 1.0));
                final DoubleVector vs = shocked.blend(zero, shocked.compare(LT, zero));
                final DoubleVector total = vs.mul(sqtc);
                final VectorMask<Double> reg = priced.and(total.compare(GE, BlackScholes.MIN_TOTAL_VOL));
                final DoubleVector vst = one.blend(total, reg);
                vst.intoMemorySegment(seg, (VST + s) * col + o, ORDER);
                one.div(vst).intoMemorySegment(seg, (INV + s) * col + o, ORDER);
                zero.blend(one, reg).intoMemorySegment(seg, (REG + s) * col + o, ORDER);
            }
        }
    }

    /** The book's value with every forward times (1 + move), volatility scenario s (0 down, 1 same, 2 up). */
    static double value(
        final MemorySegment seg, final long col, final int size, final double move, final int s, final boolean inverse)
    {
        final int n = vectors(size);
        d1(seg, col, n, PortableMath.log(1.0 + move), s);
        PortableMath.exp(seg, DENSITY * col, n);
        return prices(seg, col, n, 1.0 + move, s, inverse);
    }

    /** d1 = x / (v' sqrt t) + v' sqrt(t) / 2 with x = log F + log(1 + move) - log K (0 where not regular). */
    private static void d1(final MemorySegment seg, final long col, final int n, final double logMove, final int s)
    {
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final VectorMask<Double> reg = fromMemorySegment(SPECIES, seg, (REG + s) * col + o, ORDER).compare(NE, 0.0);
            final DoubleVector logF = fromMemorySegment(SPECIES, seg, LOG_FORWARD * col + o, ORDER);
            final DoubleVector logK = fromMemorySegment(SPECIES, seg, LOG_STRIKE * col + o, ORDER);
            final DoubleVector vst = fromMemorySegment(SPECIES, seg, (VST + s) * col + o, ORDER);
            final DoubleVector inv = fromMemorySegment(SPECIES, seg, (INV + s) * col + o, ORDER);
            final DoubleVector x = zero.blend(logF.add(logMove).sub(logK), reg);
            final DoubleVector d1 = x.fma(inv, vst.mul(0.5));
            d1.intoMemorySegment(seg, D1 * col + o, ORDER);
            d1.mul(-0.5).mul(d1).intoMemorySegment(seg, DENSITY * col + o, ORDER);
        }
    }

    /**
     * N(phi d1) and N(phi d2) by {@link Normal}'s rational with one division for both, the degenerate weights, the
     * price (inverse: phi (n1 - K / F' n2); linear: phi (F' n1 - K n2), F' = F (1 + move)) and the sum of
     * quantity x multiplier x price, lanes added in lane order.
     */
    private static double prices(
        final MemorySegment seg, final long col, final int n, final double growth, final int s, final boolean inverse)
    {
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5);
        final DoubleVector maxAbs = DoubleVector.broadcast(SPECIES, Normal.MAX_ABS_X);
        final double shrink = 1.0 / growth;
        DoubleVector acc = zero;
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final VectorMask<Double> reg = fromMemorySegment(SPECIES, seg, (REG + s) * col + o, ORDER).compare(NE, 0.0);
            final DoubleVector phi = fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER);
            final DoubleVector d1 = fromMemorySegment(SPECIES, seg, D1 * col + o, ORDER);
            final DoubleVector vst = fromMemorySegment(SPECIES, seg, (VST + s) * col + o, ORDER);
            final DoubleVector nd1 = fromMemorySegment(SPECIES, seg, DENSITY * col + o, ORDER)
                .mul(Normal.INV_SQRT_2PI);
            final DoubleVector nd2 = nd1.mul(fromMemorySegment(SPECIES, seg, F_OVER_K * col + o, ORDER).mul(growth));
            final DoubleVector x1 = phi.mul(d1);
            final DoubleVector x2 = phi.mul(d1.sub(vst));
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
            final DoubleVector r = one.div(q1.mul(q2));
            final DoubleVector c1 = nd1.mul(p1).mul(q2).mul(r);
            final DoubleVector c2 = nd2.mul(p2).mul(q1).mul(r);
            final DoubleVector f = fromMemorySegment(SPECIES, seg, FORWARD * col + o, ORDER);
            final DoubleVector k = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER);
            final VectorMask<Double> alive = f.compare(GT, zero);
            final DoubleVector moved = zero.blend(f, alive).mul(growth);
            final DoubleVector mny = moved.sub(k);
            final DoubleVector w = zero.blend(half, mny.compare(EQ, zero)).blend(one, phi.mul(mny).compare(GT, zero));
            final DoubleVector n1 = w.blend(c1.blend(one.sub(c1), x1.compare(GT, zero)), reg);
            final DoubleVector n2 = w.blend(c2.blend(one.sub(c2), x2.compare(GT, zero)), reg);
            final DoubleVector price = inverse ?
                zero.blend(phi.mul(n1.sub(fromMemorySegment(SPECIES, seg, K_OVER_F * col + o, ORDER)
                    .mul(shrink).mul(n2))), alive) :
                phi.mul(moved.fma(n1, k.mul(n2).neg()));
            acc = fromMemorySegment(SPECIES, seg, QM * col + o, ORDER).fma(price, acc);
        }
        double sum = 0.0;
        for (int lane = 0; lane < LANES; lane++)
        {
            sum += acc.lane(lane);
        }
        return sum;
    }
}
