package io.hedgeflow.pipeline;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;

import java.util.concurrent.locks.LockSupport;

/**
 * Takes frames from a {@link FrameSource} into slots, up to a limit per run, optionally paced: with a rate, frame n
 * of the run is due at start + n x interval and stamped with that intended time (latency free of coordinated
 * omission); unpaced, a frame is stamped when the source returned it. Either way the slot also carries that moment
 * ({@link FrameEvent#polledNs}: one clock read per frame, which the SHARED duty cycle reuses as the frame's take
 * time). Before a due time the poller gives the source its other work ({@link FrameSource#doWork()}: a FIX route
 * sends the orders of the frames just handled), parks until {@link #PARK_MARGIN_NS} before it (the pacing takes no
 * core) when that found nothing, then reports no frame so the thread's idle strategy covers the rest. Never waits
 * for anything else: the feed of every threading mode.
 */
final class FeedPoller
{
    /** Parking overshoots by the timer slack (50 us on Linux) and the wake-up: stop this long before a due time. */
    static final long PARK_MARGIN_NS = 100_000L;

    private final FrameSource source;
    private long polled;
    private long first;
    private long limit;
    private long startNs;
    private long intervalNs;
    private boolean ended;

    FeedPoller(final FrameSource source)
    {
        this.source = source;
    }

    /** Starts a run of up to maxFrames frames; with intervalNs &gt; 0 paced from startNs on. */
    void start(final long maxFrames, final long startNs, final long intervalNs)
    {
        first = polled;
        limit = maxFrames > Long.MAX_VALUE - polled ? Long.MAX_VALUE : polled + maxFrames;
        this.startNs = startNs;
        this.intervalNs = intervalNs;
    }

    /**
     * Polls the next frame into the slot, when the run has frames left and the next one is due.
     *
     * @return the frame's length, 0 when none is ready (or due) yet, {@link FrameSource#END} at the end of the feed.
     */
    int poll(final FrameEvent event)
    {
        if (ended)
        {
            return FrameSource.END;
        }
        if (polled >= limit)
        {
            return 0;
        }
        final long intendedNs = intervalNs > 0 ? startNs + (polled - first) * intervalNs : 0;
        if (intervalNs > 0)
        {
            final long nowNs = System.nanoTime();
            if (nowNs < intendedNs)
            {
                if (source.doWork() == 0 && intendedNs - nowNs > PARK_MARGIN_NS)
                {
                    LockSupport.parkNanos(intendedNs - nowNs - PARK_MARGIN_NS);
                }
                return 0;
            }
        }
        final int length = source.poll(event.input, 0, FrameHeader.MAX_FRAME_LENGTH);
        if (length == FrameSource.END)
        {
            ended = true;
        }
        else if (length > 0)
        {
            final long polledNs = System.nanoTime();
            event.inputLength = length;
            event.receiveNs = intervalNs > 0 ? intendedNs : polledNs;
            event.polledNs = polledNs;
            polled++;
        }
        return length;
    }

    /** True once the run has all its frames or the feed ended. */
    boolean done()
    {
        return ended || polled >= limit;
    }

    /** True once the source said {@link FrameSource#END}. */
    boolean ended()
    {
        return ended;
    }

    /** Frames taken from the source since the engine started. */
    long polled()
    {
        return polled;
    }
}
