package io.hedgeflow.gateway.fix;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.hedgeflow.gateway.fix.FixTestSupport.SECRET;
import static io.hedgeflow.gateway.fix.FixTestSupport.credentials;
import static io.hedgeflow.gateway.fix.FixTestSupport.filesContaining;
import static io.hedgeflow.gateway.fix.FixTestSupport.freePort;
import static io.hedgeflow.gateway.fix.FixTestSupport.pollUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order gateway against the in-process test venue, both on real Artio stacks over TCP on localhost.
 */
@Timeout(90)
class FixOrderGatewayTest
{
    private static final String SYMBOL = "ETH-PERPETUAL";
    private static final long ONE = 100_000_000L;

    @TempDir
    Path dir;

    private final List<long[]> reports = new ArrayList<>();
    private final RecordingReconciliation reconciliation = new RecordingReconciliation();
    private final TickToWireRecorder tickToWire = new TickToWireRecorder();
    private FixVenue venue;
    private FixOrderGateway gateway;
    private FixDropProxy proxy;

    @AfterEach
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void close() throws IOException
    {
        if (gateway != null)
        {
            gateway.close();
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
    void shouldLogOnWithGoodSignatureAndFillAnOrder() throws Exception
    {
        start(new FixVenueContext(), OrderType.IOC, SECRET);

        assertTrue(gateway.sendNewOrder(7, SYMBOL, '1', 2 * ONE, 2_500 * ONE));
        pollUntil(gateway, () -> reports.size() == 2);

        assertReport(reports.get(0), 7, '0', '0', 0, 0, 2 * ONE, 0);
        assertReport(reports.get(1), 7, 'F', '2', 2 * ONE, 2_500 * ONE, 0, 2 * ONE);
        assertEquals(1, venue.ordersReceived("7"));
        assertEquals(1, venue.logonsAccepted());
        assertEquals(0, venue.logonsRefused());
    }

    @Test
    void shouldRefuseABadSignatureAndKeepTheOrderPathStale()
    {
        start(new FixVenueContext(), OrderType.LIMIT, "not-the-secret");

        pollUntil(gateway, () -> gateway.logonFailures() > 0);

        assertFalse(gateway.isActive());
        assertTrue(venue.logonsRefused() > 0);
        assertEquals(0, venue.logonsAccepted());
        assertFalse(gateway.sendNewOrder(1, SYMBOL, '1', ONE, ONE));
        assertEquals(1, gateway.staleOrders());
        assertEquals(0, venue.ordersReceived());
    }

    @Test
    void shouldSumPartialFillsExactly()
    {
        start(new FixVenueContext().fillSlices(3), OrderType.LIMIT, SECRET);

        assertTrue(gateway.sendNewOrder(11, SYMBOL, '2', 10 * ONE, 2_400 * ONE));
        pollUntil(gateway, () -> reports.size() == 4);

        long filled = 0;
        for (int i = 1; i < 4; i++)
        {
            assertEquals('F', (char)reports.get(i)[1]);
            filled += reports.get(i)[3];
        }
        assertEquals(10 * ONE, filled);
        assertEquals('2', (char)reports.get(3)[2]);
        assertEquals(10 * ONE, reports.get(3)[6]);
    }

    @Test
    void shouldIgnoreAndCountDuplicateExecutionReports()
    {
        start(new FixVenueContext().fillSlices(2).duplicateTradeReports(true), OrderType.LIMIT, SECRET);

        assertTrue(gateway.sendNewOrder(12, SYMBOL, '1', 4 * ONE, 2_400 * ONE));
        pollUntil(gateway, () -> gateway.duplicateReports() == 2);

        assertEquals(3, reports.size());
        assertEquals(4 * ONE, reports.get(1)[3] + reports.get(2)[3]);
    }

    @Test
    void shouldRecoverASequenceGapThroughAResendRequestAndApplyEachReportOnce() throws IOException
    {
        startViaProxy(new FixVenueContext().fillSlices(3), OrderType.LIMIT);
        proxy.dropNext("35=8", "150=F");

        assertTrue(gateway.sendNewOrder(61, SYMBOL, '1', 9 * ONE, 2_400 * ONE));
        pollUntil(gateway, () -> !reports.isEmpty() && reports.get(reports.size() - 1)[2] == '2');
        assertTrue(gateway.sendCancel(62, SYMBOL), "a marker: answered after everything the venue sent before");
        pollUntil(gateway, () -> reports.get(reports.size() - 1)[0] == 62);

        assertEquals(1, proxy.dropped(), "the first partial fill was lost on the way");
        assertTrue(proxy.sentByGateway("2") >= 1, "the gateway's session asked for a resend");
        assertEquals(5, reports.size(),
            "each report once, in order: " + reports.stream().map(Arrays::toString).toList());
        assertReport(reports.get(0), 61, '0', '0', 0, 0, 9 * ONE, 0);
        for (int fill = 1; fill <= 3; fill++)
        {
            assertReport(reports.get(fill), 61, 'F', fill < 3 ? '1' : '2', 3 * ONE, 2_400 * ONE, (9 - 3 * fill) * ONE,
                3 * fill * ONE);
        }
        assertTrue(gateway.aheadOfGap() >= 1, "the report after the gap waited for the resend");
    }

    @Test
    void shouldCancelAWorkingOrderAndMassCancelTheRest()
    {
        start(new FixVenueContext(), OrderType.POST_ONLY, SECRET);

        assertTrue(gateway.sendNewOrder(21, SYMBOL, '1', ONE, 2_000 * ONE));
        assertTrue(gateway.sendNewOrder(22, SYMBOL, '1', ONE, 1_990 * ONE));
        assertTrue(gateway.sendNewOrder(23, SYMBOL, '1', ONE, 1_980 * ONE));
        pollUntil(gateway, () -> reports.size() == 3 && venue.workingOrders() == 3);

        assertTrue(gateway.sendCancel(21, SYMBOL));
        pollUntil(gateway, () -> reports.size() == 4);
        assertReport(reports.get(3), 21, '4', '4', 0, 0, 0, 0);
        assertEquals(2, venue.workingOrders());

        assertTrue(gateway.sendMassCancel(1_000));
        pollUntil(gateway, () -> reports.size() == 6);
        assertEquals(0, venue.workingOrders());
        assertEquals(1, venue.massCancels());
    }

    @Test
    void shouldAskForWorkingOrdersAndPositionsAfterLogonAndReportATradeOnARestingOrder()
    {
        start(new FixVenueContext(), OrderType.POST_ONLY, SECRET, false);
        pollUntil(gateway, () -> reconciliation.ordersEnded == 1 && reconciliation.positionsEnded == 1);
        assertEquals(List.of(1L), reconciliation.rounds);
        assertEquals(List.of(), reconciliation.orders, "a lone report without ClOrdID when nothing works");
        assertEquals(List.of(), reconciliation.positions);
        assertEquals(1, venue.massStatusRequests());

        assertTrue(gateway.sendNewOrder(41, SYMBOL, '2', 3 * ONE, 2_600 * ONE));
        pollUntil(gateway, () -> venue.workingOrders() == 1);
        venue.trade("41", ONE);
        pollUntil(gateway, () -> reports.size() == 2);

        assertReport(reports.get(1), 41, 'F', '1', ONE, 2_600 * ONE, 2 * ONE, ONE);
        assertEquals(1, venue.workingOrders());
    }

    @Test
    void shouldHaveTheVenueCancelWorkingOrdersOnDisconnectWhenAsked()
    {
        start(new FixVenueContext(), OrderType.POST_ONLY, SECRET);
        assertTrue(gateway.sendNewOrder(51, SYMBOL, '1', ONE, 2_000 * ONE));
        pollUntil(gateway, () -> venue.workingOrders() == 1);

        gateway.close();
        gateway = null;

        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (venue.workingOrders() != 0 && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertEquals(0, venue.workingOrders());
    }

    @Test
    void shouldWriteAnOrderToTheSocketInTheFramerCycleOfThePollingThread()
    {
        start(new FixVenueContext(), OrderType.IOC, SECRET);
        final Histogram written = new Histogram(3);
        tickToWire.intervalInto(written);

        assertTrue(gateway.sendNewOrder(41, SYMBOL, '1', ONE, 2_500 * ONE, System.nanoTime()));
        tickToWire.intervalInto(written);
        assertEquals(0, written.getTotalCount(), "no other thread runs the gateway's framer");

        assertTrue(gateway.invokeFramer() > 0);
        tickToWire.intervalInto(written);
        assertEquals(1, written.getTotalCount(), "written to the socket in that framer cycle");
    }

    @Test
    void shouldNeverWriteTheSecret() throws Exception
    {
        start(new FixVenueContext(), OrderType.IOC, SECRET);
        assertTrue(gateway.sendNewOrder(31, SYMBOL, '1', ONE, 2_500 * ONE));
        pollUntil(gateway, () -> reports.size() == 2);
        gateway.close();
        gateway = null;
        venue.close();
        venue = null;

        assertEquals(List.of(), filesContaining(dir.resolve("gateway"), SECRET));
        assertEquals(List.of(), filesContaining(dir.resolve("venue"), SECRET));
    }

    private void start(final FixVenueContext venueCtx, final OrderType orderType, final String gatewaySecret)
    {
        start(venueCtx, orderType, gatewaySecret, true);
    }

    /** Starts the venue and a gateway connected to it through a {@link FixDropProxy}. */
    private void startViaProxy(final FixVenueContext venueCtx, final OrderType orderType) throws IOException
    {
        final int venuePort = freePort();
        proxy = new FixDropProxy(venuePort);
        startVenue(venueCtx.port(venuePort));
        startGateway(proxy.port(), orderType, SECRET, true);
    }

    /** Starts the venue and a gateway. */
    private void start(
        final FixVenueContext venueCtx, final OrderType orderType, final String gatewaySecret,
        final boolean cancelOnDisconnect)
    {
        startVenue(venueCtx.port(freePort()));
        startGateway(venueCtx.port(), orderType, gatewaySecret, cancelOnDisconnect);
    }

    private void startVenue(final FixVenueContext venueCtx)
    {
        venue = new FixVenue(venueCtx
            .credentials(FixCredentials.load(credentials(keys(), "venue.credentials", SECRET, "rw-------")))
            .dir(dir.resolve("venue").toFile()));
    }

    private Path keys()
    {
        final Path keys = dir.resolve("keys");
        keys.toFile().mkdirs();
        return keys;
    }

    private void startGateway(
        final int port, final OrderType orderType, final String gatewaySecret, final boolean cancelOnDisconnect)
    {
        gateway = new FixOrderGateway(new FixOrderGatewayContext()
            .address("localhost", port)
            .credentials(FixCredentials.load(credentials(keys(), "gateway.credentials", gatewaySecret, "r--------")))
            .dir(dir.resolve("gateway").toFile())
            .orderType(orderType)
            .cancelOnDisconnect(cancelOnDisconnect)
            .reconnectIntervalMs(200)
            .replyTimeoutMs(5_000)
            .tickToWire(tickToWire),
            (orderId, execType, status, lastQty, lastPx, leaves, cum) ->
                reports.add(new long[] { orderId, execType, status, lastQty, lastPx, leaves, cum }),
            reconciliation);
        if (SECRET.equals(gatewaySecret))
        {
            pollUntil(gateway, gateway::isActive);
        }
    }

    private static void assertReport(
        final long[] report, final long orderId, final char execType, final char status,
        final long lastQty, final long lastPx, final long leaves, final long cum)
    {
        assertEquals(List.of(orderId, (long)execType, (long)status, lastQty, lastPx, leaves, cum),
            List.of(report[0], report[1], report[2], report[3], report[4], report[5], report[6]));
    }
}
