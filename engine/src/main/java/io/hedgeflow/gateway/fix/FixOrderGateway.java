package io.hedgeflow.gateway.fix;

import io.hedgeflow.gateway.fix.codecs.FixDictionaryImpl;
import io.hedgeflow.gateway.fix.codecs.builder.OrderCancelRequestEncoder;
import io.hedgeflow.gateway.fix.codecs.builder.OrderMassCancelRequestEncoder;
import io.hedgeflow.gateway.fix.codecs.builder.OrderMassStatusRequestEncoder;
import io.hedgeflow.gateway.fix.codecs.builder.RequestForPositionsEncoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import uk.co.real_logic.artio.Reply;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.SessionConfiguration;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.validation.AuthenticationStrategy;

import java.util.concurrent.TimeUnit;

/**
 * The order path to a FIX venue: sends the logic's orders as NewOrderSingle / OrderCancelRequest (ClOrdID = the
 * engine's order id in decimal, so it is stable across restarts) and hands the venue's ExecutionReports, duplicates
 * removed, to a {@link FixExecutionListener}. Logs on with Deribit's signature and (unless configured off)
 * cancel-on-disconnect; Artio keeps the sequence numbers across restarts, answers resend requests and sends
 * heartbeats and test requests. After every logon it asks the venue for the account's working orders
 * (OrderMassStatusRequest) and positions (RequestForPositions), whose answers go to a
 * {@link FixReconciliationListener}.
 * While no session is logged on the path is STALE: orders are refused and counted, and logon is retried every
 * reconnect interval. Polled by one thread, which also runs Artio's framer ({@link #poll()}, {@link #invokeFramer()}):
 * an order sent in a duty cycle is written to the socket in that cycle. {@link #close()}, on that thread, logs out.
 */
public final class FixOrderGateway implements AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 10;
    private static final int ALL_ORDERS = 7;
    private static final int POSITIONS = 0;

    private final FixOrderGatewayContext ctx;
    private final ArtioNode node;
    private final FixLibrary library;
    private final SessionConfiguration firstLogon;
    private final SessionConfiguration relogon;
    private final FixExecutionReportAdapter reports;
    private final ClOrdIdEncoder clOrdId = new ClOrdIdEncoder();
    private final NewOrderSingleFlyweight newOrder;
    private final OrderCancelRequestEncoder cancel = new OrderCancelRequestEncoder();
    private final OrderMassCancelRequestEncoder massCancel = new OrderMassCancelRequestEncoder();
    private final OrderMassStatusRequestEncoder massStatus = new OrderMassStatusRequestEncoder();
    private final RequestForPositionsEncoder positions = new RequestForPositionsEncoder();
    private final FixReconciliationListener reconciliation;
    private final UnsafeBuffer tickMetadata;
    private Reply<Session> logon;
    private Session session;
    private long nextLogonNs;
    private long logonFailures;
    private long sessionsLost;
    private long staleOrders;
    private long backPressured;
    private long massCancelsSent;
    private long logons;

    /** Starts the Artio stack and the first logon; {@link #poll()} drives it. */
    public FixOrderGateway(
        final FixOrderGatewayContext ctx,
        final FixExecutionListener listener,
        final FixReconciliationListener reconciliation)
    {
        this.ctx = ctx.conclude();
        this.reconciliation = reconciliation;
        newOrder = new NewOrderSingleFlyweight(ctx.orderType());
        tickMetadata = ctx.tickToWire() != null ? new UnsafeBuffer(new byte[TickToWireRecorder.METADATA_LENGTH]) : null;
        reports = new FixExecutionReportAdapter(listener, reconciliation, this::onSessionLost);
        firstLogon = sessionConfiguration(ctx, true);
        relogon = sessionConfiguration(ctx, false);
        node = new ArtioNode(ctx.dir(), -1, AuthenticationStrategy.none(),
            new DeribitLogonCustomisation(ctx.credentials(), ctx.cancelOnDisconnect()), ctx.tickToWire(),
            ctx.idleStrategy().newStrategy(), true);
        try
        {
            final LibraryConfiguration config = node.libraryConfiguration("gateway")
                .sessionAcquireHandler((acquired, info) -> reports);
            library = FixLibrary.connect(config);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(node);
            throw ex;
        }
    }

    /**
     * The process's first logon resets the sequence numbers (ResetSeqNumFlag 141=Y): after a crash the persisted
     * numbers may lag what was sent, and what the venue sent while the engine was down is recovered by the
     * reconciliation; a re-logon in the same process keeps them, so gaps are recovered by resend requests.
     */
    private static SessionConfiguration sessionConfiguration(final FixOrderGatewayContext ctx, final boolean reset)
    {
        return SessionConfiguration.builder()
            .address(ctx.host(), ctx.port())
            .senderCompId(ctx.credentials().clientId())
            .targetCompId(ctx.targetCompId())
            .sequenceNumbersPersistent(true)
            .resetSeqNum(reset)
            .timeoutInMs(ctx.replyTimeoutMs())
            .fixDictionary(FixDictionaryImpl.class)
            .build();
    }

    /** Polls the session: the framer, inbound reports, heartbeats, logon (re)tries. Returns the work done. */
    public int poll()
    {
        int work = pollArtio();
        if (logon != null && !logon.isExecuting())
        {
            if (logon.hasCompleted())
            {
                session = logon.resultIfPresent();
                requestReconciliation();
            }
            else
            {
                logonFailures++;
                nextLogonNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ctx.reconnectIntervalMs());
            }
            logon = null;
            work++;
        }
        if (session == null && logon == null && library.isConnected() && System.nanoTime() - nextLogonNs >= 0)
        {
            logon = library.initiate(logons == 0 ? firstLogon : relogon);
            work++;
        }
        return work;
    }

    /** Runs Artio's framer once: what was sent goes to the socket now, what the venue sent is read. */
    public int invokeFramer()
    {
        return node.invokeFramer();
    }

    private int pollArtio()
    {
        return node.invokeFramer() + library.poll(FRAGMENT_LIMIT);
    }

    /**
     * Asks the venue for the account's working orders and positions; when the session cannot take the requests
     * now (back pressure) the session is dropped and the next logon asks again.
     */
    private void requestReconciliation()
    {
        final long round = ++logons;
        massStatus.reset();
        massStatus.massStatusReqID(clOrdId.encode(round), clOrdId.length()).massStatusReqType(ALL_ORDERS);
        positions.reset();
        positions.posReqID(clOrdId.encode(round), clOrdId.length()).posReqType(POSITIONS);
        if (session.trySend(massStatus) < 0 || session.trySend(positions) < 0)
        {
            backPressured++;
            session.requestDisconnect();
            return;
        }
        reconciliation.onReconciliationRequested(round);
    }

    /** Logons that completed (each began a reconciliation round). */
    public long logons()
    {
        return logons;
    }

    /** Whether a session is logged on; when not, the order path is STALE. */
    public boolean isActive()
    {
        return session != null && session.isActive();
    }

    /**
     * Sends a NewOrderSingle for the engine's order.
     *
     * @param side FIX Side (54): '1' buy, '2' sell.
     * @return false when the path is STALE or Artio is back-pressured (both counted).
     */
    public boolean sendNewOrder(
        final long orderId, final CharSequence symbol, final char side, final long quantity, final long limitPrice)
    {
        return send(newOrder.wrap(orderId, symbol, side, quantity, limitPrice), null);
    }

    /**
     * Sends a NewOrderSingle for the engine's order made by the input whose tick time is tickNs; with a
     * {@link TickToWireRecorder} configured the order carries that time to it as Artio metadata.
     *
     * @param side FIX Side (54): '1' buy, '2' sell.
     * @return false when the path is STALE or Artio is back-pressured (both counted).
     */
    public boolean sendNewOrder(
        final long orderId, final CharSequence symbol, final char side, final long quantity, final long limitPrice,
        final long tickNs)
    {
        if (tickMetadata != null)
        {
            TickToWireRecorder.encode(tickMetadata, tickNs);
        }
        return send(newOrder.wrap(orderId, symbol, side, quantity, limitPrice), tickMetadata);
    }

    /** Sends an OrderCancelRequest for the engine's order; false when STALE or back-pressured (counted). */
    public boolean sendCancel(final long orderId, final CharSequence symbol)
    {
        cancel.reset();
        cancel.origClOrdID(clOrdId.encode(orderId), clOrdId.length()).symbol(symbol);
        return send(cancel, null);
    }

    /** Sends an OrderMassCancelRequest for every order of the account (the kill switch). */
    public boolean sendMassCancel(final long requestId)
    {
        massCancel.reset();
        massCancel.clOrdID(clOrdId.encode(requestId), clOrdId.length()).massCancelRequestType('7');
        final boolean sent = send(massCancel, null);
        if (sent)
        {
            massCancelsSent++;
        }
        return sent;
    }

    private boolean send(final Encoder encoder, final DirectBuffer metadata)
    {
        if (!isActive())
        {
            staleOrders++;
            return false;
        }
        if (session.trySend(encoder, metadata, 0) < 0)
        {
            backPressured++;
            return false;
        }
        return true;
    }

    private void onSessionLost()
    {
        session = null;
        sessionsLost++;
        nextLogonNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ctx.reconnectIntervalMs());
    }

    /** Logon attempts refused or timed out. */
    public long logonFailures()
    {
        return logonFailures;
    }

    /** Logged-on sessions lost (disconnects). */
    public long sessionsLost()
    {
        return sessionsLost;
    }

    /** Messages refused because the path was STALE. */
    public long staleOrders()
    {
        return staleOrders;
    }

    /** Messages refused because Artio was back-pressured. */
    public long backPressured()
    {
        return backPressured;
    }

    /** Mass cancels sent. */
    public long massCancelsSent()
    {
        return massCancelsSent;
    }

    /** Duplicate execution reports ignored. */
    public long duplicateReports()
    {
        return reports.duplicates();
    }

    /** Messages received ahead of a sequence gap, ignored until the venue resends them in order. */
    public long aheadOfGap()
    {
        return reports.aheadOfGap();
    }

    /** Execution reports whose ClOrdID is not an order id of this gateway. */
    public long unknownReports()
    {
        return reports.unknown();
    }

    /**
     * Logs out (when logged on) and waits a bounded time for the disconnect (then disconnects without logout), and
     * for a logon in flight to end, before it stops the Artio stack: the FixEngine's close waits for every
     * connection to end, and a connection still owned by a closed library never would (the close hung).
     */
    public void close()
    {
        try
        {
            final long timeoutNs = TimeUnit.MILLISECONDS.toNanos(ctx.replyTimeoutMs());
            final long deadlineNs = System.nanoTime() + timeoutNs;
            pollWhile(true, deadlineNs);
            if (logon != null && logon.hasCompleted())
            {
                session = logon.resultIfPresent();
            }
            logon = null;
            if (session != null)
            {
                session.logoutAndDisconnect();
                pollWhile(false, deadlineNs);
            }
            if (session != null)
            {
                session.requestDisconnect();
                pollWhile(false, deadlineNs + timeoutNs);
            }
        }
        finally
        {
            CloseHelper.closeAll(library, node);
        }
    }

    /** Polls the library while a logon is in flight (logonInFlight) or the session is connected, until deadlineNs. */
    private void pollWhile(final boolean logonInFlight, final long deadlineNs)
    {
        final IdleStrategy idle = new BackoffIdleStrategy();
        while ((logonInFlight ? logon != null && logon.isExecuting() : session != null) &&
            System.nanoTime() - deadlineNs < 0)
        {
            idle.idle(pollArtio());
        }
    }
}
