package io.hedgeflow.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The DEDICATED feed receiver: drains the source straight into ring slots, up to {@link DutyCycleAgent#BATCH}
 * frames per duty cycle (as Aeron's receiver drains its sockets), and never waits for the processor: only the
 * ring's capacity holds it back. Each time it finds the ring full it counts one back-pressure event and leaves the
 * frames in the source (for a socket: in the kernel's receive buffer). A ring that stays full for
 * {@link #STALL_TIMEOUT_NS} means the processor stopped: the run ends with an error instead of hanging.
 */
final class ReceiverAgent implements Agent
{
    static final long STALL_TIMEOUT_NS = 10_000_000_000L;

    private final FeedPoller feed;
    private final RingBuffer<FrameEvent> ring;
    private final AtomicCounter backPressure;
    private long claimed = -1;
    private boolean full;
    private long fullSinceNs;

    ReceiverAgent(final FeedPoller feed, final RingBuffer<FrameEvent> ring, final AtomicCounter backPressure)
    {
        this.feed = feed;
        this.ring = ring;
        this.backPressure = backPressure;
    }

    public int doWork()
    {
        int work = 0;
        while (work < DutyCycleAgent.BATCH && claim() && feed.poll(ring.get(claimed)) > 0)
        {
            ring.publish(claimed);
            claimed = -1;
            work++;
        }
        return work;
    }

    private boolean claim()
    {
        if (claimed >= 0)
        {
            return true;
        }
        try
        {
            claimed = ring.tryNext();
            full = false;
            return true;
        }
        catch (final InsufficientCapacityException ex)
        {
            onRingFull();
            return false;
        }
    }

    private void onRingFull()
    {
        final long nowNs = System.nanoTime();
        if (!full)
        {
            full = true;
            fullSinceNs = nowNs;
            backPressure.increment();
        }
        else if (nowNs - fullSinceNs > STALL_TIMEOUT_NS)
        {
            throw new IllegalStateException("pipeline stalled: ring full for " + STALL_TIMEOUT_NS / 1_000_000_000L +
                " s (see hedgeflow stat --errors)");
        }
    }

    public String roleName()
    {
        return "hedgeflow-receiver";
    }
}
