package io.hedgeflow.greeks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Greek kernels over a {@link GreekVectors} segment: the production Vector API loop and the scalar reference
 * loop over {@link BlackScholes#greeks}, with identical semantics (the vector loop mirrors the scalar code
 * operation for operation, degenerate lanes included, so the two agree to rounding).
 * <p>
 * Segment layout: one column per field, each {@code stride} elements long (stride is a multiple of 8 doubles, so
 * every column starts 64-byte aligned and is padded to a whole number of vectors):
 * <pre>
 *   +--------+--------+-----+---------+----------+------------+-----+-------+-------+-----+-------+
 *   | STRIKE | EXPIRY | PHI | INVERSE | QUANTITY | MULTIPLIER | VOL | PRICE | DELTA | ... | CHARM |
 *   +--------+--------+-----+---------+----------+------------+-----+-------+-------+-----+-------+
 *   in a batch segment, then:  | SPOT | RATE | CARRY | TIME | MODEL |
 * </pre>
 * EXPIRY holds int64 nanoseconds, PHI +1 (call) / -1 (put), INVERSE and MODEL (Black-76) 1.0 or 0.0, TIME years.
 * A GreekVectors segment takes spot, rate and carry as arguments and time from EXPIRY; a batch segment (the
 * {@code greeks} command) reads them per row. Padding lanes are never stored to, so they stay zero.
 */
final class GreekKernel
{
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> LONG_SPECIES = VectorSpecies.of(long.class, SPECIES.vectorShape());
    static final int LANES = SPECIES.length();
    static final double NS_PER_YEAR = 365.0 * 86_400e9;
    static final ByteOrder ORDER = ByteOrder.nativeOrder();

    static final int STRIKE = 0, EXPIRY = 1, PHI = 2, INVERSE = 3, QUANTITY = 4, MULTIPLIER = 5, VOL = 6;
    static final int PRICE = 7, DELTA = 8, GAMMA = 9, VEGA = 10, THETA = 11, RHO = 12, VANNA = 13, VOLGA = 14,
        CHARM = 15;
    static final int SPOT = 16, RATE = 17, CARRY = 18, TIME = 19, MODEL = 20;
    static final int COLUMNS = 16, BATCH_COLUMNS = 21;

    private GreekKernel()
    {
    }

    /** Elements per column for a capacity: a multiple of both the vector length and 8 (64 bytes). */
    static long stride(final int capacity)
    {
        final int unit = Math.max(8, LANES);
        return (long)Math.max(unit, (capacity + unit - 1) / unit * unit);
    }

    /**
     * The production kernel: every slot below size, whole vectors plus one masked tail, no scalar loop.
     *
     * @param seg     the segment, laid out as in the class notes.
     * @param stride  elements per column.
     * @param size    slots in use.
     * @param spot    underlying price (spot, or forward for Black-76) when not batch.
     * @param rate    continuous rate when not batch.
     * @param carry   continuous dividend or funding yield when not batch.
     * @param nowNs   valuation time, nanoseconds, against EXPIRY when not batch.
     * @param black76 rho with the forward held fixed, when not batch.
     * @param batch   read spot, rate, carry, time and model per slot instead.
     */
    static void vector(
        final MemorySegment seg, final long stride, final int size, final double spot, final double rate,
        final double carry, final long nowNs, final boolean black76, final boolean batch)
    {
        final long col = stride * Double.BYTES;
        final DoubleVector spotB = DoubleVector.broadcast(SPECIES, spot);
        final DoubleVector rateB = DoubleVector.broadcast(SPECIES, rate);
        final DoubleVector carryB = DoubleVector.broadcast(SPECIES, carry);
        final DoubleVector modelB = DoubleVector.broadcast(SPECIES, black76 ? 1.0 : 0.0);
        final DoubleVector zero = DoubleVector.zero(SPECIES);
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = 0; i < size; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final VectorMask<Double> tail = SPECIES.indexInRange(i, size);
            final DoubleVector s = batch ? load(seg, SPOT * col + o) : spotB;
            final DoubleVector r = batch ? load(seg, RATE * col + o) : rateB;
            final DoubleVector q = batch ? load(seg, CARRY * col + o) : carryB;
            final DoubleVector b76 = batch ? load(seg, MODEL * col + o) : modelB;
            final DoubleVector t = batch ? load(seg, TIME * col + o) : years(seg, EXPIRY * col + o, nowNs);
            final DoubleVector k = load(seg, STRIKE * col + o);
            final DoubleVector v = load(seg, VOL * col + o);
            final DoubleVector phi = load(seg, PHI * col + o);

            final DoubleVector tc = t.max(0.0);
            final DoubleVector dr = r.neg().mul(tc).lanewise(VectorOperators.EXP);
            final DoubleVector dq = q.neg().mul(tc).lanewise(VectorOperators.EXP);
            final VectorMask<Double> reg = s.compare(VectorOperators.GT, 0.0)
                .and(k.compare(VectorOperators.GT, 0.0))
                .and(v.mul(tc.sqrt()).compare(VectorOperators.GE, BlackScholes.MIN_TOTAL_VOL));
            final VectorMask<Double> odd = reg.not();
            final DoubleVector ts = tc.blend(one, odd);
            final DoubleVector vs = v.blend(one, odd);
            final DoubleVector ss = s.blend(one, odd);
            final DoubleVector ks = k.blend(one, odd);
            final DoubleVector sqt = ts.sqrt();
            final DoubleVector vst = vs.mul(sqt);
            final DoubleVector inv = one.div(vst);
            final DoubleVector d1 = ss.div(ks).lanewise(VectorOperators.LOG).add(r.sub(q).mul(ts)).mul(inv)
                .add(vst.mul(0.5));
            final DoubleVector d2 = d1.sub(vst);
            final DoubleVector nd1 = d1.mul(-0.5).mul(d1).lanewise(VectorOperators.EXP).mul(Normal.INV_SQRT_2PI);
            final DoubleVector nd2 = nd1.mul(ss.mul(dq).div(ks.mul(dr)));
            final DoubleVector fwd = s.max(0.0).mul(dq);
            final DoubleVector kd = k.mul(dr);
            final DoubleVector m = fwd.sub(kd);
            final DoubleVector w = zero.blend(0.5, m.compare(VectorOperators.EQ, 0.0))
                .blend(1.0, phi.mul(m).compare(VectorOperators.GT, 0.0));
            final DoubleVector n1 = cdf(phi.mul(d1), nd1).blend(w, odd);
            final DoubleVector n2 = cdf(phi.mul(d2), nd2).blend(w, odd);
            final DoubleVector p1 = nd1.blend(0.0, odd);
            final DoubleVector live = zero.blend(1.0, t.compare(VectorOperators.GT, 0.0));
            final VectorMask<Double> noSpot = s.compare(VectorOperators.LE, 0.0);
            final DoubleVector invS = one.div(s.blend(one, noSpot));

            final DoubleVector a = ss.mul(dq).mul(p1);
            final DoubleVector price = phi.mul(fwd.mul(n1).sub(kd.mul(n2)));
            final DoubleVector delta = phi.mul(dq).mul(n1);
            final DoubleVector gamma = dq.mul(p1).mul(inv).mul(invS);
            final DoubleVector vega = a.mul(sqt);
            final DoubleVector theta = live.mul(phi.mul(q.mul(fwd).mul(n1).sub(r.mul(kd).mul(n2)))
                .sub(a.mul(0.5).mul(vs).div(sqt)));
            final DoubleVector rho = phi.mul(tc).mul(kd.mul(n2).sub(b76.mul(fwd).mul(n1)));
            final DoubleVector vanna = dq.neg().mul(p1).mul(d2).div(vs);
            final DoubleVector volga = vega.mul(d1).mul(d2).div(vs);
            final DoubleVector charm = live.mul(phi.mul(q).mul(dq).mul(n1)
                .sub(dq.mul(p1).mul(r.sub(q).mul(ts).sub(d2.mul(0.5).mul(vst))).mul(inv).div(ts)));

            final VectorMask<Double> coin = load(seg, INVERSE * col + o).compare(VectorOperators.NE, 0.0);
            final VectorMask<Double> none = coin.and(noSpot);
            final DoubleVector coinPrice = price.mul(invS);
            final DoubleVector coinDelta = delta.sub(coinPrice);
            store(seg, PRICE * col + o, price.blend(coinPrice, coin), none, tail);
            store(seg, DELTA * col + o, delta.blend(coinDelta, coin), none, tail);
            store(seg, GAMMA * col + o, gamma.blend(gamma.sub(coinDelta.mul(invS)), coin), none, tail);
            store(seg, VEGA * col + o, vega.blend(vega.mul(invS), coin), none, tail);
            store(seg, THETA * col + o, theta.blend(theta.mul(invS), coin), none, tail);
            store(seg, RHO * col + o, rho.blend(rho.mul(invS), coin), none, tail);
            store(seg, VANNA * col + o, vanna.blend(vanna.sub(vega.mul(invS)), coin), none, tail);
            store(seg, VOLGA * col + o, volga.blend(volga.mul(invS), coin), none, tail);
            store(seg, CHARM * col + o, charm.blend(charm.sub(theta.mul(invS)), coin), none, tail);
        }
    }

    /** N(x) given phi(x): {@link Normal#cdf(double, double)} lane-wise. */
    static DoubleVector cdf(final DoubleVector x, final DoubleVector density)
    {
        final DoubleVector a = x.abs().min(Normal.MAX_ABS_X);
        final DoubleVector n = a.mul(Normal.P6).add(Normal.P5).mul(a).add(Normal.P4).mul(a).add(Normal.P3)
            .mul(a).add(Normal.P2).mul(a).add(Normal.P1).mul(a).add(Normal.P0);
        final DoubleVector d = a.mul(Normal.Q7).add(Normal.Q6).mul(a).add(Normal.Q5).mul(a).add(Normal.Q4)
            .mul(a).add(Normal.Q3).mul(a).add(Normal.Q2).mul(a).add(Normal.Q1).mul(a).add(Normal.Q0);
        final DoubleVector c = density.mul(n).div(d);
        return c.blend(c.neg().add(1.0), x.compare(VectorOperators.GT, 0.0));
    }

    private static DoubleVector years(final MemorySegment seg, final long offset, final long nowNs)
    {
        final LongVector ns = LongVector.fromMemorySegment(LONG_SPECIES, seg, offset, ORDER).sub(nowNs);
        return ((DoubleVector)ns.convertShape(VectorOperators.L2D, SPECIES, 0)).div(NS_PER_YEAR);
    }

    private static DoubleVector load(final MemorySegment seg, final long offset)
    {
        return DoubleVector.fromMemorySegment(SPECIES, seg, offset, ORDER);
    }

    private static void store(
        final MemorySegment seg, final long offset, final DoubleVector value, final VectorMask<Double> none,
        final VectorMask<Double> tail)
    {
        value.blend(0.0, none).intoMemorySegment(seg, offset, ORDER, tail);
    }

    /** The scalar reference over the same layout and arguments as {@link #vector}; scratch holds 9 doubles. */
    static void scalar(
        final MemorySegment seg, final long stride, final int size, final double spot, final double rate,
        final double carry, final long nowNs, final boolean black76, final boolean batch, final double[] scratch)
    {
        for (int i = 0; i < size; i++)
        {
            final double t = batch ?
                get(seg, stride, TIME, i) :
                (double)(seg.getAtIndex(ValueLayout.JAVA_LONG, EXPIRY * stride + i) - nowNs) / NS_PER_YEAR;
            BlackScholes.greeks(
                get(seg, stride, PHI, i) > 0.0,
                batch ? get(seg, stride, SPOT, i) : spot,
                get(seg, stride, STRIKE, i),
                t,
                batch ? get(seg, stride, RATE, i) : rate,
                batch ? get(seg, stride, CARRY, i) : carry,
                get(seg, stride, VOL, i),
                batch ? get(seg, stride, MODEL, i) != 0.0 : black76,
                get(seg, stride, INVERSE, i) != 0.0,
                scratch);
            for (int g = 0; g < BlackScholes.OUTPUTS; g++)
            {
                seg.setAtIndex(ValueLayout.JAVA_DOUBLE, (PRICE + g) * stride + i, scratch[g]);
            }
        }
    }

    /** Sum over slots of quantity x multiplier x column, as a vector reduction (padding lanes hold zeros). */
    static double total(final MemorySegment seg, final long stride, final int size, final int column)
    {
        final long col = stride * Double.BYTES;
        DoubleVector acc = DoubleVector.zero(SPECIES);
        for (int i = 0; i < size; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            acc = load(seg, QUANTITY * col + o).mul(load(seg, MULTIPLIER * col + o)).fma(load(seg, column * col + o), acc);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    static double get(final MemorySegment seg, final long stride, final int column, final int slot)
    {
        return seg.getAtIndex(ValueLayout.JAVA_DOUBLE, column * stride + slot);
    }

    static void set(final MemorySegment seg, final long stride, final int column, final int slot, final double value)
    {
        seg.setAtIndex(ValueLayout.JAVA_DOUBLE, column * stride + slot, value);
    }
}
