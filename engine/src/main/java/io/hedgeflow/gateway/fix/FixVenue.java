package io.hedgeflow.gateway.fix;

import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import uk.co.real_logic.artio.CommonConfiguration;
import uk.co.real_logic.artio.library.AcquiringSessionExistsHandler;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.session.SessionCustomisationStrategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test venue: an Artio acceptor speaking Deribit's FIX 4.4 dialect that checks logon signatures and fills
 * orders ({@link VenueSessionHandler}). One account: its working orders and positions outlive sessions, so a
 * client that reconnects (or restarts) finds them through mass status and position requests. Runs its library on
 * its own agent thread, which alone touches the book; {@link #trade} is handed to that thread; the counters are
 * readable from any thread.
 */
public final class FixVenue implements AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 10;
    private static final long CLOSE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);

    private final FixVenueContext ctx;
    private final ArtioNode node;
    private final FixLibrary library;
    private final AgentRunner runner;
    private final DeribitAuthenticationStrategy authentication;
    private final Map<String, Integer> ordersByClOrdId = new ConcurrentHashMap<>();
    private final AtomicInteger working = new AtomicInteger();
    private final AtomicLong massCancels = new AtomicLong();
    private final AtomicLong backPressured = new AtomicLong();
    private final AtomicLong massStatusRequests = new AtomicLong();
    private final Map<String, VenueOrder> book = new LinkedHashMap<>();
    private final Map<String, Long> positions = new TreeMap<>();
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final List<Runnable> afterMassStatus = new ArrayList<>();
    private VenueSessionHandler active;
    private long orderIds;
    private long execIds;

    /** Starts the venue; it accepts sessions once this returns. */
    public FixVenue(final FixVenueContext ctx)
    {
        this.ctx = ctx.conclude();
        authentication = new DeribitAuthenticationStrategy(ctx.credentials());
        node = new ArtioNode(ctx.dir(), ctx.port(), authentication, SessionCustomisationStrategy.none(), null,
            CommonConfiguration.backoffIdleStrategy(), false);
        try
        {
            final LibraryConfiguration config = node.libraryConfiguration("venue")
                .sessionExistsHandler(new AcquiringSessionExistsHandler(false))
                .sessionAcquireHandler((session, info) -> new VenueSessionHandler(this.ctx, this, session));
            library = FixLibrary.connect(config);
            runner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null, new VenueAgent());
            AgentRunner.startOnThread(runner);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(node);
            throw ex;
        }
    }

    /** Logons accepted. */
    public long logonsAccepted()
    {
        return authentication.accepted();
    }

    /** Logons refused for a wrong client id or signature. */
    public long logonsRefused()
    {
        return authentication.refused();
    }

    /** How many NewOrderSingle messages carried this ClOrdID. */
    public int ordersReceived(final String clOrdId)
    {
        return ordersByClOrdId.getOrDefault(clOrdId, 0);
    }

    /** How many NewOrderSingle messages carried each ClOrdID. */
    public Map<String, Integer> ordersByClOrdId()
    {
        return Map.copyOf(ordersByClOrdId);
    }

    /** The account's resting orders: ClOrdID to contracts still working (Fixed8), read on the venue's thread. */
    public Map<String, Long> workingLeaves()
    {
        final CompletableFuture<Map<String, Long>> leaves = new CompletableFuture<>();
        commands.add(() ->
        {
            final Map<String, Long> copy = new LinkedHashMap<>();
            book.forEach((clOrdId, order) -> copy.put(clOrdId, order.leaves()));
            leaves.complete(copy);
        });
        return leaves.join();
    }

    /** NewOrderSingle messages received. */
    public int ordersReceived()
    {
        return ordersByClOrdId.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Orders resting at the venue over all sessions. */
    public int workingOrders()
    {
        return working.get();
    }

    /** OrderMassStatusRequest messages answered. */
    public long massStatusRequests()
    {
        return massStatusRequests.get();
    }

    /**
     * A counterparty takes quantity (Fixed8 contracts) of the resting order with this ClOrdID, on the venue's
     * thread: the fill is reported on the session logged on, if any (else it is only found later through mass
     * status and positions, as after a crash).
     */
    public void trade(final String clOrdId, final long quantity)
    {
        commands.add(() -> tradeNow(clOrdId, quantity));
    }

    /**
     * Like {@link #trade}, but right after the venue answers its next OrderMassStatusRequest, before it answers the
     * RequestForPositions that follows: a trade reported in the middle of a client's reconciliation round.
     */
    public void tradeAfterNextMassStatus(final String clOrdId, final long quantity)
    {
        commands.add(() -> afterMassStatus.add(() -> tradeNow(clOrdId, quantity)));
    }

    private void tradeNow(final String clOrdId, final long quantity)
    {
        final VenueOrder order = book.get(clOrdId);
        if (order != null)
        {
            final long lastQty = Math.min(quantity, order.leaves());
            onFill(order, lastQty);
            if (order.leaves() == 0)
            {
                cancel(order);
            }
            if (active != null)
            {
                active.reportTrade(order, lastQty);
            }
        }
    }

    /** OrderMassCancelRequest messages received. */
    public long massCancels()
    {
        return massCancels.get();
    }

    /** Reports the venue could not send because Artio was back-pressured. */
    public long backPressured()
    {
        return backPressured.get();
    }

    long nextOrderId()
    {
        return ++orderIds;
    }

    long nextExecId()
    {
        return ++execIds;
    }

    void onOrderReceived(final String clOrdId)
    {
        ordersByClOrdId.merge(clOrdId, 1, Integer::sum);
    }

    Map<String, VenueOrder> working()
    {
        return book;
    }

    Map<String, Long> positions()
    {
        return positions;
    }

    void rest(final VenueOrder order)
    {
        book.put(order.clOrdId, order);
        working.incrementAndGet();
    }

    /** Takes the order off the book (cancelled, or traded in full). */
    void cancel(final VenueOrder order)
    {
        if (book.remove(order.clOrdId) != null)
        {
            working.decrementAndGet();
        }
    }

    void onFill(final VenueOrder order, final long lastQty)
    {
        order.cumQty += lastQty;
        positions.merge(order.symbol, order.side == '1' ? lastQty : -lastQty, Long::sum);
    }

    boolean lastLogonAskedCancelOnDisconnect()
    {
        return authentication.lastAskedCancelOnDisconnect();
    }

    void onSessionStarted(final VenueSessionHandler handler)
    {
        active = handler;
    }

    /** The session dropped: with cancel-on-disconnect the account's working orders are cancelled. */
    void onSessionEnded(final VenueSessionHandler handler, final boolean cancelOnDisconnect)
    {
        if (active == handler)
        {
            active = null;
        }
        if (cancelOnDisconnect)
        {
            working.addAndGet(-book.size());
            book.clear();
        }
    }

    void onMassStatus()
    {
        massStatusRequests.incrementAndGet();
        afterMassStatus.forEach(Runnable::run);
        afterMassStatus.clear();
    }

    void onMassCancel()
    {
        massCancels.incrementAndGet();
    }

    void onBackPressure()
    {
        backPressured.incrementAndGet();
    }

    public void close()
    {
        CloseHelper.closeAll(runner, node);
    }

    private final class VenueAgent implements Agent
    {
        public int doWork()
        {
            int work = 0;
            Runnable command;
            while ((command = commands.poll()) != null)
            {
                command.run();
                work++;
            }
            return work + library.poll(FRAGMENT_LIMIT);
        }

        /**
         * Logs the session out and waits a bounded time for it to end before closing the library: the FixEngine's
         * close waits for every connection to end, and one still owned by a closed library never would.
         */
        public void onClose()
        {
            if (active != null)
            {
                active.logoutAndDisconnect();
                final IdleStrategy idle = new BackoffIdleStrategy();
                final long deadlineNs = System.nanoTime() + CLOSE_TIMEOUT_NS;
                while (active != null && System.nanoTime() - deadlineNs < 0)
                {
                    idle.idle(library.poll(FRAGMENT_LIMIT));
                }
            }
            library.close();
        }

        public String roleName()
        {
            return "fix-venue";
        }
    }
}
