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
 *   market segment:  | SPOT | RATE | CARRY | MODEL |   (columns of mstride elements)
 * </pre>
 * EXPIRY holds int64 nanoseconds, PHI +1 (call) / -1 (put), INVERSE and MODEL (Black-76) 1.0 or 0.0.
 * The market is read per slot ({@code perSlot}: the {@code greeks} command's rows) or, for a book on one
 * underlying, from {@link #CHUNK} copies of the same values (every chunk reads the same lanes). Reading the
 * market from memory in both cases keeps every vector's type exact for C2. Padding lanes are never stored to,
 * so they stay zero.
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
    static final int COLUMNS = 16;
    static final int SPOT = 0, RATE = 1, CARRY = 2, MODEL = 3, MARKET_COLUMNS = 4;

    /** Slots per chunk of the two-pass vector kernel; its scratch columns (below) stay in L1. */
    static final int CHUNK = 256;
    static final long SCOL = CHUNK * Double.BYTES;
    static final int S_DR = 0, S_DQ = 1, S_TS = 2, S_VS = 3, S_SQT = 4, S_INV = 5, S_D1 = 6, S_N1 = 7, S_N2 = 8,
        S_P1 = 9, S_T = 10, S_ODD = 11, S_FK = 12, S_THETA = 13, SCRATCH_COLUMNS = 14;

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
     * It runs in chunks of {@link #CHUNK} slots, each in five small passes through an L1-resident scratch
     * segment ({@link #scratchBytes()}): {@link #setup} (time, discount factors, d1), {@link #normals} (the
     * normal CDFs and density), {@link #firstOrder} (price, delta, gamma, vega), {@link #thetaRho} and
     * {@link #crossGreeks} (vanna, volga, charm), each output with its inverse conversion. A loop holding all of
     * it exceeds C2's parse-time node budget (NodeCountInliningCutoff, 18000 nodes, not settable in product
     * builds), which leaves Vector API calls un-inlined and boxed: slow and allocating.
     *
     * @param seg     the book, laid out as in the class notes.
     * @param stride  elements per book column.
     * @param size    slots in use.
     * @param market  spot, rate, carry and model columns.
     * @param mstride elements per market column.
     * @param perSlot market lane i belongs to slot i; otherwise to slot i of every chunk.
     * @param nowNs   valuation time, nanoseconds, against EXPIRY.
     * @param scratch at least {@link #scratchBytes()} bytes, 64-byte aligned.
     */
    static void vector(
        final MemorySegment seg, final long stride, final int size, final MemorySegment market, final long mstride,
        final boolean perSlot, final long nowNs, final MemorySegment scratch)
    {
        for (int from = 0; from < size; from += CHUNK)
        {
            final int to = Math.min(size, from + CHUNK);
            final long mbase = perSlot ? 0 : (long)from * Double.BYTES;
            final long m = mstride * Double.BYTES;
            setup(seg, stride, from, to, market, m, mbase, nowNs, scratch);
            normals(seg, stride, from, to, market, m, mbase, scratch);
            firstOrder(seg, stride, from, to, market, m, mbase, scratch);
            thetaRho(seg, stride, from, to, market, m, mbase, scratch);
            crossGreeks(seg, stride, from, to, market, m, mbase, scratch);
        }
    }

    /**
     * Fills the market columns of a book on one underlying: the first count lanes (rounded up to whole vectors)
     * of each column, which are the lanes every chunk reads.
     */
    static void broadcast(
        final MemorySegment market, final long mstride, final int count, final double spot, final double rate,
        final double carry, final boolean black76)
    {
        final long m = mstride * Double.BYTES;
        final DoubleVector s = DoubleVector.broadcast(SPECIES, spot);
        final DoubleVector r = DoubleVector.broadcast(SPECIES, rate);
        final DoubleVector q = DoubleVector.broadcast(SPECIES, carry);
        final DoubleVector b = DoubleVector.broadcast(SPECIES, black76 ? 1.0 : 0.0);
        for (int i = 0; i < Math.min(count, CHUNK); i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            store(market, SPOT * m + o, s);
            store(market, RATE * m + o, r);
            store(market, CARRY * m + o, q);
            store(market, MODEL * m + o, b);
        }
    }

    /** Bytes of scratch {@link #vector} needs. */
    static long scratchBytes()
    {
        return (long)SCRATCH_COLUMNS * CHUNK * Double.BYTES;
    }

    private static void setup(
        final MemorySegment seg, final long stride, final int from, final int to, final MemorySegment market,
        final long m, final long mbase, final long nowNs, final MemorySegment scratch)
    {
        final long col = stride * Double.BYTES;
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = from; i < to; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final long so = (long)(i - from) * Double.BYTES;
            final DoubleVector s = DoubleVector.fromMemorySegment(SPECIES, market, SPOT * m + o - mbase, ORDER);
            final DoubleVector r = DoubleVector.fromMemorySegment(SPECIES, market, RATE * m + o - mbase, ORDER);
            final DoubleVector q = DoubleVector.fromMemorySegment(SPECIES, market, CARRY * m + o - mbase, ORDER);
            final DoubleVector k = DoubleVector.fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER);
            final DoubleVector v = DoubleVector.fromMemorySegment(SPECIES, seg, VOL * col + o, ORDER);
            final DoubleVector t = years(seg, EXPIRY * col + o, nowNs);
            final DoubleVector tc = t.max(0.0);
            final DoubleVector dr = PortableMath.exp(r.neg().mul(tc));
            final DoubleVector dq = PortableMath.exp(q.neg().mul(tc));
            final VectorMask<Double> odd = s.compare(VectorOperators.GT, 0.0)
                .and(k.compare(VectorOperators.GT, 0.0))
                .and(v.mul(tc.sqrt()).compare(VectorOperators.GE, BlackScholes.MIN_TOTAL_VOL)).not();
            final DoubleVector ts = tc.blend(one, odd);
            final DoubleVector vs = v.blend(one, odd);
            final DoubleVector ss = s.blend(one, odd);
            final DoubleVector ks = k.blend(one, odd);
            final DoubleVector sqt = ts.sqrt();
            final DoubleVector vst = vs.mul(sqt);
            final DoubleVector inv = one.div(vst);
            t.intoMemorySegment(scratch, S_T * SCOL + so, ORDER);
            dr.intoMemorySegment(scratch, S_DR * SCOL + so, ORDER);
            dq.intoMemorySegment(scratch, S_DQ * SCOL + so, ORDER);
            ts.intoMemorySegment(scratch, S_TS * SCOL + so, ORDER);
            vs.intoMemorySegment(scratch, S_VS * SCOL + so, ORDER);
            sqt.intoMemorySegment(scratch, S_SQT * SCOL + so, ORDER);
            inv.intoMemorySegment(scratch, S_INV * SCOL + so, ORDER);
            DoubleVector.zero(SPECIES).blend(one, odd).intoMemorySegment(scratch, S_ODD * SCOL + so, ORDER);
            PortableMath.log(ss.div(ks)).add(r.sub(q).mul(ts)).mul(inv) .add(vst.mul(0.5)).intoMemorySegment(scratch, S_D1 * SCOL + so, ORDER);
            ss.mul(dq).div(ks.mul(dr)).intoMemorySegment(scratch, S_FK * SCOL + so, ORDER);
        }
    }

    private static void normals(
        final MemorySegment seg, final long stride, final int from, final int to, final MemorySegment market,
        final long m, final long mbase, final MemorySegment scratch)
    {
        final long col = stride * Double.BYTES;
        for (int i = from; i < to; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final long so = (long)(i - from) * Double.BYTES;
            final DoubleVector phi = DoubleVector.fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER);
            final DoubleVector d1 = DoubleVector.fromMemorySegment(SPECIES, scratch, S_D1 * SCOL + so, ORDER);
            final VectorMask<Double> odd = DoubleVector.fromMemorySegment(SPECIES, scratch, S_ODD * SCOL + so, ORDER).compare(VectorOperators.NE, 0.0);
            final DoubleVector nd1 = PortableMath.exp(d1.mul(-0.5).mul(d1)).mul(Normal.INV_SQRT_2PI);
            final DoubleVector fk = DoubleVector.fromMemorySegment(SPECIES, market, SPOT * m + o - mbase, ORDER).max(0.0).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_DQ * SCOL + so, ORDER))
                .sub(DoubleVector.fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_DR * SCOL + so, ORDER)));
            final DoubleVector w = DoubleVector.zero(SPECIES).blend(0.5, fk.compare(VectorOperators.EQ, 0.0))
                .blend(1.0, phi.mul(fk).compare(VectorOperators.GT, 0.0));
            final DoubleVector d2 = d1.sub(DoubleVector.fromMemorySegment(SPECIES, scratch, S_VS * SCOL + so, ORDER).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_SQT * SCOL + so, ORDER)));
            cdf(phi.mul(d1), nd1).blend(w, odd).intoMemorySegment(scratch, S_N1 * SCOL + so, ORDER);
            cdf(phi.mul(d2), nd1.mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_FK * SCOL + so, ORDER))).blend(w, odd).intoMemorySegment(scratch, S_N2 * SCOL + so, ORDER);
            nd1.blend(0.0, odd).intoMemorySegment(scratch, S_P1 * SCOL + so, ORDER);
        }
    }

    private static void firstOrder(
        final MemorySegment seg, final long stride, final int from, final int to, final MemorySegment market,
        final long m, final long mbase, final MemorySegment scratch)
    {
        final long col = stride * Double.BYTES;
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = from; i < to; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final long so = (long)(i - from) * Double.BYTES;
            final VectorMask<Double> tail = SPECIES.indexInRange(i, to);
            final DoubleVector s = DoubleVector.fromMemorySegment(SPECIES, market, SPOT * m + o - mbase, ORDER);
            final DoubleVector phi = DoubleVector.fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER);
            final DoubleVector dq = DoubleVector.fromMemorySegment(SPECIES, scratch, S_DQ * SCOL + so, ORDER);
            final DoubleVector n1 = DoubleVector.fromMemorySegment(SPECIES, scratch, S_N1 * SCOL + so, ORDER);
            final DoubleVector p1 = DoubleVector.fromMemorySegment(SPECIES, scratch, S_P1 * SCOL + so, ORDER);
            final DoubleVector fwd = s.max(0.0).mul(dq);
            final VectorMask<Double> noSpot = s.compare(VectorOperators.LE, 0.0);
            final DoubleVector invS = one.div(s.blend(one, noSpot));
            final DoubleVector kdn2 = DoubleVector.fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_DR * SCOL + so, ORDER)).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_N2 * SCOL + so, ORDER));
            final DoubleVector price = phi.mul(fwd.mul(n1).sub(kdn2));
            final DoubleVector delta = phi.mul(dq).mul(n1);
            final DoubleVector gamma = dq.mul(p1).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_INV * SCOL + so, ORDER)).mul(invS);
            final DoubleVector vega = fwd.mul(p1).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_SQT * SCOL + so, ORDER));

            final VectorMask<Double> coin = DoubleVector.fromMemorySegment(SPECIES, seg, INVERSE * col + o, ORDER).compare(VectorOperators.NE, 0.0);
            final DoubleVector coinS = invS.blend(0.0, noSpot);
            final DoubleVector coinPrice = price.mul(coinS);
            final DoubleVector coinDelta = delta.sub(coinPrice).mul(one.blend(0.0, noSpot));
            price.blend(coinPrice, coin).intoMemorySegment(seg, PRICE * col + o, ORDER, tail);
            delta.blend(coinDelta, coin).intoMemorySegment(seg, DELTA * col + o, ORDER, tail);
            gamma.blend(gamma.sub(coinDelta.mul(coinS)), coin).intoMemorySegment(seg, GAMMA * col + o, ORDER, tail);
            vega.blend(vega.mul(coinS), coin).intoMemorySegment(seg, VEGA * col + o, ORDER, tail);
        }
    }

    private static void thetaRho(
        final MemorySegment seg, final long stride, final int from, final int to, final MemorySegment market,
        final long m, final long mbase, final MemorySegment scratch)
    {
        final long col = stride * Double.BYTES;
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = from; i < to; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final long so = (long)(i - from) * Double.BYTES;
            final VectorMask<Double> tail = SPECIES.indexInRange(i, to);
            final DoubleVector s = DoubleVector.fromMemorySegment(SPECIES, market, SPOT * m + o - mbase, ORDER);
            final DoubleVector q = DoubleVector.fromMemorySegment(SPECIES, market, CARRY * m + o - mbase, ORDER);
            final DoubleVector phi = DoubleVector.fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER);
            final DoubleVector t = DoubleVector.fromMemorySegment(SPECIES, scratch, S_T * SCOL + so, ORDER);
            final DoubleVector n1 = DoubleVector.fromMemorySegment(SPECIES, scratch, S_N1 * SCOL + so, ORDER);
            final DoubleVector fwd = s.max(0.0).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_DQ * SCOL + so, ORDER));
            final DoubleVector kdn2 = DoubleVector.fromMemorySegment(SPECIES, seg, STRIKE * col + o, ORDER).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_DR * SCOL + so, ORDER)).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_N2 * SCOL + so, ORDER));
            final DoubleVector a = fwd.mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_P1 * SCOL + so, ORDER));
            final DoubleVector live = DoubleVector.zero(SPECIES).blend(one, t.compare(VectorOperators.GT, 0.0));
            final DoubleVector theta = live.mul(phi.mul(q.mul(fwd).mul(n1).sub(DoubleVector.fromMemorySegment(SPECIES, market, RATE * m + o - mbase, ORDER).mul(kdn2)))
                .sub(a.mul(0.5).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_VS * SCOL + so, ORDER)).div(DoubleVector.fromMemorySegment(SPECIES, scratch, S_SQT * SCOL + so, ORDER))));
            final DoubleVector rho = phi.mul(t.max(0.0))
                .mul(kdn2.sub(DoubleVector.fromMemorySegment(SPECIES, market, MODEL * m + o - mbase, ORDER).mul(fwd).mul(n1)));

            final VectorMask<Double> coin = DoubleVector.fromMemorySegment(SPECIES, seg, INVERSE * col + o, ORDER).compare(VectorOperators.NE, 0.0);
            final VectorMask<Double> noSpot = s.compare(VectorOperators.LE, 0.0);
            final DoubleVector coinS = one.div(s.blend(one, noSpot)).blend(0.0, noSpot);
            theta.blend(theta.mul(coinS), coin).intoMemorySegment(seg, THETA * col + o, ORDER, tail);
            rho.blend(rho.mul(coinS), coin).intoMemorySegment(seg, RHO * col + o, ORDER, tail);
            theta.intoMemorySegment(scratch, S_THETA * SCOL + so, ORDER);
        }
    }

    private static void crossGreeks(
        final MemorySegment seg, final long stride, final int from, final int to, final MemorySegment market,
        final long m, final long mbase, final MemorySegment scratch)
    {
        final long col = stride * Double.BYTES;
        final DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        for (int i = from; i < to; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            final long so = (long)(i - from) * Double.BYTES;
            final VectorMask<Double> tail = SPECIES.indexInRange(i, to);
            final DoubleVector s = DoubleVector.fromMemorySegment(SPECIES, market, SPOT * m + o - mbase, ORDER);
            final DoubleVector q = DoubleVector.fromMemorySegment(SPECIES, market, CARRY * m + o - mbase, ORDER);
            final DoubleVector dq = DoubleVector.fromMemorySegment(SPECIES, scratch, S_DQ * SCOL + so, ORDER);
            final DoubleVector ts = DoubleVector.fromMemorySegment(SPECIES, scratch, S_TS * SCOL + so, ORDER);
            final DoubleVector vs = DoubleVector.fromMemorySegment(SPECIES, scratch, S_VS * SCOL + so, ORDER);
            final DoubleVector sqt = DoubleVector.fromMemorySegment(SPECIES, scratch, S_SQT * SCOL + so, ORDER);
            final DoubleVector d1 = DoubleVector.fromMemorySegment(SPECIES, scratch, S_D1 * SCOL + so, ORDER);
            final DoubleVector p1 = DoubleVector.fromMemorySegment(SPECIES, scratch, S_P1 * SCOL + so, ORDER);
            final DoubleVector vst = vs.mul(sqt);
            final DoubleVector d2 = d1.sub(vst);
            final DoubleVector vega = s.max(0.0).mul(dq).mul(p1).mul(sqt);
            final DoubleVector vanna = dq.neg().mul(p1).mul(d2).div(vs);
            final DoubleVector volga = vega.mul(d1).mul(d2).div(vs);
            final DoubleVector live = DoubleVector.zero(SPECIES).blend(one, DoubleVector.fromMemorySegment(SPECIES, scratch, S_T * SCOL + so, ORDER).compare(VectorOperators.GT, 0.0));
            final DoubleVector charm = live.mul(DoubleVector.fromMemorySegment(SPECIES, seg, PHI * col + o, ORDER).mul(q).mul(dq).mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_N1 * SCOL + so, ORDER))
                .sub(dq.mul(p1).mul(DoubleVector.fromMemorySegment(SPECIES, market, RATE * m + o - mbase, ORDER).sub(q).mul(ts).sub(d2.mul(0.5).mul(vst)))
                .mul(DoubleVector.fromMemorySegment(SPECIES, scratch, S_INV * SCOL + so, ORDER)).div(ts)));

            final VectorMask<Double> coin = DoubleVector.fromMemorySegment(SPECIES, seg, INVERSE * col + o, ORDER).compare(VectorOperators.NE, 0.0);
            final VectorMask<Double> noSpot = s.compare(VectorOperators.LE, 0.0);
            final DoubleVector coinS = one.div(s.blend(one, noSpot)).blend(0.0, noSpot);
            final DoubleVector alive = one.blend(0.0, noSpot);
            vanna.blend(vanna.sub(vega.mul(coinS)).mul(alive), coin).intoMemorySegment(seg, VANNA * col + o, ORDER, tail);
            volga.blend(volga.mul(coinS), coin).intoMemorySegment(seg, VOLGA * col + o, ORDER, tail);
            charm.blend(charm.sub(DoubleVector.fromMemorySegment(SPECIES, scratch, S_THETA * SCOL + so, ORDER).mul(coinS)).mul(alive), coin).intoMemorySegment(seg, CHARM * col + o, ORDER, tail);
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

    private static void store(final MemorySegment seg, final long offset, final DoubleVector value)
    {
        value.intoMemorySegment(seg, offset, ORDER);
    }


    /** The scalar reference over the same layout and arguments as {@link #vector}; out holds 9 doubles. */
    static void scalar(
        final MemorySegment seg, final long stride, final int size, final MemorySegment market, final long mstride,
        final boolean perSlot, final long nowNs, final double[] out)
    {
        for (int i = 0; i < size; i++)
        {
            final int mi = perSlot ? i : i % CHUNK;
            final double t = (double)(seg.getAtIndex(ValueLayout.JAVA_LONG, EXPIRY * stride + i) - nowNs) / NS_PER_YEAR;
            BlackScholes.greeks(
                get(seg, stride, PHI, i) > 0.0,
                get(market, mstride, SPOT, mi),
                get(seg, stride, STRIKE, i),
                t,
                get(market, mstride, RATE, mi),
                get(market, mstride, CARRY, mi),
                get(seg, stride, VOL, i),
                get(market, mstride, MODEL, mi) != 0.0,
                get(seg, stride, INVERSE, i) != 0.0,
                out);
            for (int g = 0; g < BlackScholes.OUTPUTS; g++)
            {
                seg.setAtIndex(ValueLayout.JAVA_DOUBLE, (PRICE + g) * stride + i, out[g]);
            }
        }
    }

    /**
     * Sum over slots of quantity x multiplier x column, as a vector reduction (padding lanes hold zeros). The lanes
     * are added in lane order, not with reduceLanes, whose floating-point order differs between the intrinsic and
     * the interpreter: totals must be bit-identical on every run for replay.
     */
    static double total(final MemorySegment seg, final long stride, final int size, final int column)
    {
        final long col = stride * Double.BYTES;
        DoubleVector acc = DoubleVector.zero(SPECIES);
        for (int i = 0; i < size; i += LANES)
        {
            final long o = (long)i * Double.BYTES;
            acc = load(seg, QUANTITY * col + o).mul(load(seg, MULTIPLIER * col + o)).fma(load(seg, column * col + o), acc);
        }
        double sum = 0.0;
        for (int lane = 0; lane < LANES; lane++)
        {
            sum += acc.lane(lane);
        }
        return sum;
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
