package io.hedgeflow.gateway;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.locks.LockSupport;

/**
 * Plays every frame of a source to a {@link UdpFramePublisher} at a constant rate: the load generator behind
 * {@code hedgeflow send}. Frame i is sent at start + i / rate, a fixed schedule, so the rate does not drift and a late
 * frame is followed by the ones due without waiting (catch-up). Waits park while the next frame is far off and yield
 * close to it. Nothing is allocated per frame.
 */
public final class CapturePlayer
{
    private static final long PARK_MARGIN_NS = 200_000;

    private final UnsafeBuffer frame =
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(FrameHeader.MAX_FRAME_LENGTH, 64));
    private final UdpFramePublisher publisher;

    public CapturePlayer(final UdpFramePublisher publisher)
    {
        this.publisher = publisher;
    }

    /**
     * Sends the source's frames until it ends.
     *
     * @param ratePerSecond frames per second; 0 = as fast as possible.
     * @return frames sent.
     */
    public long play(final FrameSource source, final double ratePerSecond)
    {
        if (!(ratePerSecond >= 0))
        {
            throw new IllegalArgumentException("ratePerSecond must not be negative: " + ratePerSecond);
        }
        final double intervalNs = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
        final long startNs = System.nanoTime();
        long frames = 0;
        int length;
        while ((length = source.poll(frame, 0, FrameHeader.MAX_FRAME_LENGTH)) != FrameSource.END)
        {
            if (length > 0)
            {
                if (intervalNs > 0)
                {
                    awaitNs(startNs + (long)(frames * intervalNs));
                }
                publisher.send(frame, 0, length);
                frames++;
            }
        }
        return frames;
    }

    private static void awaitNs(final long deadlineNs)
    {
        long remainingNs;
        while ((remainingNs = deadlineNs - System.nanoTime()) > 0)
        {
            if (remainingNs > PARK_MARGIN_NS)
            {
                LockSupport.parkNanos(remainingNs - PARK_MARGIN_NS);
            }
            else
            {
                Thread.yield();
            }
        }
    }
}
