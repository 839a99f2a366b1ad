package io.hedgeflow.greeks;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Objects;

import static io.hedgeflow.greeks.GreekKernel.*;

/**
 * The options on one underlying as off-heap structure-of-arrays Greek vectors (layout in {@link GreekKernel}):
 * inputs per slot (call/put, strike, expiry, settlement, multiplier, quantity, volatility), outputs per slot
 * (price, delta, gamma, vega, theta, rho, vanna, volga, charm) recomputed by {@link #compute} with the Vector API
 * kernel, and portfolio totals as vector reductions; or both by the scalar reference ({@link GreekKernelType}), with
 * the same bits. Units and degenerate cases are those of {@link BlackScholes};
 * outputs of an inverse (coin-settled) option are in coin: its delta is the premium-adjusted coin delta, its
 * gamma the derivative of that delta with respect to the underlying, its vega the coin value's vega.
 * <p>
 * The columns are as long as the book needs, not as its capacity: the memory for capacity options is allocated
 * once, but the column stride starts at one vector and grows to the stride of twice as many options (the columns
 * moved apart in place) when an option would not fit, up to the capacity's stride. A book of 110 options in room
 * for 1,024 so spans 17 KiB (five pages) rather than 137 KiB, which is what a rare input finds cold in the caches
 * and the TLB. The stride changes only in
 * {@link #add}; the kernel's results do not depend on it (every slot's lanes are computed alone and padding lanes
 * hold zeros), so every output and total has the same bits at any stride.
 * <p>
 * After a computation of a book of at most {@link GreekKernel#CHUNK} options the kernel's scratch still holds its
 * prepare and exp passes; a computation at the same market and time with no option added and no volatility changed
 * since (the inputs of those passes) runs only the outputs pass over it: a decision's full computation right after
 * its trigger check's first-order one costs about a third of a kernel call, with the same bits.
 * <p>
 * Totals sum quantity x multiplier x Greek over the slots as they are, so a book should hold one settlement
 * convention (or its caller must keep linear and inverse books apart). Not thread safe; the memory is freed by
 * {@link #close()} and may be used from any one thread at a time.
 */
public final class GreekVectors implements AutoCloseable
{
    private final Arena arena;
    private final MemorySegment seg;
    private final MemorySegment work;
    private final int capacity;
    private final GreekKernelType kernel;
    private long stride;
    private final double[] market = new double[MARKET_FIELDS];
    private final double[] scratch = new double[BlackScholes.OUTPUTS];
    private final double[] preparedMarket = new double[MARKET_FIELDS];
    private long preparedNs;
    /** The scratch holds the prepare and exp passes of every slot at preparedMarket and preparedNs. */
    private boolean prepared;
    private int size;

    /**
     * Allocates room for capacity options, computed by the Vector API kernel.
     *
     * @param capacity the most options this underlying will hold.
     */
    public GreekVectors(final int capacity)
    {
        this(capacity, GreekKernelType.VECTOR);
    }

    /**
     * Allocates room for capacity options, zeroed, 64-byte aligned and padded to whole vectors.
     *
     * @param capacity the most options this underlying will hold.
     * @param kernel   what computes the book and its totals ({@link #compute}, {@link #totalDelta} ...).
     */
    public GreekVectors(final int capacity, final GreekKernelType kernel)
    {
        if (capacity < 0)
        {
            throw new IllegalArgumentException("capacity must be >= 0: " + capacity);
        }
        this.capacity = capacity;
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.stride = GreekKernel.stride(0);
        this.arena = Arena.ofShared();
        this.seg = arena.allocate(GreekKernel.stride(capacity) * Double.BYTES * COLUMNS, 64);
        this.work = arena.allocate(GreekKernel.scratchBytes(), 64);
    }

    /**
     * Adds an option with quantity 0 and volatility 0.
     *
     * @param call       call (true) or put.
     * @param strike     strike price.
     * @param expiryNs   expiry, nanoseconds on the same clock as {@link #compute}'s nowNs.
     * @param inverse    coin-settled (outputs in coin) rather than linear.
     * @param multiplier units of underlying per contract.
     * @return the slot.
     * @throws IllegalStateException when the capacity is used up.
     */
    public int add(final boolean call, final double strike, final long expiryNs, final boolean inverse, final double multiplier)
    {
        if (size == capacity)
        {
            throw new IllegalStateException("GreekVectors full: capacity " + capacity);
        }
        if (size == stride)
        {
            widen(GreekKernel.stride((int)Math.min(capacity, 2L * size)));
        }
        prepared = false;
        final int slot = size++;
        set(seg, stride, PHI, slot, call ? 1.0 : -1.0);
        set(seg, stride, STRIKE, slot, strike);
        set(seg, stride, LOG_STRIKE, slot, strike > 0.0 ? PortableMath.log(strike) : 0.0);
        seg.setAtIndex(ValueLayout.JAVA_LONG, EXPIRY * stride + slot, expiryNs);
        set(seg, stride, INVERSE, slot, inverse ? 1.0 : 0.0);
        set(seg, stride, MULTIPLIER, slot, multiplier);
        return slot;
    }

    /** Options added so far. */
    public int size()
    {
        return size;
    }

    /** Elements per column now: a whole number of vectors, at least {@link #size()}, at most the capacity's. */
    long stride()
    {
        return stride;
    }

    /** The most options this instance holds. */
    public int capacity()
    {
        return capacity;
    }

    /** Sets the position in contracts (negative when short). */
    public void quantity(final int slot, final double contracts)
    {
        set(seg, stride, QUANTITY, check(slot), contracts);
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
        prepared = false;
    }

    /** The implied volatility. */
    public double vol(final int slot)
    {
        return get(seg, stride, VOL, check(slot));
    }

    /**
     * Recomputes every slot with the kernel chosen at construction: Black-Scholes-Merton with carry,
     * t = (expiryNs - nowNs) / (365 x 86400e9) years.
     *
     * @param spot  underlying spot price.
     * @param rate  continuous interest rate.
     * @param carry continuous dividend or funding yield q (cost of carry r - q).
     * @param nowNs valuation time, nanoseconds.
     */
    public void compute(final double spot, final double rate, final double carry, final long nowNs)
    {
        GreekKernel.market(market, spot, rate, carry, false);
        kernel(nowNs, true);
    }

    /**
     * {@link #compute} of price and delta only, with the same bits as compute gives them (the same kernel and
     * operations without the other seven outputs, which keep what they held): about two thirds of its cost, for a
     * reader of {@link #totalDelta} or prices alone.
     */
    public void computeFirstOrder(final double spot, final double rate, final double carry, final long nowNs)
    {
        GreekKernel.market(market, spot, rate, carry, false);
        kernel(nowNs, false);
    }

    /**
     * Recomputes every slot as Black-76 on the forward (BSM with carry = rate; rho holds the forward fixed).
     *
     * @param forward the forward price (one per book: keep expiries with different forwards in separate books).
     * @param rate    continuous discount rate.
     * @param nowNs   valuation time, nanoseconds.
     */
    public void computeBlack76(final double forward, final double rate, final long nowNs)
    {
        GreekKernel.market(market, forward, rate, rate, true);
        kernel(nowNs, true);
    }

    public double price(final int slot)
    {
        return output(PRICE, slot);
    }

    public double delta(final int slot)
    {
        return output(DELTA, slot);
    }

    public double gamma(final int slot)
    {
        return output(GAMMA, slot);
    }

    public double vega(final int slot)
    {
        return output(VEGA, slot);
    }

    public double theta(final int slot)
    {
        return output(THETA, slot);
    }

    public double rho(final int slot)
    {
        return output(RHO, slot);
    }

    public double vanna(final int slot)
    {
        return output(VANNA, slot);
    }

    public double volga(final int slot)
    {
        return output(VOLGA, slot);
    }

    public double charm(final int slot)
    {
        return output(CHARM, slot);
    }

    /** Sum of quantity x multiplier x delta over the book. */
    public double totalDelta()
    {
        return total(DELTA);
    }

    /** Sum of quantity x multiplier x gamma over the book. */
    public double totalGamma()
    {
        return total(GAMMA);
    }

    /** Sum of quantity x multiplier x vega over the book. */
    public double totalVega()
    {
        return total(VEGA);
    }

    /** Sum of quantity x multiplier x price over the book: its value. */
    public double totalValue()
    {
        return total(PRICE);
    }

    /**
     * Keeps this book's working set warm for a rare input without changing it (for an engine's idle duty cycles):
     * reads one element of each cache line of its columns in use, so they and their pages stay in the caches and the
     * TLB. Scalar reads only: no Vector API code, which could allocate where C2 inlines it into a caller too large to
     * intrinsify it (so the kernel's own code is not run here).
     *
     * @return a checksum of what was read, for the caller to keep (so the JIT keeps the reads).
     */
    public long warm()
    {
        long sum = 0;
        for (int c = 0; c < COLUMNS; c++)
        {
            for (long k = c * stride, end = k + size; k < end; k += 8)
            {
                sum += seg.getAtIndex(ValueLayout.JAVA_LONG, k);
            }
        }
        return sum;
    }

    /** Frees the off-heap memory; the instance must not be used afterwards. */
    public void close()
    {
        arena.close();
    }

    /** Empties the book (the {@code greeks} command reuses one book per row). */
    void clear()
    {
        seg.fill((byte)0);
        size = 0;
        stride = GreekKernel.stride(0);
        prepared = false;
    }

    /**
     * Runs the chosen kernel at the market just filled and nowNs: the scalar reference over every slot; or of the
     * vector kernel only its outputs pass when the scratch holds the prepare and exp passes of every slot at that
     * market and time, else all of it, the scratch then holding them when the book fits in one chunk.
     */
    private void kernel(final long nowNs, final boolean secondOrder)
    {
        if (kernel == GreekKernelType.SCALAR)
        {
            GreekKernel.scalar(seg, stride, size, market, nowNs, scratch, secondOrder);
        }
        else if (prepared && nowNs == preparedNs && Arrays.equals(market, preparedMarket))
        {
            GreekKernel.outputs(seg, stride, size, market, work, secondOrder);
        }
        else
        {
            GreekKernel.vector(seg, stride, size, market, nowNs, work, secondOrder);
            System.arraycopy(market, 0, preparedMarket, 0, MARKET_FIELDS);
            preparedNs = nowNs;
            prepared = size <= GreekKernel.CHUNK;
        }
    }

    /**
     * Moves the columns apart to newStride elements each, in place: the last column first, so none overwrites a
     * column not yet moved (each copy has memmove semantics), then zeroes each column's new tail, so the padding
     * lanes hold zeros again.
     */
    private void widen(final long newStride)
    {
        final long oldBytes = stride * Double.BYTES;
        for (int c = COLUMNS - 1; c > 0; c--)
        {
            MemorySegment.copy(seg, c * oldBytes, seg, c * newStride * Double.BYTES, oldBytes);
        }
        for (int c = 0; c < COLUMNS; c++)
        {
            for (long k = c * newStride + stride, end = (c + 1) * newStride; k < end; k++)
            {
                seg.setAtIndex(ValueLayout.JAVA_LONG, k, 0L);
            }
        }
        stride = newStride;
    }

    private double total(final int column)
    {
        return kernel == GreekKernelType.SCALAR ? scalarTotal(seg, stride, size, column) :
            GreekKernel.total(seg, stride, size, column);
    }

    private double output(final int column, final int slot)
    {
        return get(seg, stride, column, check(slot));
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
