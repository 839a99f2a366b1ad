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
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

/**
 * The terms of {@link ScenarioVectors} that do not depend on the underlying move, for {@link ScenarioPasses}: loops
 * over whole vectors of memory, as in {@link GreekPasses}. col is bytes per column.
 * <p>
 * With a move m the forward is F (1 + m), so ln(F (1 + m) / K) = ln(F / K) + ln(1 + m) and, per volatility scenario
 * s with total volatility w = v_s sqrt(t), phi d1 = ln(1 + m) phi / w + phi (ln(F / K) / w + w / 2): {@link #prepare}
 * stores the slope phi / w and the intercept per option and scenario, both times
 * {@link ScenarioPasses#SCALE} (the pass's variable), so a grid point's phi d1 is one fused multiply-add; 1 / w is
 * 1 / (v sqrt(t)) times the reciprocal of the scenario's shock factor (set with the shock), and 1 / (v sqrt(t)) and
 * K / F come from one division per option, 1 / (F v sqrt(t)) (F and v sqrt(t) replaced by 1 where they are not
 * positive, and v sqrt(t) also outside [1 / BIG^2, BIG^2], where no scenario uses it). A lane that is not regular
 * (expired, forward or strike not positive, or w below 1 / {@link #BIG}) gets 1 / w = BIG and the bracket
 * BIG ln(F / K) instead (+BIG with a forward but no strike, -BIG the other way, 0 without either) and w = 0, so
 * d1 = d2 is huge, with the sign of F (1 + m) - K: the normal CDFs give the intrinsic weights 1 and 0 with no select
 * per scenario. Near the money the weight is not 0 or 1, but F (1 + m) - K is then of the order of K |d1| / BIG, so
 * the price differs from the intrinsic one by less than 0.2 K / BIG, as it differs from the Black price of a w below
 * 1 / BIG. w is capped at BIG (the price no longer changes). So |d1| stays below about 1e18, where the rationals of
 * the normal CDF need no clamp (the product of their denominators overflows past about 1e31).
 */
final class ScenarioTerms
{
    /** 1 / w of a lane that is not regular, and the largest w: see the class notes. */
    static final double BIG = 1e15;

    private ScenarioTerms()
    {
    }

    /**
     * Everything that does not depend on the move, for the options below size at nowNs: {@link #forwards}, the log
     * of the forwards ({@link PortableMath#log(MemorySegment, long, int)}) and {@link #shocks}.
     */
    static void prepare(
        final MemorySegment seg, final long col, final int size, final long nowNs, final boolean inverse)
    {
        final int n = (size + LANES - 1) / LANES * LANES;
        forwards(seg, col, n);
        PortableMath.log(seg, LOG_FORWARD * col, n);
        shocks(seg, col, n, nowNs, inverse);
    }

    /** Per option, in LOG_FORWARD for the log to come, F (1 when not positive, so its log is 0). */
    private static void forwards(final MemorySegment seg, final long col, final int n)
    {
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final DoubleVector f = fromMemorySegment(SPECIES, seg, FORWARD * col + o, ORDER);
            one.blend(f, f.compare(GT, 0.0)).intoMemorySegment(seg, LOG_FORWARD * col + o, ORDER);
        }
    }

    /**
     * Per option: the weight phi x quantity x multiplier (0 for an inverse option without a forward, worth 0), the
     * forward floored at 0, K / F (0 without a forward); per volatility scenario s (down, same, up):
     * v' = max(v (1 + (s - 1) shock), 0), the total volatility w = v' sqrt(t) capped at {@link #BIG}, the regular mask
     * (forward and strike positive, w at least 1 / BIG), the slope phi / w and intercept phi x bracket of phi d1, and
     * phi w, the three scaled (see the class notes, also for lanes that are not regular).
     */
    private static void shocks(
        final MemorySegment seg, final long col, final int n, final long nowNs, final boolean inverse)
    {
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final DoubleVector big = DoubleVector.broadcast(SPECIES, BIG);
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final DoubleVector k = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER);
            final DoubleVector f = fromMemorySegment(SPECIES, seg, FORWARD * col + o, ORDER);
            final DoubleVector v = fromMemorySegment(SPECIES, seg, VOL * col + o, ORDER);
            final DoubleVector phi = fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER);
            final DoubleVector scaled = phi.mul(ScenarioPasses.SCALE);
            final DoubleVector shock = fromMemorySegment(SPECIES, seg, SHOCK * col + o, ORDER);
            final DoubleVector qm = fromMemorySegment(SPECIES, seg, QM * col + o, ORDER);
            final LongVector ns = LongVector.fromMemorySegment(LONG_SPECIES, seg, EXPIRY * col + o, ORDER).sub(nowNs);
            final DoubleVector t = ((DoubleVector)ns.convertShape(VectorOperators.L2D, SPECIES, 0)).mul(YEARS_PER_NS);
            final DoubleVector sqtc = t.blend(zero, t.compare(LT, zero)).sqrt();
            final VectorMask<Double> alive = f.compare(GT, zero);
            final DoubleVector unshocked = v.mul(sqtc);
            final DoubleVector rootSafe = one.blend(unshocked, unshocked.compare(GE, 1.0 / (BIG * BIG))
                .and(unshocked.compare(LE, BIG * BIG)));
            final DoubleVector forwardSafe = one.blend(f, alive);
            final DoubleVector invProduct = one.div(forwardSafe.mul(rootSafe));
            final DoubleVector invRoot = forwardSafe.mul(invProduct);
            zero.blend(k.mul(rootSafe).mul(invProduct), alive).intoMemorySegment(seg, K_OVER_F * col + o, ORDER);
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
                final DoubleVector root = shocked.blend(zero, shocked.compare(LT, zero)).mul(sqtc);
                final VectorMask<Double> capped = root.compare(GT, BIG);
                final DoubleVector total = root.blend(big, capped);
                final VectorMask<Double> reg = priced.and(total.compare(GE, 1.0 / BIG));
                final DoubleVector vst = zero.blend(total, reg);
                final DoubleVector inv = invRoot.mul(fromMemorySegment(SPECIES, seg, (SHOCK_INV + s) * col + o, ORDER))
                    .blend(1.0 / BIG, capped);
                flatInv.blend(inv, reg).mul(scaled).intoMemorySegment(seg, (SLOPE + s) * col + o, ORDER);
                flatBase.blend(x.fma(inv, vst.mul(0.5)), reg).mul(scaled)
                    .intoMemorySegment(seg, (INTERCEPT + s) * col + o, ORDER);
                scaled.mul(vst).intoMemorySegment(seg, (PHI_VST + s) * col + o, ORDER);
            }
        }
    }
}
