package io.hedgeflow.greeks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

import static io.hedgeflow.greeks.GreekKernel.get;
import static io.hedgeflow.greeks.GreekKernel.set;

/**
 * The options of one underlying and one settlement currency, off-heap structure-of-arrays like
 * {@link GreekVectors}, valued price-only over a grid of scenarios of the underlying and the volatility with the
 * Vector API ({@link ScenarioPasses}): {@link #values} gives, for every underlying move and each volatility scenario
 * (down, same, up), the sum of quantity x multiplier x price with every forward moved by the same fraction and every
 * volatility shocked by its own relative shock. Each slot has its own forward (its expiry's). The price is the
 * kernel's Black-76 price with r = 0 (Deribit's convention): phi (F N(phi d1) - K N(phi d2)), in coin for an inverse
 * book (divided by F), with the kernel's degenerate cases (expired, no volatility, no forward or strike: the
 * intrinsic value with weight 1/2 at the money). The formulas are {@link BlackScholes#greeks}' price; the
 * operations are arranged for speed (d1 of a move is one fused multiply-add on per-volatility-scenario terms, one
 * division for both normal CDFs, fitted approximations of the exponential and the normal CDF), so values agree with
 * the scalar reference within the pass's stated bound (each normal CDF within 2e-12 absolute, see
 * {@link ScenarioPasses}), not to the bit.
 * <p>
 * Use: {@link #add} each option once; set {@link #quantity}, {@link #vol}, {@link #forward} and {@link #shock} as
 * they change; {@link #prepare} at a valuation time; then {@link #values}. Garbage-free after construction; not
 * thread safe; {@link #close()} frees the memory.
 */
public final class ScenarioVectors implements AutoCloseable
{
    /** Volatility scenario: each volatility times (1 - its shock), at least 0. */
    public static final int VOL_DOWN = -1;
    /** Volatility scenario: volatilities as they are. */
    public static final int VOL_SAME = 0;
    /** Volatility scenario: each volatility times (1 + its shock). */
    public static final int VOL_UP = 1;
    /** Volatility scenarios per underlying move. */
    public static final int VOL_SCENARIOS = 3;

    static final int PHI = 0, STRIKE = 1, LOG_STRIKE = 2, EXPIRY = 3, QUANTITY = 4, MULTIPLIER = 5, QM = 6, VOL = 7,
        SHOCK = 8, FORWARD = 9, LOG_FORWARD = 10, K_OVER_F = 11, WEIGHT = 12, LIVE_FORWARD = 13, SLOPE = 14,
        INTERCEPT = 17, PHI_VST = 20, SHOCK_INV = 23, COLUMNS = 26;
    /** Scratch kinds, each VOL_SCENARIOS x maxMoves rows of one vector: phi d1, densities, sums. */
    static final int X1 = 0, DENSITY = 1, SUM = 2, SCRATCH_KINDS = 3;

    private final Arena arena;
    private final MemorySegment seg;
    private final double[] scratch;
    private final long stride;
    private final int capacity;
    private final int maxMoves;
    private final boolean inverse;
    private final double[] moves;
    private final double[] logGrowth;
    private final double[] growth;
    private final double[] shrink;
    private int size;

    /**
     * @param capacity the most options.
     * @param maxMoves the most underlying moves per {@link #values} call.
     * @param inverse  coin-settled book (values in coin) rather than linear (values in quote currency).
     */
    public ScenarioVectors(final int capacity, final int maxMoves, final boolean inverse)
    {
        if (capacity < 0 || maxMoves < 1)
        {
            throw new IllegalArgumentException("capacity must be >= 0 and maxMoves >= 1: " + capacity + ", " +
                maxMoves);
        }
        this.capacity = capacity;
        this.maxMoves = maxMoves;
        this.inverse = inverse;
        this.stride = GreekKernel.stride(capacity);
        this.arena = Arena.ofShared();
        this.seg = arena.allocate(stride * Double.BYTES * COLUMNS, 64);
        this.scratch = new double[ScenarioPasses.kindLength(maxMoves) * SCRATCH_KINDS];
        this.moves = new double[maxMoves];
        this.logGrowth = new double[maxMoves];
        this.growth = new double[maxMoves];
        this.shrink = new double[maxMoves];
        Arrays.fill(growth, 1.0);
        Arrays.fill(shrink, 1.0);
    }

    /**
     * Adds an option with quantity, volatility, shock and forward 0.
     *
     * @return the slot.
     * @throws IllegalStateException when the capacity is used up.
     */
    public int add(final boolean call, final double strike, final long expiryNs, final double multiplier)
    {
        if (size == capacity)
        {
            throw new IllegalStateException("ScenarioVectors full: capacity " + capacity);
        }
        final int slot = size++;
        set(seg, stride, PHI, slot, call ? 1.0 : -1.0);
        set(seg, stride, STRIKE, slot, strike);
        set(seg, stride, LOG_STRIKE, slot, strike > 0.0 ? PortableMath.log(strike) : 0.0);
        seg.setAtIndex(ValueLayout.JAVA_LONG, EXPIRY * stride + slot, expiryNs);
        set(seg, stride, MULTIPLIER, slot, multiplier);
        return slot;
    }

    /** Options added so far. */
    public int size()
    {
        return size;
    }

    /** Coin-settled book. */
    public boolean inverse()
    {
        return inverse;
    }

    /** The expiry of a slot, nanoseconds. */
    public long expiryNs(final int slot)
    {
        return seg.getAtIndex(ValueLayout.JAVA_LONG, EXPIRY * stride + check(slot));
    }

    /** The strike of a slot. */
    public double strike(final int slot)
    {
        return get(seg, stride, STRIKE, check(slot));
    }

    /** Sets the position in contracts (negative when short). */
    public void quantity(final int slot, final double contracts)
    {
        set(seg, stride, QUANTITY, check(slot), contracts);
        set(seg, stride, QM, slot, contracts * get(seg, stride, MULTIPLIER, slot));
    }

    /** The position in contracts. */
    public double quantity(final int slot)
    {
        return get(seg, stride, QUANTITY, check(slot));
    }

    /** Sets the implied volatility (1.00 = 100%). */
    public void vol(final int slot, final double vol)
    {
        set(seg, stride, VOL, check(slot), vol);
    }

    /**
     * Sets the relative volatility shock of the up and down scenarios (0.38 = 38% of the volatility), and the
     * reciprocal of each scenario's factor 1 + (s - 1) shock for {@link #prepare}.
     */
    public void shock(final int slot, final double shock)
    {
        set(seg, stride, SHOCK, check(slot), shock);
        for (int s = 0; s < VOL_SCENARIOS; s++)
        {
            set(seg, stride, SHOCK_INV + s, slot, 1.0 / (1.0 + (s - 1) * shock));
        }
    }

    /**
     * Sets the forward of the option's expiry (its log and its ratios to the strike are taken by {@link #prepare});
     * not positive: the option has no value but its degenerate one.
     */
    public void forward(final int slot, final double forward)
    {
        set(seg, stride, FORWARD, check(slot), forward);
    }

    /**
     * Everything that does not depend on the underlying move, at nowNs: each option's log forward and forward to
     * strike ratios, and per volatility scenario its shocked total volatility and the terms of its d1; before
     * {@link #values}.
     */
    public void prepare(final long nowNs)
    {
        ScenarioTerms.prepare(seg, stride * Double.BYTES, size, nowNs, inverse);
    }

    /**
     * The book's value in every scenario: for each move j below count and volatility scenario vol, the sum over the
     * options of quantity x multiplier x price with every forward times (1 + moves[j]), at the time of the last
     * {@link #prepare}, in values[(vol - {@link #VOL_DOWN}) x count + j].
     *
     * @param moves  fractions, each above -1.
     * @param count  moves used, 1 to maxMoves.
     * @param values receives {@link #VOL_SCENARIOS} x count values, coin (inverse) or quote currency (linear).
     */
    public void values(final double[] moves, final int count, final double[] values)
    {
        if (count < 1 || count > maxMoves || count > moves.length || values.length < VOL_SCENARIOS * count)
        {
            throw new IllegalArgumentException("moves " + count + " of at most " + maxMoves + " (moves " +
                moves.length + ", values " + values.length + ")");
        }
        for (int j = 0; j < count; j++)
        {
            if (!(moves[j] > -1.0 && moves[j] < Double.POSITIVE_INFINITY))
            {
                throw new IllegalArgumentException("move must be above -1 and finite: " + moves[j]);
            }
            if (moves[j] != this.moves[j])
            {
                this.moves[j] = moves[j];
                growth[j] = 1.0 + moves[j];
                logGrowth[j] = PortableMath.log(growth[j]);
                shrink[j] = 1.0 / growth[j];
            }
        }
        ScenarioPasses.values(
            seg, stride * Double.BYTES, size, scratch, count, logGrowth, growth, shrink, inverse, values);
    }

    /** Empties the book. */
    public void clear()
    {
        seg.fill((byte)0);
        size = 0;
    }

    /** Frees the off-heap memory; the instance must not be used afterwards. */
    public void close()
    {
        arena.close();
    }

    private int check(final int slot)
    {
        if (slot < 0 || slot >= size)
        {
            throw new IndexOutOfBoundsException("slot " + slot + " of " + size);
        }
        return slot;
    }
}
