package io.hedgeflow.cli;

import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.pipeline.EngineContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * {@code run --cluster}: runs the feed and order clients against a replicated cluster instead of a local engine.
 * Provided by the cluster module (which depends on this one) through {@link ServiceLoader}.
 */
public interface ClusterRunner
{
    /**
     * Sends the feed to the clusters of the configuration and their orders to the gateway until the feed ends or
     * events frames were sent, then waits until the clusters applied everything.
     *
     * @param err           where progress and failover lines go.
     * @param clusterConfig the cluster configuration file (cluster.yaml).
     * @param ctx           the engine configuration: the simulator's and the simulated venue's settings.
     * @param feed          the input frames (with a FIX route, its execution reports too).
     * @param gateway       where orders go, or null for the simulated venue (closed loop).
     * @param events        most feed frames to send.
     * @param rate          frames per second, 0 as fast as possible.
     * @return the report of each cluster, in the configuration's order.
     */
    List<SessionReport> run(
        PrintWriter err,
        Path clusterConfig,
        EngineContext ctx,
        FrameSource feed,
        OrderGateway gateway,
        long events,
        double rate) throws IOException;

    /** The runner on the class path; exit 2 when the cluster module is not there. */
    static ClusterRunner load()
    {
        return ServiceLoader.load(ClusterRunner.class).findFirst().orElseThrow(() -> CliException.badInput(
            "--cluster needs the cluster module on the class path (scripts/hedgeflow puts it there)"));
    }
}
