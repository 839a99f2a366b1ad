package io.hedgeflow.logic;

import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * What the logic has processed: frames, rejects by reason, sequence gaps, decisions, orders, fills, and hedge
 * evaluations skipped on stale data.
 * Single writer (the logic thread); other threads read after the logic has stopped.
 */
public final class LogicCounters
{
    private static final int VERDICTS = 16;

    private final long[] rejected = new long[RejectReason.VALUES.length];
    private final long[] verdicts = new long[VERDICTS];
    long frames;
    long gaps;
    long decisions;
    long orders;
    long fills;
    long staleSkips;
    long reconciliations;
    long lostOrders;
    long positionBreaches;

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
        out.putLongs(verdicts, VERDICTS);
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
        in.getLongs(verdicts, VERDICTS);
    }

    /** The counters added in snapshot version 5, written at the end of the snapshot. */
    void writeReconciliationTo(final StateWriter out)
    {
        out.putLong(reconciliations);
        out.putLong(lostOrders);
        out.putLong(positionBreaches);
    }

    void readReconciliationFrom(final StateReader in)
    {
        reconciliations = in.getLong();
        lostOrders = in.getLong();
        positionBreaches = in.getLong();
    }

    /** Reconciliation inputs applied (the venue's working orders and positions after a logon). */
    public long reconciliations()
    {
        return reconciliations;
    }

    /** Orders the logic had in flight that the venue did not know at a reconciliation: dropped, never re-sent. */
    public long lostOrders()
    {
        return lostOrders;
    }

    /** Reconciliations whose positions differed from the logic's beyond the tolerance (kill switch engaged). */
    public long positionBreaches()
    {
        return positionBreaches;
    }

    void verdict(final RiskVerdict verdict)
    {
        verdicts[verdict.value()]++;
    }

    /** Decisions with this pre-trade verdict. */
    public long verdicts(final RiskVerdict verdict)
    {
        return verdicts[verdict.value()];
    }

    /** Decisions with the pre-trade verdict of this wire value. */
    public long verdicts(final int verdictValue)
    {
        return verdicts[verdictValue];
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
