package io.hedgeflow.cluster.client;

import io.aeron.cluster.service.Cluster;
import io.hedgeflow.cluster.ClusterConfigFile;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterNode;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.gateway.fix.FixCredentials;
import io.hedgeflow.gateway.fix.FixOrderGatewayContext;
import io.hedgeflow.gateway.fix.FixOrderRoute;
import io.hedgeflow.gateway.fix.FixVenue;
import io.hedgeflow.gateway.fix.FixVenueContext;
import io.hedgeflow.gateway.fix.OrderType;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.sim.MarketSimulator;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kill switch on the FIX path through a cluster ({@code run --cluster --orders-to fix://}): the FIX order route
 * is the cluster clients' feed source and order gateway, and post-only orders rest at the venue. A KillSwitch input
 * engages the cluster's logic; the acknowledgement tells the order client, which relays it to the route, as the
 * engine's order publisher does: one OrderMassCancelRequest, no order left working at the venue, and no order made
 * after the input.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterFixKillSwitchTest
{
    private static final int EVENTS = 20_000;
    private static final double RATE = 20_000;
    private static final int CONTROL_CHANNEL = 3;

    @TempDir
    Path dir;

    @Test
    void shouldSendOneMassCancelAndLeaveNoWorkingOrderWhenTheClustersKillSwitchEngages() throws Exception
    {
        final Path config = ClusterRunCommandTest.writeConfig(dir, 1);
        final ClusterContext cluster = ClusterConfigFile.load(config).clusters().getFirst();
        final EngineContext engine = ConfigFile.load(cluster.engineConfig());
        final FixCredentials credentials = FixCredentials.load(ClusterFixSupport.credentials(dir, "cluster-kill"));
        final int port = ClusterFixSupport.freePort();
        try (ClusterNode node = ClusterNode.launch(cluster, 0, engine, Throwable::printStackTrace, () -> { });
            FixVenue venue = new FixVenue(new FixVenueContext().port(port).credentials(credentials)
                .dir(dir.resolve("venue").toFile())))
        {
            while (node.role() != Cluster.Role.LEADER)
            {
                Thread.onSpinWait();
            }
            final KillSwitchFeed feed = new KillSwitchFeed(
                new SimFeedSource(new MarketSimulator(engine.simContext())), venue::workingOrders);
            final FixOrderRoute route = new FixOrderRoute(new FixOrderGatewayContext().address("127.0.0.1", port)
                .credentials(credentials).dir(dir.resolve("client-fix").toFile()).orderType(OrderType.POST_ONLY)
                .cancelOnDisconnect(false), feed);
            try (route; ClusterClients clients = new ClusterClients(ClusterConfigFile.load(config),
                engine.simContext(), route, route))
            {
                clients.feed().run(Long.MAX_VALUE, RATE);
                assertTrue(clients.feed().ended());
                clients.feed().drain(TimeUnit.SECONDS.toNanos(60));

                assertTrue(feed.workingAtKill >= 2, "orders were working when the kill switch engaged");
                assertEquals(1, clients.orders(0).killSwitchChanges());
                assertEquals(1, route.gateway().massCancelsSent());
                assertEquals(1, venue.massCancels());
                assertEquals(0, venue.workingOrders(), "the mass cancel left no order working");
                assertEquals(clients.orders(0).ordersSent(), venue.ordersReceived(), "each order reached the venue");
            }
        }
        assertEquals(0, ordersAfterTheKillSwitch(cluster.journalDir(0)), "no order while engaged");
    }

    /** NewOrder decisions of inputs journaled after the KillSwitch input. */
    private static long ordersAfterTheKillSwitch(final Path journalDir)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final long[] killSwitch = {Long.MAX_VALUE};
        final long[] after = {0};
        try (Journal journal = Journal.openReadOnly(journalDir);
            JournalReader inputs = journal.inputsReader();
            JournalReader decisions = journal.decisionsReader())
        {
            while (inputs.read((buffer, offset, length, stamp, sequence, index) ->
            {
                if (header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET).templateId() ==
                    KillSwitchDecoder.TEMPLATE_ID)
                {
                    killSwitch[0] = Math.min(killSwitch[0], sequence);
                }
            }))
            {
            }
            while (decisions.read((buffer, offset, length, stamp, sequence, index) ->
            {
                if (header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET).templateId() ==
                    NewOrderDecoder.TEMPLATE_ID && sequence > killSwitch[0])
                {
                    after[0]++;
                }
            }))
            {
            }
        }
        assertTrue(killSwitch[0] < Long.MAX_VALUE, "the KillSwitch input is journaled");
        return after[0];
    }

    /**
     * EVENTS frames of the simulated feed with one KillSwitch (engage, operator) frame in it, stamped with the last
     * market frame's time, as soon as the venue has two orders working (the feed waits for that at its end), then
     * the end of the feed: the route then polls until no order is in flight.
     */
    private static final class KillSwitchFeed implements FrameSource
    {
        private final FrameSource feed;
        private final IntSupplier working;
        private final FrameEncoder frames = new FrameEncoder();
        private final KillSwitchEncoder killSwitch = new KillSwitchEncoder();
        private long remaining = EVENTS;
        private long lastTimeNs;
        private int workingAtKill;

        KillSwitchFeed(final FrameSource feed, final IntSupplier working)
        {
            this.feed = feed;
            this.working = working;
        }

        public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
        {
            if (workingAtKill == 0 && lastTimeNs != 0 && working.getAsInt() >= 2)
            {
                workingAtKill = working.getAsInt();
                frames.begin(buffer, offset, killSwitch, CONTROL_CHANNEL, 1, lastTimeNs);
                killSwitch.engaged((short)1).origin(KillSwitchOrigin.OPERATOR);
                return frames.end(killSwitch);
            }
            if (remaining == 0)
            {
                return workingAtKill == 0 ? 0 : END;
            }
            final int length = feed.poll(buffer, offset, maxLength);
            if (length > 0)
            {
                remaining--;
                lastTimeNs = FrameHeader.sendingTimeNs(buffer, offset);
            }
            return length;
        }

        public void close()
        {
            feed.close();
        }
    }
}
