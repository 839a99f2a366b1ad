package io.hedgeflow.gateway.fix;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.hedgeflow.gateway.fix.codecs.builder.ExecutionReportEncoder;
import io.hedgeflow.gateway.fix.codecs.builder.OrderMassCancelReportEncoder;
import io.hedgeflow.gateway.fix.codecs.decoder.NewOrderSingleDecoder;
import io.hedgeflow.gateway.fix.codecs.decoder.OrderCancelRequestDecoder;
import io.hedgeflow.gateway.fix.codecs.decoder.OrderMassCancelRequestDecoder;
import org.agrona.DirectBuffer;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test venue's side of one FIX session. Fill model: a post-only order (ExecInst 6) rests until cancelled; any
 * other order is acknowledged and filled at its limit price in {@link FixVenueContext#fillSlices()} trades. Working
 * orders answer OrderCancelRequest and OrderMassCancelRequest; the session's orders are cancelled on disconnect
 * (the cancel-on-disconnect the gateway asks for at logon). Not a hot path: a tool for tests and demos.
 */
final class VenueSessionHandler implements SessionHandler
{
    private final FixVenueContext ctx;
    private final Map<String, VenueOrder> working = new LinkedHashMap<>();
    private final MutableAsciiBuffer ascii = new MutableAsciiBuffer();
    private final NewOrderSingleDecoder newOrder = new NewOrderSingleDecoder();
    private final OrderCancelRequestDecoder cancel = new OrderCancelRequestDecoder();
    private final OrderMassCancelRequestDecoder massCancel = new OrderMassCancelRequestDecoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final OrderMassCancelReportEncoder massCancelReport = new OrderMassCancelReportEncoder();
    private final FixVenue venue;
    private Session session;

    VenueSessionHandler(final FixVenueContext ctx, final FixVenue venue, final Session session)
    {
        this.ctx = ctx;
        this.venue = venue;
        this.session = session;
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
        this.session = session;
        ascii.wrap(buffer);
        if (messageType == NewOrderSingleDecoder.MESSAGE_TYPE)
        {
            newOrder.reset();
            newOrder.decode(ascii, offset, length);
            onNewOrder();
        }
        else if (messageType == OrderCancelRequestDecoder.MESSAGE_TYPE)
        {
            cancel.reset();
            cancel.decode(ascii, offset, length);
            onCancel(cancel.origClOrdIDAsString());
        }
        else if (messageType == OrderMassCancelRequestDecoder.MESSAGE_TYPE)
        {
            massCancel.reset();
            massCancel.decode(ascii, offset, length);
            onMassCancel(massCancel.clOrdIDAsString());
        }
        return Action.CONTINUE;
    }

    private void onNewOrder()
    {
        final String clOrdId = newOrder.clOrdIDAsString();
        final VenueOrder order = new VenueOrder(clOrdId, "V" + venue.nextOrderId(), newOrder.symbolAsString(),
            newOrder.side(), FixQuantities.toFixed8(newOrder.orderQty()), FixQuantities.toFixed8(newOrder.price()));
        venue.onOrderReceived(clOrdId);
        send(order, '0', '0', 0, 0);
        final boolean postOnly = newOrder.hasExecInst() && newOrder.execInstAsString().indexOf('6') >= 0;
        if (postOnly)
        {
            working.put(clOrdId, order);
            venue.onWorkingChanged(1);
            return;
        }
        final int slices = ctx.fillSlices();
        final long slice = order.quantity / slices;
        for (int i = 1; i <= slices; i++)
        {
            final long lastQty = i < slices ? slice : order.leaves();
            order.cumQty += lastQty;
            final char status = order.leaves() == 0 ? '2' : '1';
            send(order, 'F', status, lastQty, order.price);
            if (ctx.duplicateTradeReports())
            {
                send(order, 'F', status, lastQty, order.price);
            }
        }
    }

    private void onCancel(final String origClOrdId)
    {
        final VenueOrder order = working.remove(origClOrdId);
        if (order == null)
        {
            report.reset();
            report.orderID("NONE").clOrdID(origClOrdId).execType('8').ordStatus('8').symbol("NONE").side('1')
                .leavesQty(0, 0).cumQty(0, 0).text("unknown order");
            trySend(report);
            return;
        }
        send(order, '4', '4', 0, 0);
        venue.onWorkingChanged(-1);
    }

    private void onMassCancel(final String clOrdId)
    {
        final int affected = working.size();
        for (final VenueOrder order : working.values())
        {
            send(order, '4', '4', 0, 0);
        }
        working.clear();
        venue.onWorkingChanged(-affected);
        massCancelReport.reset();
        massCancelReport.clOrdID(clOrdId).massCancelRequestType('7').massCancelResponse('7')
            .totalAffectedOrders(affected);
        trySend(massCancelReport);
        venue.onMassCancel();
    }

    private void send(
        final VenueOrder order, final char execType, final char status, final long lastQty, final long lastPx)
    {
        final boolean done = status == '4';
        report.reset();
        report.orderID(order.venueOrderId).clOrdID(order.clOrdId).execID(order.venueOrderId + "-" + venue.nextExecId())
            .execType(execType).ordStatus(status).symbol(order.symbol).side(order.side)
            .orderQty(order.quantity, FixQuantities.SCALE).price(order.price, FixQuantities.SCALE)
            .leavesQty(done ? 0 : order.leaves(), FixQuantities.SCALE).cumQty(order.cumQty, FixQuantities.SCALE);
        if (execType == 'F')
        {
            report.lastQty(lastQty, FixQuantities.SCALE).lastPx(lastPx, FixQuantities.SCALE);
        }
        trySend(report);
    }

    private void trySend(final Encoder encoder)
    {
        if (session.trySend(encoder) < 0)
        {
            venue.onBackPressure();
        }
    }

    public void onTimeout(final int libraryId, final Session session)
    {
    }

    public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
    {
    }

    public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
    {
        venue.onWorkingChanged(-working.size());
        working.clear();
        return Action.CONTINUE;
    }

    public void onSessionStart(final Session session)
    {
    }
}
