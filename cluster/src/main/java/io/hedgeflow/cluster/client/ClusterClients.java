package io.hedgeflow.cluster.client;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterTopology;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.sim.SimContext;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The clients of a cluster run, wired: an embedded media driver and Aeron client in DIR/client (DIR: the first
 * cluster's directory, never the shared /dev/shm default), and per cluster a {@link ClusterConnection} with its
 * {@link FrameResendWindow}, an {@link OrderClient} with its {@link OrderHighWaterMark}
 * ({@code DIR/client/orders-cluster-ID.hwm}) and, without an order gateway, a {@link SimVenue}; a
 * {@link FeedClient} drives them all on the caller's thread.
 */
public final class ClusterClients implements AutoCloseable
{
    /** Most unacknowledged bytes of frames per cluster. */
    public static final int WINDOW_BYTES = 16 * 1024 * 1024;
    /** Most unacknowledged frames per cluster. */
    public static final int WINDOW_FRAMES = 128 * 1024;
    /** How long a connection waits for a leader before the run fails. */
    public static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    private final ClusterTopology topology;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final ClusterConnection[] connections;
    private final OrderClient[] orders;
    private final SimVenue[] venues;
    private final Histogram ackLatency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    private final FeedClient feed;

    /** Connects to every cluster of the topology; gateway null: a simulated venue per cluster. */
    public ClusterClients(
        final ClusterTopology topology, final SimContext sim, final FrameSource source, final OrderGateway gateway)
        throws IOException
    {
        this.topology = topology;
        final Path dir = Files.createDirectories(topology.clusters().getFirst().directory().resolve("client"));
        final IdleStrategy idle = new BackoffIdleStrategy();
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(dir.resolve("aeron").toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        final int n = topology.clusters().size();
        connections = new ClusterConnection[n];
        orders = new OrderClient[n];
        venues = gateway == null ? new SimVenue[n] : null;
        Aeron client = null;
        try
        {
            client = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            for (int k = 0; k < n; k++)
            {
                final ClusterContext cluster = topology.clusters().get(k);
                final OrderGateway out = gateway != null ? gateway : (venues[k] = new SimVenue(sim));
                orders[k] = new OrderClient(OrderHighWaterMark.open(
                    dir.resolve("orders-cluster-" + cluster.clusterId() + ".hwm"), false), out);
                connections[k] = new ClusterConnection(cluster, client, new FrameResendWindow(WINDOW_BYTES,
                    WINDOW_FRAMES, HedgeLogic.CHANNELS), orders[k], ackLatency, idle, CONNECT_TIMEOUT_NS);
            }
        }
        catch (final RuntimeException | IOException ex)
        {
            closeAll(client);
            throw ex;
        }
        aeron = client;
        feed = new FeedClient(source, new ShardRouter(topology), connections, venues, orders, idle);
    }

    /** The feed client that drives the run. */
    public FeedClient feed()
    {
        return feed;
    }

    /** The configuration's clusters and shards. */
    public ClusterTopology topology()
    {
        return topology;
    }

    /** The connection to the cluster of index k (configuration order). */
    public ClusterConnection connection(final int k)
    {
        return connections[k];
    }

    /** The order client of the cluster of index k. */
    public OrderClient orders(final int k)
    {
        return orders[k];
    }

    /** The simulated venue of the cluster of index k, null when orders go to a gateway. */
    public SimVenue venue(final int k)
    {
        return venues != null ? venues[k] : null;
    }

    /** Time from adding a frame to the cluster's acknowledgement of it, in ns, over all clusters. */
    public Histogram ackLatency()
    {
        return ackLatency;
    }

    public void close()
    {
        closeAll(aeron);
    }

    private void closeAll(final Aeron client)
    {
        CloseHelper.closeAll(connections);
        CloseHelper.closeAll(orders);
        CloseHelper.closeAll(client, driver);
    }
}
