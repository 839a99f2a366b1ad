package io.hedgeflow.control;

import java.util.Arrays;

/**
 * The nonces of the commands accepted within the staleness window, in a fixed number of slots: a nonce is refused
 * while a command with it is remembered, and a slot is reused once its command's timestamp has fallen out of the
 * window (a replay of it is then stale anyway). When every slot holds a command still inside the window, a new
 * nonce is refused too (fail closed: {@link #capacity()} commands per window is far above any operator's rate).
 * Garbage-free; not thread-safe.
 */
public final class NonceWindow
{
    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] nonces;
    private final long[] timestamps;

    public NonceWindow(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        nonces = new long[capacity];
        timestamps = new long[capacity];
        Arrays.fill(timestamps, EMPTY);
    }

    /**
     * Remembers a nonce unless it is already remembered or no slot is free.
     *
     * @param nonce        the command's nonce.
     * @param timestampNs  the command's timestamp (already checked to be within the window of nowNs).
     * @param oldestNs     timestamps before this are out of the window: their slots are free.
     * @return true when the nonce was new and is now remembered.
     */
    public boolean add(final long nonce, final long timestampNs, final long oldestNs)
    {
        int free = -1;
        for (int i = 0; i < nonces.length; i++)
        {
            final boolean live = timestamps[i] != EMPTY && timestamps[i] >= oldestNs;
            if (live && nonces[i] == nonce)
            {
                return false;
            }
            if (!live && free < 0)
            {
                free = i;
            }
        }
        if (free < 0)
        {
            return false;
        }
        nonces[free] = nonce;
        timestamps[free] = timestampNs;
        return true;
    }

    public int capacity()
    {
        return nonces.length;
    }
}
