package io.hedgeflow.logic;

import io.hedgeflow.codecs.OrderState;
import io.hedgeflow.codecs.ReconciliationDecoder;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

import java.util.Arrays;

import static io.hedgeflow.framing.Fixed8.toDouble;

/**
 * Applies a round of Reconciliation inputs, the venue's view after a (re)logon, to the logic's orders and
 * positions:
 * <ul>
 *   <li>an open order the venue reports: the contracts it filled beyond what the logic applied (fills while the
 *       engine was down or the session lost) are applied once, at the venue's average price; a finished order
 *       is closed at the round's end;</li>
 *   <li>an open order no frame of the round reports is lost: closed at the round's end and counted, never
 *       re-sent;</li>
 *   <li>on the last frame each delta-one instrument's position is compared with the venue's (flat when not
 *       reported) and the venue's is adopted; a difference beyond the tolerance is a breach: the caller hedges
 *       nothing on it and the engine engages the kill switch.</li>
 * </ul>
 * The marks of an unfinished round (per open-order slot) are part of the snapshot. Garbage-free.
 */
final class Reconciler
{
    private static final double FIXED8_UNIT = 1e-8;
    private static final byte UNSEEN = 0;
    private static final byte SEEN = 1;
    private static final byte FINISHED = 2;

    private final Instruments ins;
    private final OpenOrders openOrders;
    private final Executions executions;
    private final LogicCounters counters;
    private final byte[] marks;
    private final boolean[] reported;
    private final boolean[] touchedBooks;
    private boolean inRound;

    Reconciler(
        final Instruments ins,
        final OpenOrders openOrders,
        final Executions executions,
        final LogicCounters counters,
        final int maxOpenOrders,
        final int maxUnderlyings)
    {
        this.ins = ins;
        this.openOrders = openOrders;
        this.executions = executions;
        this.counters = counters;
        marks = new byte[maxOpenOrders];
        reported = new boolean[ins.capacity()];
        touchedBooks = new boolean[maxUnderlyings];
    }

    /**
     * Applies one frame of a round.
     *
     * @return true when, on the round's last frame, a position differed from the venue's by more than tolerance.
     */
    boolean apply(final ReconciliationDecoder d, final double tolerance)
    {
        if (!inRound)
        {
            inRound = true;
            Arrays.fill(marks, UNSEEN);
            Arrays.fill(touchedBooks, false);
        }
        applyOrders(d.orders());
        if (d.last() == 0)
        {
            return false;
        }
        inRound = false;
        closeUnconfirmed();
        return applyPositions(d.positions(), tolerance);
    }

    /** Whether the round that just ended changed something of the book of dense index b. */
    boolean touched(final int b)
    {
        return touchedBooks[b];
    }

    private void applyOrders(final ReconciliationDecoder.OrdersDecoder orders)
    {
        while (orders.hasNext())
        {
            orders.next();
            final int k = openOrders.find(orders.orderId());
            if (k < 0)
            {
                continue;
            }
            final double leaves = openOrders.signedLeaves(k);
            final double applied = openOrders.quantity(k) - Math.abs(leaves);
            final double missed = Math.min(Math.abs(leaves), toDouble(orders.cumQty()) - applied);
            if (missed > FIXED8_UNIT / 2 && orders.avgPrice() > 0L)
            {
                executions.fill(k, Math.copySign(missed, leaves), toDouble(orders.avgPrice()), 0.0);
                touchedBooks[openOrders.book(k)] = true;
            }
            marks[k] = orders.stateRaw() == OrderState.WORKING.value() ? SEEN : FINISHED;
        }
    }

    private void closeUnconfirmed()
    {
        for (int k = openOrders.count() - 1; k >= 0; k--)
        {
            if (marks[k] != SEEN)
            {
                counters.lostOrders += marks[k] == UNSEEN ? 1 : 0;
                touchedBooks[openOrders.book(k)] = true;
                executions.close(k);
            }
        }
    }

    private boolean applyPositions(final ReconciliationDecoder.PositionsDecoder positions, final double tolerance)
    {
        final int count = ins.count();
        Arrays.fill(reported, 0, count, false);
        boolean breach = false;
        while (positions.hasNext())
        {
            positions.next();
            final int i = ins.indexOf(positions.instrumentId());
            if (i != Instruments.MISSING && ins.greekSlot[i] == Instruments.MISSING)
            {
                reported[i] = true;
                breach |= adopt(i, toDouble(positions.position()), tolerance);
            }
        }
        for (int i = 0; i < count; i++)
        {
            if (!reported[i] && ins.greekSlot[i] == Instruments.MISSING)
            {
                breach |= adopt(i, 0.0, tolerance);
            }
        }
        return breach;
    }

    private boolean adopt(final int i, final double venuePosition, final double tolerance)
    {
        final double difference = Math.abs(ins.position[i] - venuePosition);
        if (difference > FIXED8_UNIT / 2)
        {
            touchedBooks[ins.underlying[i]] = true;
        }
        ins.position[i] = venuePosition;
        return difference > tolerance + FIXED8_UNIT / 2;
    }

    /** An unfinished round: its flag, and the marks of the open orders. */
    void writeTo(final StateWriter out)
    {
        out.putBoolean(inRound);
        for (int k = 0; k < openOrders.count(); k++)
        {
            out.putInt(inRound ? marks[k] : UNSEEN);
        }
        for (final boolean touched : touchedBooks)
        {
            out.putBoolean(inRound && touched);
        }
    }

    void readFrom(final StateReader in)
    {
        inRound = in.getBoolean();
        for (int k = 0; k < openOrders.count(); k++)
        {
            marks[k] = (byte)in.getInt();
        }
        for (int b = 0; b < touchedBooks.length; b++)
        {
            touchedBooks[b] = in.getBoolean();
        }
    }
}
