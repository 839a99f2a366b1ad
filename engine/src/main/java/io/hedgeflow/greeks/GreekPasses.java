package io.hedgeflow.greeks;

import java.lang.foreign.MemorySegment;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

import static io.hedgeflow.greeks.GreekKernel.*;
import static jdk.incubator.vector.DoubleVector.fromMemorySegment;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.FMA;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.NE;

/**
 * The passes of the vector kernel ({@link GreekKernel#vector}) over one chunk: each a loop over whole vectors of
 * memory (the book and the chunk's scratch columns), with no vector crossing a method call, so C2 inlines and
 * intrinsifies every Vector API call (each pass, the largest included, compiles at tier 4 within C2's node limit:
 * checked with -XX:+PrintCompilation and an allocation count of 0). Every operation mirrors {@link BlackScholes#greeks}
 * (same operations, same order, selects for its conditionals), so each output has the same bits as the scalar
 * reference. Whole vectors are stored, padding lanes included: they hold zero inputs, so their outputs are zero.
 * <p>
 * Arguments common to the passes: seg, the book; col, bytes per book column; from, the chunk's first slot; n, its
 * slots rounded up to whole vectors; market, the book's market (indices {@link GreekKernel#SPOT} ..
 * {@link GreekKernel#COIN}); scratch and sc, the scratch segment and bytes per scratch column (n lanes each).
 */
final class GreekPasses
{
    private GreekPasses()
    {
    }

    /**
     * t, the regular-lane mask and the selected t, v, sqrt t (a vector whose lanes are all regular skips the selects,
     * which would pick the regular operand); 1/(v sqrt t), d1, and the exp arguments -rt, -qt
     * and -d1^2/2. With a zero carry e^-qt is 1 (as {@link PortableMath#exp} gives for 0): DQ is not written and
     * {@link #outputs} takes 1 for it; e^-rt is stored as 1 when the rate is 0 too: {@link GreekKernel#vector} starts
     * its exp after those columns. (With a zero rate and a non-zero carry, -rt = 0 is stored and its exp gives
     * exactly 1.)
     */
    static void prepare(
        final MemorySegment seg, final long col, final int from, final int n, final double[] market, final long nowNs,
        final MemorySegment scratch, final long sc)
    {
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5);
        final DoubleVector minusHalf = DoubleVector.broadcast(SPECIES, -0.5);
        final DoubleVector s = DoubleVector.broadcast(SPECIES, market[SPOT]);
        final DoubleVector r = DoubleVector.broadcast(SPECIES, market[RATE]);
        final DoubleVector q = DoubleVector.broadcast(SPECIES, market[CARRY]);
        final DoubleVector logS = DoubleVector.broadcast(SPECIES, market[LOG_SPOT]);
        final boolean noCarry = market[CARRY] == 0.0;
        final boolean noExp = noCarry && market[RATE] == 0.0;
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)(from + i) * Double.BYTES;
            final long so = (long)i * Double.BYTES;
            final DoubleVector k = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER);
            final DoubleVector v = fromMemorySegment(SPECIES, seg, VOL * col + o, ORDER);
            final LongVector ns = LongVector.fromMemorySegment(LONG_SPECIES, seg, EXPIRY * col + o, ORDER).sub(nowNs);
            final DoubleVector t = ((DoubleVector)ns.convertShape(VectorOperators.L2D, SPECIES, 0)).mul(YEARS_PER_NS);
            final DoubleVector tc = t.blend(zero, t.compare(LT, zero));
            final DoubleVector sqtc = tc.sqrt();
            final VectorMask<Double> reg = s.compare(GT, zero).and(k.compare(GT, zero))
                .and(v.mul(sqtc).compare(GE, BlackScholes.MIN_TOTAL_VOL));
            final boolean allReg = reg.allTrue();
            final DoubleVector sqt = allReg ? sqtc : one.blend(sqtc, reg);
            final DoubleVector vs = allReg ? v : one.blend(v, reg);
            final DoubleVector vst = vs.mul(sqt);
            final DoubleVector logK = fromMemorySegment(SPECIES, seg, LOG_STRIKE * col + o, ORDER);
            final DoubleVector logSK = logS.sub(logK);
            final DoubleVector x = allReg ? logSK : zero.blend(logSK, reg);
            final DoubleVector inv = one.div(vst);
            final DoubleVector d1 = r.sub(q).fma(allReg ? tc : one.blend(tc, reg), x).fma(inv, vst.mul(half));
            (noExp ? one : r.neg().mul(tc)).intoMemorySegment(scratch, S_DR * sc + so, ORDER);
            if (!noCarry)
            {
                q.neg().mul(tc).intoMemorySegment(scratch, S_DQ * sc + so, ORDER);
            }
            d1.mul(minusHalf).mul(d1).intoMemorySegment(scratch, S_DENSITY * sc + so, ORDER);
            d1.intoMemorySegment(scratch, S_D1 * sc + so, ORDER);
            inv.intoMemorySegment(scratch, S_INV * sc + so, ORDER);
            sqt.intoMemorySegment(scratch, S_SQT * sc + so, ORDER);
            vs.intoMemorySegment(scratch, S_VS * sc + so, ORDER);
            zero.blend(one, reg).intoMemorySegment(scratch, S_REG * sc + so, ORDER);
            tc.intoMemorySegment(scratch, S_TC * sc + so, ORDER);
        }
    }

    /**
     * The densities phi(d1) = e^(-d1^2/2) / sqrt(2 pi) and phi(d2) = phi(d1) S e^-qt / (K e^-rt), N(phi d1) and
     * N(phi d2) by {@link Normal#cdf(double, double)} lane-wise (the same operations in the same order, once for each
     * argument); then the degenerate cases (n1, n2 become the in-the-money weight, the density 0) and all nine
     * outputs (theta and charm 0 once expired), each stored with its inverse (coin) conversion, which only a vector
     * holding an inverse option computes. One loop, longer than a method usually is here, because fusing the former
     * normals, firstOrder and secondOrder passes keeps their intermediate values in registers instead of scratch
     * (and no vector may cross a method call). Without secondOrder only price and delta are computed and stored
     * (the same operations, so the same bits), the other seven outputs keep what they held. Two shortcuts keep the
     * bits: a vector whose lanes are all regular skips the degenerate-case selects (each would pick its regular
     * operand), and with a zero carry the multiplications by e^-qt = 1 are left out (x * 1 is x exactly).
     */
    static void outputs(
        final MemorySegment seg, final long col, final int from, final int n, final double[] market,
        final MemorySegment scratch, final long sc, final boolean secondOrder)
    {
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final DoubleVector half = DoubleVector.broadcast(SPECIES, 0.5);
        final DoubleVector norm = DoubleVector.broadcast(SPECIES, Normal.INV_SQRT_2PI);
        final DoubleVector maxAbs = DoubleVector.broadcast(SPECIES, Normal.MAX_ABS_X);
        final DoubleVector s = DoubleVector.broadcast(SPECIES, market[SPOT]);
        final boolean alive = market[SPOT] > 0.0;
        final DoubleVector sp = alive ? s : zero;
        final DoubleVector q = DoubleVector.broadcast(SPECIES, market[CARRY]);
        final DoubleVector minusR = DoubleVector.broadcast(SPECIES, -market[RATE]);
        final DoubleVector rq = DoubleVector.broadcast(SPECIES, market[RATE] - market[CARRY]);
        final DoubleVector coinS = DoubleVector.broadcast(SPECIES, market[COIN]);
        final DoubleVector minusModel = DoubleVector.broadcast(SPECIES, -market[MODEL]);
        final boolean noCarry = market[CARRY] == 0.0;
        for (int i = 0; i < n; i += LANES)
        {
            final long o = (long)(from + i) * Double.BYTES;
            final long so = (long)i * Double.BYTES;
            final VectorMask<Double> reg = fromMemorySegment(SPECIES, scratch, S_REG * sc + so, ORDER).compare(NE, 0.0);
            final boolean allReg = reg.allTrue();
            final DoubleVector phi = fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER);
            final DoubleVector d1 = fromMemorySegment(SPECIES, scratch, S_D1 * sc + so, ORDER);
            final DoubleVector k = fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER);
            final DoubleVector dq = noCarry ? one : fromMemorySegment(SPECIES, scratch, S_DQ * sc + so, ORDER);
            final DoubleVector dr = fromMemorySegment(SPECIES, scratch, S_DR * sc + so, ORDER);
            final DoubleVector vs = fromMemorySegment(SPECIES, scratch, S_VS * sc + so, ORDER);
            final DoubleVector sqt = fromMemorySegment(SPECIES, scratch, S_SQT * sc + so, ORDER);
            final DoubleVector vst = vs.mul(sqt);
            final DoubleVector nd1 = fromMemorySegment(SPECIES, scratch, S_DENSITY * sc + so, ORDER).mul(norm);
            final DoubleVector kd = k.mul(dr);
            final DoubleVector sq = allReg ? s : one.blend(s, reg);
            final DoubleVector nd2 = nd1.mul((noCarry ? sq : sq.mul(dq)).div(allReg ? kd : one.blend(k, reg).mul(dr)));
            final DoubleVector x1 = phi.mul(d1);
            final DoubleVector x2 = phi.mul(d1.sub(vst));
            final DoubleVector abs1 = x1.abs();
            final DoubleVector abs2 = x2.abs();
            final DoubleVector a1 = abs1.blend(maxAbs, abs1.compare(GT, maxAbs));
            final DoubleVector a2 = abs2.blend(maxAbs, abs2.compare(GT, maxAbs));
            final DoubleVector c1 = nd1.mul(a1.fma(Normal.P6, Normal.P5).lanewise(FMA, a1, Normal.P4)
                .lanewise(FMA, a1, Normal.P3).lanewise(FMA, a1, Normal.P2).lanewise(FMA, a1, Normal.P1)
                .lanewise(FMA, a1, Normal.P0)).div(a1.fma(Normal.Q7, Normal.Q6).lanewise(FMA, a1, Normal.Q5)
                .lanewise(FMA, a1, Normal.Q4).lanewise(FMA, a1, Normal.Q3).lanewise(FMA, a1, Normal.Q2)
                .lanewise(FMA, a1, Normal.Q1).lanewise(FMA, a1, Normal.Q0));
            final DoubleVector c2 = nd2.mul(a2.fma(Normal.P6, Normal.P5).lanewise(FMA, a2, Normal.P4)
                .lanewise(FMA, a2, Normal.P3).lanewise(FMA, a2, Normal.P2).lanewise(FMA, a2, Normal.P1)
                .lanewise(FMA, a2, Normal.P0)).div(a2.fma(Normal.Q7, Normal.Q6).lanewise(FMA, a2, Normal.Q5)
                .lanewise(FMA, a2, Normal.Q4).lanewise(FMA, a2, Normal.Q3).lanewise(FMA, a2, Normal.Q2)
                .lanewise(FMA, a2, Normal.Q1).lanewise(FMA, a2, Normal.Q0));
            final DoubleVector fwd = noCarry ? sp : sp.mul(dq);
            final DoubleVector cdf1 = c1.blend(one.sub(c1), x1.compare(GT, zero));
            final DoubleVector cdf2 = c2.blend(one.sub(c2), x2.compare(GT, zero));
            final DoubleVector mny = fwd.sub(kd);
            final DoubleVector w = allReg ? zero :
                zero.blend(half, mny.compare(EQ, zero)).blend(one, phi.mul(mny).compare(GT, zero));
            final DoubleVector n1 = allReg ? cdf1 : w.blend(cdf1, reg);
            final DoubleVector kdn2 = kd.mul(allReg ? cdf2 : w.blend(cdf2, reg));
            final DoubleVector price = phi.mul(fwd.fma(n1, kdn2.neg()));
            final DoubleVector delta = (noCarry ? phi : phi.mul(dq)).mul(n1);
            final VectorMask<Double> coin = fromMemorySegment(SPECIES, seg, INVERSE * col + o, ORDER).compare(NE, 0.0);
            final boolean anyCoin = coin.anyTrue();
            final DoubleVector coinPrice = price.mul(coinS);
            final DoubleVector coinDelta = alive ? delta.sub(coinPrice) : zero;
            if (anyCoin)
            {
                price.blend(coinPrice, coin).intoMemorySegment(seg, PRICE * col + o, ORDER);
                delta.blend(coinDelta, coin).intoMemorySegment(seg, DELTA * col + o, ORDER);
            }
            else
            {
                price.intoMemorySegment(seg, PRICE * col + o, ORDER);
                delta.intoMemorySegment(seg, DELTA * col + o, ORDER);
            }
            if (secondOrder)
            {
                final DoubleVector tc = fromMemorySegment(SPECIES, scratch, S_TC * sc + so, ORDER);
                final DoubleVector rho = phi.mul(tc).mul(minusModel.mul(fwd).fma(n1, kdn2));
                final VectorMask<Double> live = tc.compare(GT, zero);
                final DoubleVector p1 = allReg ? nd1 : zero.blend(nd1, reg);
                final DoubleVector inv = fromMemorySegment(SPECIES, scratch, S_INV * sc + so, ORDER);
                final DoubleVector dqp1 = noCarry ? p1 : dq.mul(p1);
                final DoubleVector d2 = d1.sub(vst);
                final DoubleVector rv = sqt.mul(inv);
                final DoubleVector rsq = vs.mul(inv);
                final DoubleVector ts = allReg ? tc : one.blend(tc, reg);
                final DoubleVector gamma = dqp1.mul(inv).mul(coinS);
                final DoubleVector vega = fwd.mul(p1).mul(sqt);
                final DoubleVector vanna = dqp1.neg().mul(d2).mul(rv);
                final DoubleVector volga = vega.mul(d1).mul(d2).mul(rv);
                final DoubleVector theta = zero.blend(phi.mul(q.mul(fwd).fma(n1, minusR.mul(kdn2)))
                    .sub(fwd.mul(p1).mul(half).mul(vs).mul(rsq)), live);
                final DoubleVector phiQ = phi.mul(q);
                final DoubleVector charm = zero.blend((noCarry ? phiQ : phiQ.mul(dq)).mul(n1)
                    .sub(dqp1.mul(rq.fma(ts, d2.mul(half).mul(vst).neg())).mul(inv).mul(rsq).mul(rsq)), live);
                if (anyCoin)
                {
                    final DoubleVector coinCharm = alive ? theta.neg().fma(coinS, charm) : zero;
                    rho.blend(rho.mul(coinS), coin).intoMemorySegment(seg, RHO * col + o, ORDER);
                    gamma.blend(coinDelta.neg().fma(coinS, gamma), coin).intoMemorySegment(seg, GAMMA * col + o, ORDER);
                    vega.blend(vega.mul(coinS), coin).intoMemorySegment(seg, VEGA * col + o, ORDER);
                    vanna.blend(vega.neg().fma(coinS, vanna), coin).intoMemorySegment(seg, VANNA * col + o, ORDER);
                    volga.blend(volga.mul(coinS), coin).intoMemorySegment(seg, VOLGA * col + o, ORDER);
                    theta.blend(theta.mul(coinS), coin).intoMemorySegment(seg, THETA * col + o, ORDER);
                    charm.blend(coinCharm, coin).intoMemorySegment(seg, CHARM * col + o, ORDER);
                }
                else
                {
                    rho.intoMemorySegment(seg, RHO * col + o, ORDER);
                    gamma.intoMemorySegment(seg, GAMMA * col + o, ORDER);
                    vega.intoMemorySegment(seg, VEGA * col + o, ORDER);
                    vanna.intoMemorySegment(seg, VANNA * col + o, ORDER);
                    volga.intoMemorySegment(seg, VOLGA * col + o, ORDER);
                    theta.intoMemorySegment(seg, THETA * col + o, ORDER);
                    charm.intoMemorySegment(seg, CHARM * col + o, ORDER);
                }
            }
        }
    }
}
