package io.hedgeflow.gateway.fix;

import io.hedgeflow.cli.HedgeflowTool;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderEncoder;
import io.hedgeflow.codecs.ReconciliationDecoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.logic.TestFrames;
import io.hedgeflow.status.EngineCounters;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.hedgeflow.gateway.fix.FixTestSupport.SECRET;
import static io.hedgeflow.gateway.fix.FixTestSupport.credentials;
import static io.hedgeflow.gateway.fix.FixTestSupport.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's FIX order route against the in-process venue: the reconciliation round after logon goes in after
 * the definitions and before market data or any order, the kill switch sends one mass cancel and holds orders
 * until released, and a lost session shows as a STALE order path in {@code hedgeflow stat}: orders are refused
 * until the route logs on again after its reconnect interval and has reconciled with the venue.
 */
@Timeout(90)
class FixOrderRouteTest
{
    private static final int PERP = 20;
    private static final long ONE = 100_000_000L;
    /** The route waits this long for its logon: the first Artio start in a JVM on a loaded machine can take 5 s. */
    private static final long REPLY_TIMEOUT_MS = 15_000;

    @TempDir
    Path dir;

    private final TestFrames frames = new TestFrames();
    private final Deque<byte[]> feed = new ArrayDeque<>();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final ExpandableArrayBuffer order = new ExpandableArrayBuffer(FrameHeader.MAX_FRAME_LENGTH);
    private final FrameEncoder orderFrames = new FrameEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final List<String> inputs = new ArrayList<>();
    private FixVenue venue;
    private FixOrderRoute route;
    private FixDropProxy proxy;
    private int venuePort;
    private long filled;

    @AfterEach
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void close() throws IOException
    {
        if (route != null)
        {
            route.close();
        }
        if (proxy != null)
        {
            proxy.close();
        }
        if (venue != null)
        {
            venue.close();
        }
    }

    @Test
    void shouldMassCancelOnceWhenTheKillSwitchEngagesAndSendNoOrderUntilReleased()
    {
        start();
        sendOrder(1);
        sendOrder(2);
        pollUntil(() -> venue.workingOrders() == 2);

        route.onKillSwitch(true);
        pollUntil(() -> inputs.stream().filter("CANCELED"::equals).count() == 2);
        assertEquals(0, venue.workingOrders());
        assertEquals(1, venue.massCancels());

        sendOrder(3);
        pollUntil(() -> inputs.contains("REJECTED"));
        assertEquals(2, venue.ordersReceived(), "no order leaves while the kill switch is engaged");

        route.onKillSwitch(false);
        sendOrder(4);
        pollUntil(() -> venue.ordersReceived() == 3);
        assertEquals(1, venue.massCancels());
        assertEquals(1, route.gateway().massCancelsSent());
    }

    @Test
    void shouldShowAStaleOrderPathAndTheSessionCountersInStatWhenTheSessionIsLost()
    {
        final Path engineDir = dir.resolve("engine");
        engineDir.toFile().mkdirs();
        try (EngineCounters counters = new EngineCounters(engineDir))
        {
            start();
            route.countInto(counters);
            pollUntil(() -> stat(engineDir).contains(" 1  fix session:"));
            assertTrue(stat(engineDir).contains(" 1  fix reconciliations:"), stat(engineDir));

            venue.close();
            venue = null;
            pollUntil(() -> route.gateway().sessionsLost() > 0 && stat(engineDir).contains(" 0  fix session:"));
            assertTrue(stat(engineDir).contains(" 1  fix sessions lost:"), stat(engineDir));

            sendOrder(5);
            pollUntil(() -> inputs.contains("REJECTED"));
            assertTrue(stat(engineDir).contains(" 1  fix orders refused:"), stat(engineDir));
        }
    }

    @Test
    void shouldGoStaleWhenTheVenueDropsTheSessionThenLogOnAgainAfterTheIntervalAndReconcileBeforeAnyOrder()
        throws IOException
    {
        final long reconnectIntervalMs = 1_000;
        final Path engineDir = dir.resolve("engine");
        engineDir.toFile().mkdirs();
        try (EngineCounters counters = new EngineCounters(engineDir))
        {
            start(true, reconnectIntervalMs);
            route.countInto(counters);
            sendOrder(1);
            sendOrder(2);
            pollUntil(() -> venue.workingOrders() == 2 && inputs.stream().filter("ACK"::equals).count() == 2);

            final long cutNs = System.nanoTime();
            proxy.disconnect();
            pollUntil(() -> route.gateway().sessionsLost() == 1);
            assertFalse(route.isLive());
            sendOrder(3);
            pollUntil(() -> inputs.contains("REJECTED"));
            assertEquals(1, route.rejectedUnsent(), "refused while STALE, reported back as REJECTED");
            assertTrue(stat(engineDir).contains(" 0  fix session:"), stat(engineDir));
            assertTrue(stat(engineDir).contains(" 1  fix orders refused:"), stat(engineDir));
            assertTrue(stat(engineDir).contains(" 1  fix sessions lost:"), stat(engineDir));

            pollUntil(() -> inputs.stream().filter("RECONCILIATION"::equals).count() == 2);
            final long relogonMs = (System.nanoTime() - cutNs) / 1_000_000;
            assertTrue(relogonMs >= reconnectIntervalMs, "logon again after the interval, was " + relogonMs + " ms");
            assertEquals(2, venue.logonsAccepted());
            assertEquals(2, venue.massStatusRequests());
            assertEquals(2, venue.workingOrders(), "no cancel-on-disconnect: the orders kept working");
            assertTrue(route.isLive());

            sendOrder(4);
            pollUntil(() -> venue.ordersReceived("4") == 1 && inputs.stream().filter("ACK"::equals).count() == 3);
            final List<String> sent = proxy.sentByGateway();
            final List<String> afterRelogon = sent.subList(sent.lastIndexOf("A"), sent.size());
            assertTrue(afterRelogon.indexOf("AF") > 0 && afterRelogon.indexOf("AN") > 0 &&
                afterRelogon.indexOf("D") > afterRelogon.indexOf("AF") &&
                afterRelogon.indexOf("D") > afterRelogon.indexOf("AN"),
                "mass status and positions asked before any new order: " + afterRelogon);
            assertEquals(0, venue.ordersReceived("3"), "the order refused while STALE never left");
            pollUntil(() -> stat(engineDir).contains(" 1  fix session:"));
            assertTrue(stat(engineDir).contains(" 2  fix logons:"), stat(engineDir));
            assertTrue(stat(engineDir).contains(" 2  fix reconciliations:"), stat(engineDir));
        }
    }

    @Test
    void shouldApplyOnceATradeReportedBetweenTheMassStatusAnswerAndThePositionsOnAnOrderTheRoundRegisters()
    {
        start(true, 200);
        sendOrder(1);
        pollUntil(() -> venue.workingOrders() == 1 && inputs.contains("ACK"));
        route.close();
        venue.tradeAfterNextMassStatus("1", ONE / 2);
        inputs.clear();
        feed.add(definition());

        route = route(venuePort, false, 200);
        pollUntil(() -> inputs.contains("RECONCILIATION"));
        pollOnce();
        assertEquals(List.of("FEED", "RECONCILIATION", "PARTIAL_FILL"), inputs, "the restarted route does not know " +
            "order 1 until its round registers it: the trade is held and goes in right after the round");
        assertEquals(ONE / 2, filled);
        assertEquals(2, venue.massStatusRequests(), "one round per logon");
        assertEquals(0, route.gateway().duplicateReports());
    }

    private void start()
    {
        start(false, 200);
    }

    /**
     * Starts the venue and the route; via a {@link FixDropProxy} (that can cut the connection) the logon does not ask
     * for cancel-on-disconnect, so working orders outlive a lost session.
     */
    private void start(final boolean viaProxy, final long reconnectIntervalMs)
    {
        final int port = freePort();
        venuePort = port;
        final Path keys = dir.resolve("keys");
        keys.toFile().mkdirs();
        venue = new FixVenue(new FixVenueContext().port(port)
            .credentials(FixCredentials.load(credentials(keys, "venue.credentials", SECRET, "rw-------")))
            .dir(dir.resolve("venue").toFile()));
        feed.add(definition());
        proxy = viaProxy ? proxy(port) : null;
        route = route(viaProxy ? proxy.port() : port, !viaProxy, reconnectIntervalMs);
        pollUntil(() -> inputs.contains("RECONCILIATION"));
        assertEquals(List.of("FEED", "RECONCILIATION"), inputs, "the definition passes, then the round goes in");
        assertTrue(route.isLive());
    }

    private FixOrderRoute route(final int port, final boolean cancelOnDisconnect, final long reconnectIntervalMs)
    {
        final Path keys = dir.resolve("keys");
        final FrameSource source = (buffer, offset, maxLength) ->
        {
            final byte[] next = feed.poll();
            if (next == null)
            {
                return 0;
            }
            buffer.putBytes(offset, next);
            return next.length;
        };
        return new FixOrderRoute(new FixOrderGatewayContext()
            .address("localhost", port)
            .credentials(FixCredentials.load(credentials(keys, "gateway.credentials", SECRET, "r--------")))
            .dir(dir.resolve("gateway").toFile())
            .orderType(OrderType.POST_ONLY)
            .cancelOnDisconnect(cancelOnDisconnect)
            .reconnectIntervalMs(reconnectIntervalMs)
            .replyTimeoutMs(REPLY_TIMEOUT_MS), source);
    }

    private byte[] definition()
    {
        final int length = frames.perpetual(PERP, 2, Settlement.LINEAR, 0.01, 0.05);
        final byte[] definition = new byte[length];
        frames.buffer.getBytes(0, definition);
        return definition;
    }

    private static FixDropProxy proxy(final int venuePort)
    {
        try
        {
            return new FixDropProxy(venuePort);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void sendOrder(final long orderId)
    {
        orderFrames.begin(order, 0, newOrder, 100, orderId, TestFrames.T0);
        newOrder.orderId(orderId).instrumentId(PERP).side(Side.BUY).quantity(ONE).limitPrice(2_000 * ONE)
            .triggerSequence(orderId);
        route.send(order, 0, orderFrames.end(newOrder));
    }

    /** Polls the route, naming each input it returns, until the condition holds (the test's timeout bounds it). */
    private void pollUntil(final BooleanSupplier condition)
    {
        while (!condition.getAsBoolean())
        {
            FixTestSupport.failIfInterrupted();
            if (pollOnce() == 0)
            {
                Thread.onSpinWait();
            }
        }
    }

    /** Polls the route once, naming the input it returns (if any) and summing the contracts filled. */
    private int pollOnce()
    {
        final int length = route.poll(frame, 0, frame.capacity());
        if (length > 0)
        {
            header.wrap(frame, FrameHeader.MESSAGE_OFFSET);
            if (header.templateId() == ExecutionReportDecoder.TEMPLATE_ID)
            {
                report.wrap(frame, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
                filled += report.lastQty();
            }
            inputs.add(switch (header.templateId())
            {
                case ReconciliationDecoder.TEMPLATE_ID -> "RECONCILIATION";
                case ExecutionReportDecoder.TEMPLATE_ID -> report.execType().name();
                default -> "FEED";
            });
        }
        return length;
    }

    private static String stat(final Path engineDir)
    {
        final StringWriter out = new StringWriter();
        HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "stat",
            "--dir", engineDir.toString());
        return out.toString();
    }
}
