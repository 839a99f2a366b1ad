package io.hedgeflow.logic;

/**
 * The sizing part of a {@link PolicyContext}: the slippage cap an order is cut to on the hedge instrument's depth and
 * the slicing of a large hedge into clips ({@link ChildOrders}). Setters return the owning policy, so a policy is
 * configured in one chain.
 */
public final class PolicySizing
{
    private final PolicyContext owner;
    private double slippageCapBps = 0.0;
    private double maxClipContracts = 0.0;
    private long clipSpacingNs = 1_000_000_000L;

    PolicySizing(final PolicyContext owner)
    {
        this.owner = owner;
    }

    /** Copies every setting of this group to other (of another policy). */
    void copyTo(final PolicySizing other)
    {
        other.slippageCapBps = slippageCapBps;
        other.maxClipContracts = maxClipContracts;
        other.clipSpacingNs = clipSpacingNs;
    }

    /** Checks maxClipContracts and clipSpacingNs. */
    void concludeClips()
    {
        if (!(maxClipContracts >= 0.0) || Double.isInfinite(maxClipContracts) || clipSpacingNs < 0)
        {
            throw new IllegalArgumentException(clipSpacingNs < 0 ? "clipSpacingNs must not be negative: " +
                clipSpacingNs : "maxClipContracts must be zero or positive and finite: " + maxClipContracts);
        }
    }

    /** Checks slippageCapBps. */
    void concludeSlippageCap()
    {
        if (!(slippageCapBps >= 0.0) || Double.isInfinite(slippageCapBps))
        {
            throw new IllegalArgumentException("slippageCapBps must be zero or positive and finite: " + slippageCapBps);
        }
    }

    /**
     * Largest expected slippage of a hedge order against the hedge instrument's mid, walking its last L2 depth
     * (BookLevels); orders are cut to the largest lot multiple within it ({@link io.hedgeflow.hedge.BookWalker}).
     * 0: no cap. Without depth the order is not capped and its expected slippage is the half spread.
     */
    public double slippageCapBps()
    {
        return slippageCapBps;
    }

    public PolicyContext slippageCapBps(final double value)
    {
        slippageCapBps = value;
        return owner;
    }

    /**
     * Largest hedge order in contracts (rounded down to the lot, at least the minimum size): a larger hedge is sent
     * as clips ({@link ChildOrders}); 0 (default): no slicing.
     */
    public double maxClipContracts()
    {
        return maxClipContracts;
    }

    public PolicyContext maxClipContracts(final double value)
    {
        maxClipContracts = value;
        return owner;
    }

    /** Least logic time between two clips of a parent hedge (each also waits until the previous is done). */
    public long clipSpacingNs()
    {
        return clipSpacingNs;
    }

    public PolicyContext clipSpacingNs(final long value)
    {
        clipSpacingNs = value;
        return owner;
    }
}
