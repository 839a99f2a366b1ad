package io.hedgeflow.greeks;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.DoubleVector.fromMemorySegment;

/**
 * The Greek kernels over a {@link GreekVectors} segment: the production Vector API loop and the scalar reference
 * loop over {@link BlackScholes#greeks}. The vector loop mirrors the scalar code operation for operation (the same
 * IEEE operations in the same order, {@link PortableMath#exp} and {@link Normal#cdf} included, degenerate lanes
 * by selects), so the two give the same bits.
 * <p>
 * Segment layout: one column per field, each {@code stride} elements long (stride is a multiple of 8 doubles, so
 * every column starts 64-byte aligned and is padded to a whole number of vectors):
 * <pre>
 *   +--------+--------+-----+---------+----------+------------+-----+------------+-------+-------+-----+-------+
 *   | STRIKE | EXPIRY | PHI | INVERSE | QUANTITY | MULTIPLIER | VOL | LOG_STRIKE | PRICE | DELTA | ... | CHARM |
 *   +--------+--------+-----+---------+----------+------------+-----+------------+-------+-------+-----+-------+
 * </pre>
 * EXPIRY holds int64 nanoseconds, PHI +1 (call) / -1 (put), INVERSE 1.0 or 0.0, LOG_STRIKE
 * {@link PortableMath#log} of the strike (0 when not positive), so ln(S/K) is a subtraction. The market of a book is
 * one set of scalars ({@link #market}: SPOT, RATE, CARRY, MODEL 1.0 for Black-76, LOG_SPOT, COIN = 1/spot or 0).
 * Padding lanes hold zero inputs; the vector kernel computes them too (their outputs are zero).
 */
final class GreekKernel
{
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Long> LONG_SPECIES = VectorSpecies.of(long.class, SPECIES.vectorShape());
    static final int LANES = SPECIES.length();
    static final double NS_PER_YEAR = 365.0 * 86_400e9;
    static final double YEARS_PER_NS = 1.0 / NS_PER_YEAR;
    static final ByteOrder ORDER = ByteOrder.nativeOrder();

    static final int STRIKE = 0, EXPIRY = 1, PHI = 2, INVERSE = 3, QUANTITY = 4, MULTIPLIER = 5, VOL = 6,
        LOG_STRIKE = 7;
    static final int PRICE = 8, DELTA = 9, GAMMA = 10, VEGA = 11, THETA = 12, RHO = 13, VANNA = 14, VOLGA = 15,
        CHARM = 16;
    static final int COLUMNS = 17;
    static final int SPOT = 0, RATE = 1, CARRY = 2, MODEL = 3, LOG_SPOT = 4, COIN = 5, MARKET_FIELDS = 6;

    /** Slots per chunk of the vector kernel; its scratch columns (below) stay in L1. */
    static final int CHUNK = 256;
    static final int S_DQ = 0, S_DR = 1, S_DENSITY = 2, S_D1 = 3, S_INV = 4, S_SQT = 5, S_VS = 6, S_REG = 7,
        S_TC = 8, SCRATCH_COLUMNS = 9;

    private GreekKernel()
    {
    }

    /**
     * Elements per column for a capacity: a multiple of both the vector length and 8 (64 bytes), one such unit more
     * when the columns would otherwise start a multiple of 4 KiB apart. At such a pitch element i of every column
     * falls in the same L1 set, and the core's 4 KiB address check makes loads wait on unrelated stores of other
     * columns: the kernel ran 6.6 to 8.7 ns per option at 1,024 options depending only on where the book and its
     * scratch happened to be allocated, and 6.5 to 7.1 ns with the padded pitch (docs/performance-greeks.md).
     */
    static long stride(final int capacity)
    {
        final int unit = Math.max(8, LANES);
        final long whole = Math.max(unit, (capacity + unit - 1) / unit * unit);
        return whole * Double.BYTES % 4096 == 0 ? whole + unit : whole;
    }

    /**
     * The production kernel: every slot below size in whole vectors (padding lanes included), no scalar loop.
     * It runs in chunks of up to {@link #CHUNK} slots, each in three passes ({@link GreekPasses}) through an
     * L1-resident scratch segment ({@link #scratchBytes()}) whose columns are n lanes long for a chunk of n slots
     * (rounded up to whole vectors):
     * <pre>
     *   prepare  t, degenerate mask, sqrt t, 1/(v sqrt t), d1  -&gt; DQ DR DENSITY (exp arguments) D1 INV SQT VS REG TC
     *   exp      {@link PortableMath#exp(MemorySegment, long, int)} in one call over the adjacent columns DQ, DR and
     *            DENSITY, starting after those that hold 1 already (DQ when the carry is 0, DR too when the rate is)
     *   outputs  the densities, N(phi d1), N(phi d2), degenerate weights, the nine outputs  -&gt; book
     *            (without secondOrder only price and delta, with the same bits)
     * </pre>
     * Each output is stored with its inverse (coin) conversion, computed only for vectors holding an inverse option.
     * Every pass is a loop over memory: no vector crosses a method call, so C2 inlines and intrinsifies every
     * Vector API call (a helper taking or returning vectors that C2 does not inline, as past its parse-time node
     * budget NodeCountInliningCutoff, passes them boxed). Every operation is IEEE-exact lane by lane, so the results
     * have the same bits interpreted, C1- or C2-compiled, and the same bits as {@link #scalar}.
     *
     * @param seg     the book, laid out as in the class notes.
     * @param stride  elements per book column.
     * @param size    slots in use.
     * @param market  the book's market, filled by {@link #market}.
     * @param nowNs   valuation time, nanoseconds, against EXPIRY.
     * @param scratch at least {@link #scratchBytes()} bytes, 64-byte aligned.
     * @param secondOrder all nine outputs, else price and delta only (the others keep what they held).
     */
    static void vector(
        final MemorySegment seg, final long stride, final int size, final double[] market, final long nowNs,
        final MemorySegment scratch, final boolean secondOrder)
    {
        final long col = stride * Double.BYTES;
        for (int from = 0; from < size; from += CHUNK)
        {
            final int n = (Math.min(size - from, CHUNK) + LANES - 1) / LANES * LANES;
            final long sc = (long)n * Double.BYTES;
            GreekPasses.prepare(seg, col, from, n, market, nowNs, scratch, sc);
            final int first = market[CARRY] != 0.0 ? S_DQ : market[RATE] != 0.0 ? S_DR : S_DENSITY;
            PortableMath.exp(scratch, first * sc, (S_DENSITY + 1 - first) * n);
            GreekPasses.outputs(seg, col, from, n, market, scratch, sc, secondOrder);
        }
    }

    /**
     * The outputs pass alone of {@link #vector} over a book of at most {@link #CHUNK} slots whose prepare and exp
     * passes scratch holds, from a call of vector at the same market and time with the same options and volatilities:
     * the same bits as vector.
     */
    static void outputs(
        final MemorySegment seg, final long stride, final int size, final double[] market,
        final MemorySegment scratch, final boolean secondOrder)
    {
        final int n = (size + LANES - 1) / LANES * LANES;
        GreekPasses.outputs(seg, stride * Double.BYTES, 0, n, market, scratch, (long)n * Double.BYTES, secondOrder);
    }

    /**
     * Fills a market: spot, rate, carry, model and the derived log(spot) and 1/spot (both 0 when spot &lt;= 0).
     *
     * @param market  receives {@link #MARKET_FIELDS} values.
     * @param spot    spot, or the forward for Black-76.
     * @param rate    continuous rate.
     * @param carry   continuous carry (Black-76: the rate).
     * @param black76 rho holds the forward fixed.
     */
    static void market(
        final double[] market, final double spot, final double rate, final double carry, final boolean black76)
    {
        market[SPOT] = spot;
        market[RATE] = rate;
        market[CARRY] = carry;
        market[MODEL] = black76 ? 1.0 : 0.0;
        market[LOG_SPOT] = spot > 0.0 ? PortableMath.log(spot) : 0.0;
        market[COIN] = spot > 0.0 ? 1.0 / spot : 0.0;
    }

    /** Bytes of scratch {@link #vector} needs. */
    static long scratchBytes()
    {
        return (long)SCRATCH_COLUMNS * CHUNK * Double.BYTES;
    }

    /**
     * The scalar reference over the same layout and arguments as {@link #vector}, with its bits; out holds 9 doubles.
     * Without secondOrder only price and delta are stored (the other outputs keep what they held, as in vector).
     */
    static void scalar(
        final MemorySegment seg, final long stride, final int size, final double[] market, final long nowNs,
        final double[] out, final boolean secondOrder)
    {
        final int outputs = secondOrder ? BlackScholes.OUTPUTS : DELTA - PRICE + 1;
        for (int i = 0; i < size; i++)
        {
            final long ns = seg.getAtIndex(ValueLayout.JAVA_LONG, EXPIRY * stride + i) - nowNs;
            BlackScholes.greeks(get(seg, stride, PHI, i) > 0.0, market[SPOT], get(seg, stride, STRIKE, i),
                (double)ns * YEARS_PER_NS, market[RATE], market[CARRY], get(seg, stride, VOL, i), market[MODEL] != 0.0,
                get(seg, stride, INVERSE, i) != 0.0, out);
            for (int g = 0; g < outputs; g++)
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
            final DoubleVector quantity = fromMemorySegment(SPECIES, seg, QUANTITY * col + o, ORDER);
            final DoubleVector multiplier = fromMemorySegment(SPECIES, seg, MULTIPLIER * col + o, ORDER);
            acc = quantity.mul(multiplier).fma(fromMemorySegment(SPECIES, seg, column * col + o, ORDER), acc);
        }
        double sum = 0.0;
        for (int lane = 0; lane < LANES; lane++)
        {
            sum += acc.lane(lane);
        }
        return sum;
    }

    /**
     * {@link #total} without the Vector API, with its bits: each lane's running sum by the same fused multiply-adds
     * over the same slots (padding included), then the lanes added in lane order.
     */
    static double scalarTotal(final MemorySegment seg, final long stride, final int size, final int column)
    {
        double sum = 0.0;
        for (int lane = 0; lane < LANES; lane++)
        {
            double acc = 0.0;
            for (int i = 0; i < size; i += LANES)
            {
                final int slot = i + lane;
                acc = Math.fma(get(seg, stride, QUANTITY, slot) * get(seg, stride, MULTIPLIER, slot),
                    get(seg, stride, column, slot), acc);
            }
            sum += acc;
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
