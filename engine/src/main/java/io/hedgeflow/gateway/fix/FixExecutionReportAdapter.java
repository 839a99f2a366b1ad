package io.hedgeflow.gateway.fix;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.hedgeflow.gateway.fix.codecs.decoder.ExecutionReportDecoder;
import io.hedgeflow.gateway.fix.codecs.decoder.PositionReportDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * Decodes the venue's ExecutionReports into {@link FixExecutionListener} callbacks, and its order status reports
 * (ExecType I, answers to a mass status request) and PositionReports into {@link FixReconciliationListener}
 * callbacks. A report is a duplicate, ignored and counted, when it adds nothing to what the order already reported:
 * a trade whose CumQty is not above the order's last CumQty, or a non-trade report repeating the order's last
 * OrdStatus and CumQty. Partial fills are therefore summed exactly once each, whether the venue resends them
 * (PossDup) or not. The maps hold the working orders and the last {@value #FINISHED_KEPT} finished (filled,
 * cancelled, rejected) ones, whose duplicates still arrive; older finished orders leave them, so memory stays
 * bounded in long sessions (a very late duplicate of such an order reaches the listener, which no longer knows it).
 * <p>
 * A message Artio marks invalid is ignored and counted: above all one whose sequence number is beyond the next
 * expected (a gap). Artio sends a ResendRequest for it, and the venue resends the missing messages and this one in
 * order (PossDup), so each report is applied once, in sequence: taking the message ahead of the gap would apply a
 * later trade first, and its CumQty would then make the missing earlier trade look like a duplicate.
 */
final class FixExecutionReportAdapter implements SessionHandler
{
    private static final long NONE = -1;
    static final int FINISHED_KEPT = 1024;
    private static final char ORDER_STATUS = 'I';
    private static final char FILLED = '2';
    private static final char CANCELED = '4';
    private static final char REJECTED = '8';

    private final FixExecutionListener listener;
    private final FixReconciliationListener reconciliation;
    private final Runnable onDisconnect;
    private final MutableAsciiBuffer ascii = new MutableAsciiBuffer();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final PositionReportDecoder positions = new PositionReportDecoder();
    private final Long2LongHashMap cumQtyByOrder = new Long2LongHashMap(NONE);
    private final Long2LongHashMap statusByOrder = new Long2LongHashMap(NONE);
    private final long[] finished = new long[FINISHED_KEPT];
    private long finishedCount;
    private long duplicates;
    private long unknown;
    private long aheadOfGap;
    private int positionReports;

    FixExecutionReportAdapter(
        final FixExecutionListener listener,
        final FixReconciliationListener reconciliation,
        final Runnable onDisconnect)
    {
        this.listener = listener;
        this.reconciliation = reconciliation;
        this.onDisconnect = onDisconnect;
    }

    public Action onMessage(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int libraryId,
        final Session session,
        final int sequenceIndex,
        final long messageType,
        final long timestampInNs,
        final long position,
        final OnMessageInfo messageInfo)
    {
        if (!messageInfo.isValid())
        {
            aheadOfGap++;
            return Action.CONTINUE;
        }
        if (messageType == ExecutionReportDecoder.MESSAGE_TYPE)
        {
            ascii.wrap(buffer);
            report.reset();
            report.decode(ascii, offset, length);
            onReport();
        }
        else if (messageType == PositionReportDecoder.MESSAGE_TYPE)
        {
            ascii.wrap(buffer);
            positions.reset();
            positions.decode(ascii, offset, length);
            onPositions();
        }
        return Action.CONTINUE;
    }

    private void onReport()
    {
        final long orderId = report.hasClOrdID() ? ClOrdIdEncoder.parse(report.clOrdID(), report.clOrdIDLength()) : -1;
        final char execType = report.execType();
        if (execType == ORDER_STATUS)
        {
            onOrderStatus(orderId);
            return;
        }
        if (orderId < 0)
        {
            unknown++;
            return;
        }
        final char status = report.ordStatus();
        final long cumQty = FixQuantities.toFixed8(report.cumQty());
        final long lastCum = cumQtyByOrder.get(orderId);
        final boolean trade = execType == 'F';
        if (trade ? lastCum != NONE && cumQty <= lastCum : statusByOrder.get(orderId) == status && lastCum == cumQty)
        {
            duplicates++;
            return;
        }
        remember(orderId, status, cumQty);
        listener.onExecutionReport(orderId, execType, status,
            trade ? FixQuantities.toFixed8(report.lastQty()) : 0,
            trade ? FixQuantities.toFixed8(report.lastPx()) : 0,
            FixQuantities.toFixed8(report.leavesQty()), cumQty);
    }

    /** An answer to the mass status request: never a duplicate (the round needs every one); it updates the maps. */
    private void onOrderStatus(final long orderId)
    {
        if (orderId >= 0)
        {
            final long cumQty = FixQuantities.toFixed8(report.cumQty());
            remember(orderId, report.ordStatus(), cumQty);
            reconciliation.onOrderStatus(orderId, report.ordStatus(), report.side(), report.symbolAsString(), cumQty,
                FixQuantities.toFixed8(report.leavesQty()),
                report.hasAvgPx() ? FixQuantities.toFixed8(report.avgPx()) : 0);
        }
        if (report.hasLastRptRequested() && report.lastRptRequested())
        {
            reconciliation.onOrderStatusEnd();
        }
    }

    private void remember(final long orderId, final char status, final long cumQty)
    {
        final boolean finishing = isFinished(status) && !isFinished(statusByOrder.get(orderId));
        cumQtyByOrder.put(orderId, cumQty);
        statusByOrder.put(orderId, status);
        if (finishing)
        {
            final int slot = (int)(finishedCount++ % FINISHED_KEPT);
            if (finishedCount > FINISHED_KEPT)
            {
                cumQtyByOrder.remove(finished[slot]);
                statusByOrder.remove(finished[slot]);
            }
            finished[slot] = orderId;
        }
    }

    private static boolean isFinished(final long status)
    {
        return status == FILLED || status == CANCELED || status == REJECTED;
    }

    private void onPositions()
    {
        final PositionReportDecoder.PositionsGroupIterator entries = positions.positionsGroupIterator();
        while (entries.hasNext())
        {
            final PositionReportDecoder.PositionsGroupDecoder entry = entries.next();
            final long longQty = entry.hasLongQty() ? FixQuantities.toFixed8(entry.longQty()) : 0;
            final long shortQty = entry.hasShortQty() ? FixQuantities.toFixed8(entry.shortQty()) : 0;
            reconciliation.onPosition(entry.symbolAsString(), longQty - shortQty);
        }
        positionReports++;
        if (!positions.hasTotalNumPosReports() || positionReports >= positions.totalNumPosReports())
        {
            positionReports = 0;
            reconciliation.onPositionsEnd();
        }
    }

    /** Working orders whose last report the duplicate maps hold. */
    int trackedOrders()
    {
        return cumQtyByOrder.size();
    }

    long duplicates()
    {
        return duplicates;
    }

    long unknown()
    {
        return unknown;
    }

    long aheadOfGap()
    {
        return aheadOfGap;
    }

    public void onTimeout(final int libraryId, final Session session)
    {
    }

    public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
    {
    }

    public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
    {
        onDisconnect.run();
        return Action.CONTINUE;
    }

    public void onSessionStart(final Session session)
    {
    }
}
