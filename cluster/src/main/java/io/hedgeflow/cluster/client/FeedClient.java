package io.hedgeflow.cluster.client;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The feed side of a cluster run: polls any engine {@link FrameSource} (sim, capture file, UDP, Deribit pcap or
 * multicast, a FIX route's reports) and sends each frame as ingress to the cluster of its underlying
 * ({@link ShardRouter}) through that cluster's {@link ClusterConnection}, waiting with the idle strategy while a
 * resend window is full. Where a cluster's venue is simulated ({@link SimVenue}), the venue sees each market frame
 * first and its execution reports due by the frame's time go to the cluster ahead of it, as the engine's simulated
 * exchange closes the loop in {@code run --feed sim}. Single-threaded; garbage-free per frame.
 */
public final class FeedClient
{
    private static final long PARK_MARGIN_NS = 100_000L;
    private static final long QUIET_NS = TimeUnit.MILLISECONDS.toNanos(200);

    private final FrameSource source;
    private final ShardRouter router;
    private final ClusterConnection[] connections;
    private final SimVenue[] venues;
    private final OrderClient[] orders;
    private final IdleStrategy idle;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final UnsafeBuffer report = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final long[] logicTimeNs;
    private long frames;
    private long dropped;
    private boolean ended;

    /**
     * @param venues a simulated venue per cluster index, or null entries (and null) where orders go elsewhere.
     * @param orders the order client of each cluster index (its connection's output listener).
     */
    public FeedClient(
        final FrameSource source,
        final ShardRouter router,
        final ClusterConnection[] connections,
        final SimVenue[] venues,
        final OrderClient[] orders,
        final IdleStrategy idle)
    {
        this.source = source;
        this.router = router;
        this.connections = connections;
        this.venues = venues;
        this.orders = orders;
        this.idle = idle;
        logicTimeNs = new long[connections.length];
    }

    /**
     * Sends up to maxFrames frames of the source, paced at ratePerSecond when positive.
     *
     * @return frames taken from the source.
     */
    public long run(final long maxFrames, final double ratePerSecond)
    {
        final long intervalNs = ratePerSecond > 0 ? Math.max(1L, Math.round(1e9 / ratePerSecond)) : 0L;
        final long first = frames;
        final long startNs = System.nanoTime();
        idle.reset();
        while (!ended && frames - first < maxFrames)
        {
            if (intervalNs > 0)
            {
                final long waitNs = startNs + (frames - first) * intervalNs - System.nanoTime();
                if (waitNs > 0)
                {
                    LockSupport.parkNanos(Math.max(0, waitNs - PARK_MARGIN_NS));
                    idle.idle(pollAll());
                    continue;
                }
            }
            final int length = source.poll(frame, 0, FrameHeader.MAX_FRAME_LENGTH);
            if (length == FrameSource.END)
            {
                ended = true;
            }
            else if (length == 0)
            {
                idle.idle(pollAll());
            }
            else
            {
                frames++;
                route(length);
                pollAll();
            }
        }
        return frames - first;
    }

    /**
     * After the feed: keeps polling, sending the venues' reports due by each cluster's last frame time, and, when
     * the run stopped before the source's end, what the source still has of its own ({@link FrameSource#stopFeed}:
     * a FIX route's orders and venue reports, also after its end: the cluster's last orders may come later), until
     * the source ended, every frame is acknowledged and no output arrived for 200 ms.
     *
     * @throws IllegalStateException when that has not happened within timeoutNs.
     */
    public void drain(final long timeoutNs)
    {
        final long deadlineNs = System.nanoTime() + timeoutNs;
        long quietSinceNs = System.nanoTime();
        final boolean polling = !ended && source.stopFeed();
        idle.reset();
        while (polling && !ended || System.nanoTime() - quietSinceNs < QUIET_NS)
        {
            int work = pollAll();
            final int length = polling ? source.poll(frame, 0, FrameHeader.MAX_FRAME_LENGTH) : 0;
            if (length == FrameSource.END)
            {
                ended = true;
            }
            else if (length > 0)
            {
                frames++;
                route(length);
                work++;
            }
            for (int k = 0; k < connections.length; k++)
            {
                work += sendReports(k, logicTimeNs[k]);
                if (!connections[k].isIdle() || orders[k].lastOutputNs() > quietSinceNs)
                {
                    work++;
                }
            }
            final long nowNs = System.nanoTime();
            if (work > 0)
            {
                quietSinceNs = nowNs;
            }
            if (nowNs - deadlineNs > 0)
            {
                throw new IllegalStateException("the cluster did not acknowledge every frame within " +
                    TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms of the end of the feed: " + pending());
            }
            idle.idle(work);
        }
    }

    private void route(final int length)
    {
        final int target = router.route(frame, 0, length);
        if (target == ShardRouter.DROP)
        {
            dropped++;
        }
        else if (target == ShardRouter.EVERY)
        {
            for (int k = 0; k < connections.length; k++)
            {
                deliver(k, length);
            }
        }
        else
        {
            deliver(target, length);
        }
    }

    private void deliver(final int k, final int length)
    {
        router.sequence(frame, 0, length, k);
        final SimVenue venue = venues != null ? venues[k] : null;
        if (venue != null)
        {
            final long timeNs = FrameHeader.sendingTimeNs(frame, 0);
            logicTimeNs[k] = Math.max(logicTimeNs[k], timeNs);
            sendReports(k, timeNs);
            venue.onMarketFrame(frame, 0, length);
        }
        send(k, frame, length);
    }

    private int sendReports(final int k, final long timeNs)
    {
        final SimVenue venue = venues != null ? venues[k] : null;
        int sent = 0;
        int length;
        while (venue != null && (length = venue.poll(timeNs, report, 0)) > 0)
        {
            send(k, report, length);
            sent++;
        }
        return sent;
    }

    private void send(final int k, final UnsafeBuffer buffer, final int length)
    {
        while (!connections[k].send(buffer, 0, length))
        {
            idle.idle(pollAll());
        }
        idle.reset();
    }

    private String pending()
    {
        final StringBuilder sb = new StringBuilder();
        for (final ClusterConnection connection : connections)
        {
            sb.append(sb.isEmpty() ? "" : "; ").append(connection);
        }
        return sb.toString();
    }

    private int pollAll()
    {
        int work = 0;
        for (final ClusterConnection connection : connections)
        {
            work += connection.poll();
        }
        return work;
    }

    /** Frames taken from the source. */
    public long frames()
    {
        return frames;
    }

    /** Frames the router dropped as repeats of the source's sequence. */
    public long dropped()
    {
        return dropped;
    }

    /** True once the source ended. */
    public boolean ended()
    {
        return ended;
    }
}
