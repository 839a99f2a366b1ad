package io.hedgeflow.gateway;

import org.agrona.MutableDirectBuffer;

/**
 * Where inbound frames come from: the simulator, a capture file, later a socket. Polled by one thread.
 */
public interface FrameSource extends AutoCloseable
{
    /** Returned by {@link #poll} when the source has no more frames. */
    int END = -1;

    /**
     * Copies the next frame into buffer at offset (at most maxLength bytes).
     *
     * @return the frame's length, 0 when none is ready yet, or {@link #END}.
     */
    int poll(MutableDirectBuffer buffer, int offset, int maxLength);

    /**
     * Work besides frames, done on the poller's thread while no frame is due on a paced feed (a FIX order route
     * sends the orders queued since the last call and polls its session, instead of waiting for the next frame's
     * time).
     *
     * @return work done.
     */
    default int doWork()
    {
        return 0;
    }

    /**
     * The run takes no more feed frames (a count reached): a source with work of its own after the feed (a FIX
     * order route's orders and venue reports) returns from now on only that work, then {@link #END}, as at the end
     * of its feed, and goes on doing it when polled after its end; any other source has nothing left to give.
     *
     * @return true when the source has such work, so the caller should keep polling it until {@link #END}.
     */
    default boolean stopFeed()
    {
        return false;
    }

    /** Frames the source itself dropped as unreadable (oversized or truncated records). */
    default long rejected()
    {
        return 0;
    }

    /** The source that reads the feed itself: this one, or the one a decorating source wraps. */
    default FrameSource origin()
    {
        return this;
    }

    @Override
    default void close()
    {
    }
}
