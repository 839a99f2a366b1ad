package io.hedgeflow.logic;

/**
 * What the logic has processed: frames, rejects by reason, sequence gaps, decisions, orders, fills, and hedge
 * evaluations skipped on stale data.
 * Single writer (the logic thread); other threads read after the logic has stopped.
 */
public final class LogicCounters
{
    private final long[] rejected = new long[RejectReason.VALUES.length];
    long frames;
    long gaps;
    long decisions;
    long orders;
    long fills;
    long staleSkips;

    void writeTo(final StateWriter out)
    {
        out.putLong(frames);
        out.putLong(gaps);
        out.putLong(decisions);
        out.putLong(orders);
        out.putLong(fills);
        out.putLong(staleSkips);
        out.putInt(rejected.length);
        out.putLongs(rejected, rejected.length);
    }

    void readFrom(final StateReader in)
    {
        frames = in.getLong();
        gaps = in.getLong();
        decisions = in.getLong();
        orders = in.getLong();
        fills = in.getLong();
        staleSkips = in.getLong();
        if (in.getInt() != rejected.length)
        {
            throw new IllegalArgumentException("snapshot has a different set of reject reasons");
        }
        in.getLongs(rejected, rejected.length);
    }

    void reject(final RejectReason reason)
    {
        rejected[reason.ordinal()]++;
    }

    public long frames()
    {
        return frames;
    }

    public long rejected(final RejectReason reason)
    {
        return rejected[reason.ordinal()];
    }

    /** Rejects of the reason with this ordinal. */
    public long rejected(final int reasonOrdinal)
    {
        return rejected[reasonOrdinal];
    }

    public long rejected()
    {
        long sum = 0;
        for (final long r : rejected)
        {
            sum += r;
        }
        return sum;
    }

    public long gaps()
    {
        return gaps;
    }

    public long decisions()
    {
        return decisions;
    }

    public long orders()
    {
        return orders;
    }

    public long fills()
    {
        return fills;
    }

    /** Hedge evaluations skipped because a channel feeding the book was stale. */
    public long staleSkips()
    {
        return staleSkips;
    }
}
