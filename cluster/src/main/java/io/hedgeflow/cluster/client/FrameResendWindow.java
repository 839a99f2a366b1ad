package io.hedgeflow.cluster.client;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The input frames a cluster client sent that the cluster has not acknowledged yet, in send order: after a failover
 * the client offers them again to the new leader ({@link #first()} to {@link #end()}). A frame the cluster did
 * apply is dropped there as a duplicate (HedgeLogic rejects a channel sequence it has already applied), so resending
 * too much is harmless and resending too little is not.
 * <p>
 * The cluster acknowledges per channel the highest sequence it applied ({@link #onAcknowledged}). The client's
 * frames reach the log in the order it sent them (resends too, in order), so once the cluster applied one frame it
 * has processed every frame sent before it, on any channel, whether the logic accepted or rejected them: an
 * acknowledgement releases the frames up to and including the first held frame of its channel and sequence. Matching
 * the frame in send order, not comparing sequences, stays right across a ChannelReset (the channel's sequence
 * restarting at 1). Positions are monotonic longs; frames live in a byte ring, each contiguous (a frame that would
 * wrap starts at the ring's beginning). Garbage-free; single-threaded.
 */
public final class FrameResendWindow
{
    /** Returned by {@link #onAcknowledged} when no frame held matched. */
    public static final long NOT_HELD = Long.MIN_VALUE;
    private static final int NONE = -1;

    private final UnsafeBuffer bytes;
    private final int byteMask;
    private final int frameMask;
    private final long[] start;
    private final int[] length;
    private final int[] channel;
    private final long[] sequence;
    private final long[] addedNs;
    private final long[] nextOnChannel;
    private final long[] firstOnChannel;
    private final long[] lastOnChannel;
    private long head;
    private long tail;
    private long byteTail;

    /**
     * @param capacityBytes bytes of frames held, a power of two of at least {@link FrameHeader#MAX_FRAME_LENGTH}.
     * @param maxFrames     frames held, a power of two.
     * @param channels      channel ids accepted: 0 to channels - 1.
     */
    public FrameResendWindow(final int capacityBytes, final int maxFrames, final int channels)
    {
        if (!BitUtil.isPowerOfTwo(capacityBytes) || capacityBytes < FrameHeader.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("capacityBytes must be a power of two >= " +
                FrameHeader.MAX_FRAME_LENGTH + ": " + capacityBytes);
        }
        if (!BitUtil.isPowerOfTwo(maxFrames))
        {
            throw new IllegalArgumentException("maxFrames must be a power of two: " + maxFrames);
        }
        bytes = new UnsafeBuffer(new byte[capacityBytes]);
        byteMask = capacityBytes - 1;
        frameMask = maxFrames - 1;
        start = new long[maxFrames];
        length = new int[maxFrames];
        channel = new int[maxFrames];
        sequence = new long[maxFrames];
        addedNs = new long[maxFrames];
        nextOnChannel = new long[maxFrames];
        firstOnChannel = new long[channels];
        lastOnChannel = new long[channels];
        Arrays.fill(firstOnChannel, NONE);
        Arrays.fill(lastOnChannel, NONE);
    }

    /**
     * Keeps a copy of a frame about to be sent, with the time it was added (for the acknowledgement's latency); its
     * channel and sequence are read from its header.
     *
     * @return false, keeping nothing, when the window is full (wait for acknowledgements) or the frame's channel is
     * out of range (it cannot be acknowledged; the caller drops and counts it).
     */
    public boolean add(final DirectBuffer buffer, final int offset, final int frameLength, final long nowNs)
    {
        final int c = FrameHeader.channelId(buffer, offset);
        if (c < 0 || c >= lastOnChannel.length || frameLength <= 0 || frameLength > bytes.capacity() ||
            tail - head > frameMask)
        {
            return false;
        }
        long at = byteTail;
        final int wrapped = (int)(at & byteMask);
        if (wrapped + frameLength > bytes.capacity())
        {
            at += bytes.capacity() - wrapped;
        }
        final long byteHead = head < tail ? start[(int)(head & frameMask)] : at;
        if (at + frameLength - byteHead > bytes.capacity())
        {
            return false;
        }
        bytes.putBytes((int)(at & byteMask), buffer, offset, frameLength);
        final int k = (int)(tail & frameMask);
        start[k] = at;
        length[k] = frameLength;
        channel[k] = c;
        sequence[k] = FrameHeader.sequence(buffer, offset);
        addedNs[k] = nowNs;
        nextOnChannel[k] = NONE;
        if (firstOnChannel[c] == NONE)
        {
            firstOnChannel[c] = tail;
        }
        else
        {
            nextOnChannel[(int)(lastOnChannel[c] & frameMask)] = tail;
        }
        lastOnChannel[c] = tail;
        byteTail = at + frameLength;
        tail++;
        return true;
    }

    /**
     * The cluster applied channel c up to sequence s: the first held frame of c with sequence s, and every frame sent
     * before it, are released. An acknowledgement that matches no frame held (one released already, a channel of
     * another client) changes nothing.
     *
     * @return when the acknowledged frame was added, or {@link #NOT_HELD} when no frame held matched.
     */
    public long onAcknowledged(final int c, final long s)
    {
        if (c < 0 || c >= firstOnChannel.length)
        {
            return NOT_HELD;
        }
        long p = firstOnChannel[c];
        while (p != NONE && sequence[(int)(p & frameMask)] != s)
        {
            p = nextOnChannel[(int)(p & frameMask)];
        }
        if (p == NONE)
        {
            return NOT_HELD;
        }
        final long added = addedNs[(int)(p & frameMask)];
        releaseTo(p + 1);
        return added;
    }

    private void releaseTo(final long position)
    {
        while (head < position)
        {
            final int k = (int)(head & frameMask);
            final int c = channel[k];
            firstOnChannel[c] = nextOnChannel[k];
            if (nextOnChannel[k] == NONE)
            {
                lastOnChannel[c] = NONE;
            }
            head++;
        }
    }

    /** Position of the oldest frame held. */
    public long first()
    {
        return head;
    }

    /** Position after the newest frame held. */
    public long end()
    {
        return tail;
    }

    /** Frames held. */
    public int size()
    {
        return (int)(tail - head);
    }

    /** True when every frame sent was acknowledged. */
    public boolean isEmpty()
    {
        return head == tail;
    }

    /** The buffer the held frames are in. */
    public DirectBuffer buffer()
    {
        return bytes;
    }

    /** Offset in {@link #buffer()} of the frame at position. */
    public int offset(final long position)
    {
        return (int)(start[(int)(position & frameMask)] & byteMask);
    }

    /** Length of the frame at position. */
    public int length(final long position)
    {
        return length[(int)(position & frameMask)];
    }
}
