package io.hedgeflow.hedge;

/**
 * Splits a parent hedge quantity into child orders of at most a maximum clip, at least a minimum spacing of logic
 * time apart (time only from arguments: message timestamps, so a replay slices identically):
 * <pre>
 *   start(Q, clip, spacing, lot, t0):  clip' = clip rounded down to the lot (at least one lot)
 *   next(t): if t &gt;= due and |remaining| &gt; 0: child = sign(Q) min(|remaining|, clip'),
 *            remaining -= child, due = t + spacing; else 0
 * </pre>
 * The first child is due at t0. Q should already be a lot multiple ({@link LotRounding}); every child keeps its
 * side. One slicer per parent in flight, preallocated and reused with {@link #start} / {@link #reset}.
 */
public final class OrderSlicer
{
    private double remaining;
    private double clip;
    private double lot;
    private long spacingNs;
    private long dueNs;

    /**
     * Begins slicing a new parent (replacing any unfinished one).
     *
     * @param quantity     signed parent quantity.
     * @param maxClip      largest child magnitude, positive.
     * @param lot          lot size, positive: the clip is a whole number of lots.
     * @param minSpacingNs smallest logic-time gap between children, not negative.
     * @param nowNs        logic time of the start: the first child is due now.
     * @return false (and nothing to slice) when an argument is out of range.
     */
    public boolean start(
        final double quantity, final double maxClip, final double lot, final long minSpacingNs, final long nowNs)
    {
        if (!Double.isFinite(quantity) || !(maxClip > 0.0) || !(lot > 0.0) || minSpacingNs < 0)
        {
            reset();
            return false;
        }
        this.remaining = quantity;
        this.lot = lot;
        this.clip = Math.max(lot, LotRounding.round(maxClip, lot, 0.0, false));
        this.spacingNs = minSpacingNs;
        this.dueNs = nowNs;
        return true;
    }

    /**
     * The child order to send at {@code nowNs}, or 0 when none is due (too soon, or nothing left).
     *
     * @return signed child quantity (the parent's side) or 0.
     */
    public double next(final long nowNs)
    {
        if (done() || nowNs < dueNs)
        {
            return 0.0;
        }
        final double child = Math.copySign(Math.min(Math.abs(remaining), clip), remaining);
        remaining -= child;
        if (Math.abs(remaining) < lot * LotRounding.TOLERANCE)
        {
            remaining = 0.0;
        }
        dueNs = nowNs + spacingNs;
        return child;
    }

    /** Signed quantity not yet handed out as children. */
    public double remaining()
    {
        return remaining;
    }

    /** True when every child has been handed out. */
    public boolean done()
    {
        return remaining == 0.0;
    }

    /** Logic time at which the next child is due. */
    public long dueNs()
    {
        return dueNs;
    }

    /** The clip of the current parent: the maximum rounded down to the lot. */
    public double clip()
    {
        return clip;
    }

    /** The lot of the current parent. */
    public double lot()
    {
        return lot;
    }

    /** The minimum spacing of the current parent's children. */
    public long spacingNs()
    {
        return spacingNs;
    }

    /**
     * Restores the state read by {@link #remaining()}, {@link #clip()}, {@link #lot()}, {@link #spacingNs()} and
     * {@link #dueNs()} (snapshots): the slicer continues exactly as the one it was read from.
     */
    public void restore(
        final double remaining, final double clip, final double lot, final long spacingNs, final long dueNs)
    {
        this.remaining = remaining;
        this.clip = clip;
        this.lot = lot;
        this.spacingNs = spacingNs;
        this.dueNs = dueNs;
    }

    /** Abandons the parent: nothing remains. */
    public void reset()
    {
        remaining = 0.0;
        dueNs = 0L;
    }
}
