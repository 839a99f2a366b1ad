package io.hedgeflow.gateway.fix;

import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.hedgeflow.gateway.fix.codecs.builder.ExecutionReportEncoder;
import io.hedgeflow.gateway.fix.codecs.builder.OrderMassCancelReportEncoder;
import io.hedgeflow.gateway.fix.codecs.builder.PositionReportEncoder;
import io.hedgeflow.gateway.fix.codecs.decoder.NewOrderSingleDecoder;
import io.hedgeflow.gateway.fix.codecs.decoder.OrderCancelRequestDecoder;
import io.hedgeflow.gateway.fix.codecs.decoder.OrderMassCancelRequestDecoder;
import io.hedgeflow.gateway.fix.codecs.decoder.OrderMassStatusRequestDecoder;
import io.hedgeflow.gateway.fix.codecs.decoder.RequestForPositionsDecoder;
import org.agrona.DirectBuffer;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test venue's side of one FIX session, on the account's book ({@link FixVenue}). Fill model: a post-only
 * order (ExecInst 6) rests until cancelled or traded ({@link FixVenue#trade}); any other order is acknowledged and
 * filled at its limit price in {@link FixVenueContext#fillSlices()} trades. Working orders answer
 * OrderCancelRequest and OrderMassCancelRequest; OrderMassStatusRequest is answered with one order status report
 * (ExecType I) per working order of the account, the last flagged (a lone report without ClOrdID when there is
 * none), and RequestForPositions with one PositionReport of every position. When the session drops its orders are
 * cancelled only if the logon asked for cancel-on-disconnect. Not a hot path: a tool for tests and demos.
 */
final class VenueSessionHandler implements SessionHandler
{
    private static final char ORDER_STATUS = 'I';

    private final FixVenueContext ctx;
    private final MutableAsciiBuffer ascii = new MutableAsciiBuffer();
    private final NewOrderSingleDecoder newOrder = new NewOrderSingleDecoder();
    private final OrderCancelRequestDecoder cancel = new OrderCancelRequestDecoder();
    private final OrderMassCancelRequestDecoder massCancel = new OrderMassCancelRequestDecoder();
    private final OrderMassStatusRequestDecoder massStatus = new OrderMassStatusRequestDecoder();
    private final RequestForPositionsDecoder positionRequest = new RequestForPositionsDecoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final OrderMassCancelReportEncoder massCancelReport = new OrderMassCancelReportEncoder();
    private final PositionReportEncoder positionReport = new PositionReportEncoder();
    private final FixVenue venue;
    private final boolean cancelOnDisconnect;
    private Session session;

    VenueSessionHandler(final FixVenueContext ctx, final FixVenue venue, final Session session)
    {
        this.ctx = ctx;
        this.venue = venue;
        this.session = session;
        cancelOnDisconnect = venue.lastLogonAskedCancelOnDisconnect();
        venue.onSessionStarted(this);
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
        else if (messageType == OrderMassStatusRequestDecoder.MESSAGE_TYPE)
        {
            massStatus.reset();
            massStatus.decode(ascii, offset, length);
            onMassStatus(massStatus.massStatusReqIDAsString());
        }
        else if (messageType == RequestForPositionsDecoder.MESSAGE_TYPE)
        {
            positionRequest.reset();
            positionRequest.decode(ascii, offset, length);
            onPositionRequest(positionRequest.posReqIDAsString());
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
            venue.rest(order);
            return;
        }
        final int slices = ctx.fillSlices();
        final long slice = order.quantity / slices;
        for (int i = 1; i <= slices; i++)
        {
            final long lastQty = i < slices ? slice : order.leaves();
            venue.onFill(order, lastQty);
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
        final VenueOrder order = venue.working().get(origClOrdId);
        if (order == null)
        {
            report.reset();
            report.orderID("NONE").clOrdID(origClOrdId).execType('8').ordStatus('8').symbol("NONE").side('1')
                .leavesQty(0, 0).cumQty(0, 0).text("unknown order");
            trySend(report);
            return;
        }
        venue.cancel(order);
        send(order, '4', '4', 0, 0);
    }

    private void onMassCancel(final String clOrdId)
    {
        final List<VenueOrder> cancelled = new ArrayList<>(venue.working().values());
        for (final VenueOrder order : cancelled)
        {
            venue.cancel(order);
            send(order, '4', '4', 0, 0);
        }
        massCancelReport.reset();
        massCancelReport.clOrdID(clOrdId).massCancelRequestType('7').massCancelResponse('7')
            .totalAffectedOrders(cancelled.size());
        trySend(massCancelReport);
        venue.onMassCancel();
    }

    private void onMassStatus(final String requestId)
    {
        final List<VenueOrder> orders = new ArrayList<>(venue.working().values());
        for (int i = 0; i < orders.size(); i++)
        {
            final VenueOrder order = orders.get(i);
            encode(order, ORDER_STATUS, order.cumQty == 0 ? '0' : '1', 0, 0);
            report.massStatusReqID(requestId).lastRptRequested(i == orders.size() - 1);
            if (order.cumQty > 0)
            {
                report.avgPx(order.price, FixQuantities.SCALE);
            }
            trySend(report);
        }
        if (orders.isEmpty())
        {
            report.reset();
            report.orderID("NONE").execType(ORDER_STATUS).ordStatus('0').symbol("NONE").side('1')
                .leavesQty(0, 0).cumQty(0, 0).massStatusReqID(requestId).lastRptRequested(true).text("no orders");
            trySend(report);
        }
        venue.onMassStatus();
    }

    private void onPositionRequest(final String requestId)
    {
        final Map<String, Long> positions = venue.positions();
        positionReport.reset();
        positionReport.posReqID(requestId).posMaintRptID(requestId).posReqResult(0).totalNumPosReports(1);
        final PositionReportEncoder.PositionsGroupEncoder entries = positionReport.positionsGroup(positions.size());
        for (final Map.Entry<String, Long> position : positions.entrySet())
        {
            final long qty = position.getValue();
            entries.symbol(position.getKey()).longQty(Math.max(qty, 0), FixQuantities.SCALE)
                .shortQty(Math.max(-qty, 0), FixQuantities.SCALE);
            entries.next();
        }
        trySend(positionReport);
    }

    /** Logs the session out (the venue is closing). */
    void logoutAndDisconnect()
    {
        session.logoutAndDisconnect();
    }

    /** A counterparty traded lastQty of a resting order: the fill is reported on this session. */
    void reportTrade(final VenueOrder order, final long lastQty)
    {
        send(order, 'F', order.leaves() == 0 ? '2' : '1', lastQty, order.price);
    }

    private void send(
        final VenueOrder order, final char execType, final char status, final long lastQty, final long lastPx)
    {
        encode(order, execType, status, lastQty, lastPx);
        trySend(report);
    }

    private void encode(
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
        venue.onSessionEnded(this, cancelOnDisconnect);
        return Action.CONTINUE;
    }

    public void onSessionStart(final Session session)
    {
    }
}
