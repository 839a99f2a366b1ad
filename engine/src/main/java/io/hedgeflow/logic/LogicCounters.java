package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * What the logic has processed: frames, rejects by reason, sequence gaps, decisions, orders, fills, and hedge
 * evaluations skipped on stale data, hedge orders the margin constraints cut or refused and what bound them.
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
    long marginLimited;
    long marginRefused;
    /** Gauges at the last hedge decision with a known equity of its currency: initial margin and notional / equity. */
    long marginUsageBps;
    long leverageBps;
    private final long[] marginBound = new long[MarginConstraints.CAUSES];
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

    /** The margin constraints' part of the snapshot, written after every other part (snapshot version 5). */
    void writeMarginTo(final StateWriter out)
    {
        out.putLong(marginLimited);
        out.putLong(marginRefused);
        out.putLongs(marginBound, marginBound.length);
        out.putLong(marginUsageBps);
        out.putLong(leverageBps);
    }

    void readMarginFrom(final StateReader in)
    {
        marginLimited = in.getLong();
        marginRefused = in.getLong();
        in.getLongs(marginBound, marginBound.length);
        marginUsageBps = in.getLong();
        leverageBps = in.getLong();
    }

    /** Counts a decision the margin constraints cut or refused, and the constraint that bound it. */
    void margin(final DecisionReason reason, final int bound)
    {
        if (reason == DecisionReason.MARGIN_LIMITED || reason == DecisionReason.MARGIN_REFUSED)
        {
            if (reason == DecisionReason.MARGIN_LIMITED)
            {
                marginLimited++;
            }
            else
            {
                marginRefused++;
            }
            marginBound[bound]++;
        }
    }

    /** Hedge orders cut by the margin constraints (MARGIN_LIMITED). */
    public long marginLimited()
    {
        return marginLimited;
    }

    /** Hedge decisions without an order because nothing fitted the margin constraints (MARGIN_REFUSED). */
    public long marginRefused()
    {
        return marginRefused;
    }

    /**
     * Initial margin / equity of the settlement currency of the last hedge decision whose equity was known, in
     * basis points (0 before one).
     */
    public long marginUsageBps()
    {
        return marginUsageBps;
    }

    /** Leverage (perpetual and future notional / equity) of that currency, in basis points (0 before one). */
    public long leverageBps()
    {
        return leverageBps;
    }

    /** Cut or refused hedges bound by targetLeverage. */
    public long leverageBound()
    {
        return marginBound[MarginConstraints.LEVERAGE];
    }

    /** Cut or refused hedges bound by maxMarginUsage. */
    public long marginUsageBound()
    {
        return marginBound[MarginConstraints.MARGIN_USAGE];
    }

    /** Cut or refused hedges bound by minLiquidationDistance. */
    public long liquidationDistanceBound()
    {
        return marginBound[MarginConstraints.LIQUIDATION_DISTANCE];
    }

    /** Refused hedges whose settlement currency had no known, positive equity. */
    public long equityBound()
    {
        return marginBound[MarginConstraints.EQUITY];
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
