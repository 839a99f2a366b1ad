package io.hedgeflow.cluster.client;

import io.aeron.cluster.service.Cluster;
import io.hedgeflow.cluster.ClusterConfigFile;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterNode;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.gateway.fix.FixCredentials;
import io.hedgeflow.gateway.fix.FixOrderGatewayContext;
import io.hedgeflow.gateway.fix.FixOrderRoute;
import io.hedgeflow.gateway.fix.FixVenue;
import io.hedgeflow.gateway.fix.FixVenueContext;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.sim.MarketSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster run whose feed is cut by a count ({@code run --cluster --feed sim --events N --orders-to fix://}): the
 * FIX order route is the feed source and the order gateway of a one-member cluster. Once the count is reached the
 * feed client keeps polling the route, which sends the orders the cluster makes from the last frames and forwards
 * the venue's reports, until it ends as after a feed that ends: every order the cluster made reaches the venue.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClusterFixFeedCountTest
{
    private static final long EVENTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void shouldKeepPollingTheRouteOnceTheCountIsReachedUntilEveryOrderOfTheClusterReachedTheVenue() throws Exception
    {
        final Path config = ClusterRunCommandTest.writeConfig(dir, 1);
        final ClusterContext cluster = ClusterConfigFile.load(config).clusters().getFirst();
        final EngineContext engine = ConfigFile.load(cluster.engineConfig());
        final FixCredentials credentials = FixCredentials.load(ClusterFixSupport.credentials(dir, "cluster-count"));
        final int port = ClusterFixSupport.freePort();
        try (ClusterNode node = ClusterNode.launch(cluster, 0, engine, Throwable::printStackTrace, () -> { });
            FixVenue venue = new FixVenue(new FixVenueContext().port(port).credentials(credentials)
                .dir(dir.resolve("venue").toFile())))
        {
            while (node.role() != Cluster.Role.LEADER)
            {
                Thread.onSpinWait();
            }
            final FixOrderRoute route = new FixOrderRoute(new FixOrderGatewayContext().address("127.0.0.1", port)
                .credentials(credentials).dir(dir.resolve("client-fix").toFile()),
                new SimFeedSource(new MarketSimulator(engine.simContext())));
            try (route; ClusterClients clients = new ClusterClients(ClusterConfigFile.load(config),
                engine.simContext(), route, route))
            {
                assertEquals(EVENTS, clients.feed().run(EVENTS, 0));
                assertFalse(clients.feed().ended(), "the count cut the feed");
                clients.feed().drain(TimeUnit.SECONDS.toNanos(60));

                assertTrue(clients.feed().ended(), "the route drained, then ended");
                assertTrue(clients.orders(0).ordersSent() > 0, "the cluster made orders");
                assertEquals(0, route.rejectedUnsent(), "refused orders: " + route.gateway().staleOrders() +
                    " stale, live " + route.isLive());
                assertEquals(clients.orders(0).ordersSent(), venue.ordersReceived(), "each order reached the venue");
            }
        }
    }
}
