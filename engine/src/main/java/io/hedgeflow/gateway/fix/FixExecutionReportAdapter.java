package io.hedgeflow.gateway.fix;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.hedgeflow.gateway.fix.codecs.decoder.ExecutionReportDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * Decodes the venue's ExecutionReports into {@link FixExecutionListener} callbacks. A report is a duplicate, ignored
 * and counted, when it adds nothing to what the order already reported: a trade whose CumQty is not above the
 * order's last CumQty, or a non-trade report repeating the order's last OrdStatus and CumQty. Partial fills are
 * therefore summed exactly once each, whether the venue resends them (PossDup) or not.
 */
final class FixExecutionReportAdapter implements SessionHandler
{
    private static final long NONE = -1;

    private final FixExecutionListener listener;
    private final Runnable onDisconnect;
    private final MutableAsciiBuffer ascii = new MutableAsciiBuffer();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final Long2LongHashMap cumQtyByOrder = new Long2LongHashMap(NONE);
    private final Long2LongHashMap statusByOrder = new Long2LongHashMap(NONE);
    private long duplicates;
    private long unknown;

    FixExecutionReportAdapter(final FixExecutionListener listener, final Runnable onDisconnect)
    {
        this.listener = listener;
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
        if (messageType == ExecutionReportDecoder.MESSAGE_TYPE)
        {
            ascii.wrap(buffer);
            report.reset();
            report.decode(ascii, offset, length);
            onReport();
        }
        return Action.CONTINUE;
    }

    private void onReport()
    {
        final long orderId = report.hasClOrdID() ? ClOrdIdEncoder.parse(report.clOrdID(), report.clOrdIDLength()) : -1;
        if (orderId < 0)
        {
            unknown++;
            return;
        }
        final char execType = report.execType();
        final char status = report.ordStatus();
        final long cumQty = FixQuantities.toFixed8(report.cumQty());
        final long lastCum = cumQtyByOrder.get(orderId);
        final boolean trade = execType == 'F';
        if (trade ? lastCum != NONE && cumQty <= lastCum : statusByOrder.get(orderId) == status && lastCum == cumQty)
        {
            duplicates++;
            return;
        }
        cumQtyByOrder.put(orderId, cumQty);
        statusByOrder.put(orderId, status);
        listener.onExecutionReport(orderId, execType, status,
            trade ? FixQuantities.toFixed8(report.lastQty()) : 0,
            trade ? FixQuantities.toFixed8(report.lastPx()) : 0,
            FixQuantities.toFixed8(report.leavesQty()), cumQty);
    }

    long duplicates()
    {
        return duplicates;
    }

    long unknown()
    {
        return unknown;
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
