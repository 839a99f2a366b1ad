package io.hedgeflow.cluster;

import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The latest output frames of the logic by output sequence, so a resend request is answered from memory: frames in a
 * byte ring (each contiguous: one that would wrap starts at the ring's beginning) with their offsets in an index
 * ring. Adding past either capacity forgets the oldest; the ring holds the consecutive sequences {@link #first()} to
 * {@link #end()} - 1. Garbage-free; one thread.
 */
final class OutputRing
{
    private final UnsafeBuffer bytes;
    private final int byteMask;
    private final int indexMask;
    private final long[] start;
    private final int[] length;
    private long first = 1;
    private long end = 1;
    private long byteTail;

    /**
     * @param capacityBytes bytes of frames held, a power of two at least the longest frame.
     * @param maxOutputs    frames held, a power of two.
     */
    OutputRing(final int capacityBytes, final int maxOutputs)
    {
        if (!BitUtil.isPowerOfTwo(capacityBytes) || !BitUtil.isPowerOfTwo(maxOutputs))
        {
            throw new IllegalArgumentException("capacities must be powers of two: " + capacityBytes + ", " +
                maxOutputs);
        }
        bytes = new UnsafeBuffer(new byte[capacityBytes]);
        byteMask = capacityBytes - 1;
        indexMask = maxOutputs - 1;
        start = new long[maxOutputs];
        length = new int[maxOutputs];
    }

    /**
     * Keeps an output frame; a sequence other than {@link #end()} (a member starting after its snapshot) starts the
     * ring again at it.
     */
    void add(final long sequence, final DirectBuffer buffer, final int offset, final int frameLength)
    {
        if (frameLength > bytes.capacity())
        {
            throw new IllegalArgumentException("frame of " + frameLength + " bytes exceeds the ring");
        }
        if (sequence != end)
        {
            first = sequence;
            end = sequence;
        }
        long at = byteTail;
        final int wrapped = (int)(at & byteMask);
        if (wrapped + frameLength > bytes.capacity())
        {
            at += bytes.capacity() - wrapped;
        }
        while (first < end && (end - first > indexMask || at + frameLength - start[index(first)] > bytes.capacity()))
        {
            first++;
        }
        bytes.putBytes((int)(at & byteMask), buffer, offset, frameLength);
        start[index(end)] = at;
        length[index(end)] = frameLength;
        byteTail = at + frameLength;
        end++;
    }

    /** The oldest output sequence held (equal to {@link #end()} when empty). */
    long first()
    {
        return first;
    }

    /** One past the newest output sequence held. */
    long end()
    {
        return end;
    }

    /** The bytes the frames live in. */
    DirectBuffer buffer()
    {
        return bytes;
    }

    /** Offset in {@link #buffer()} of a held sequence's frame. */
    int offset(final long sequence)
    {
        return (int)(start[index(sequence)] & byteMask);
    }

    /** Length of a held sequence's frame. */
    int length(final long sequence)
    {
        return length[index(sequence)];
    }

    private int index(final long sequence)
    {
        return (int)(sequence & indexMask);
    }
}
