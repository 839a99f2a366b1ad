package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * Per-channel sequencing and liveness, in logic time. A channel is STALE after a sequence gap until it recovers
 * (a ChannelReset, or gapRecoveryNs of logic time without another gap when that is positive), and while a channel
 * that has sent heartbeats has been silent for longer than heartbeatTimeoutNs. Books that took data from a stale
 * channel are not hedged.
 */
final class ChannelStates
{
    private final long[] lastSequence;
    private final long[] lastFrameNs;
    private final long[] staleUntilNs;
    private final long gapRecoveryNs;
    private final long heartbeatTimeoutNs;
    private long gapMask;
    private long heartbeatMask;

    ChannelStates(final int channels, final long gapRecoveryNs, final long heartbeatTimeoutNs)
    {
        lastSequence = new long[channels];
        lastFrameNs = new long[channels];
        staleUntilNs = new long[channels];
        this.gapRecoveryNs = gapRecoveryNs;
        this.heartbeatTimeoutNs = heartbeatTimeoutNs;
    }

    boolean isDuplicate(final int channel, final long sequence)
    {
        return sequence <= lastSequence[channel];
    }

    long lastSequence(final int channel)
    {
        return lastSequence[channel];
    }

    /** Records an accepted frame; returns true when its sequence leaves a gap (the channel goes STALE). */
    boolean onAccepted(final int channel, final long sequence, final long nowNs)
    {
        final boolean gap = sequence > lastSequence[channel] + 1;
        if (gap)
        {
            gapMask |= 1L << channel;
            staleUntilNs[channel] = gapRecoveryNs > 0 ? nowNs + gapRecoveryNs : Long.MAX_VALUE;
        }
        lastSequence[channel] = sequence;
        lastFrameNs[channel] = nowNs;
        return gap;
    }

    /** The channel's sequence restarts at 1 and a gap on it is recovered. */
    void reset(final int channel)
    {
        lastSequence[channel] = 0;
        gapMask &= ~(1L << channel);
    }

    /** From now on silence on the channel makes it stale. */
    void monitorHeartbeats(final int channel)
    {
        heartbeatMask |= 1L << channel;
    }

    void writeTo(final StateWriter out)
    {
        out.putInt(lastSequence.length);
        out.putLongs(lastSequence, lastSequence.length);
        out.putLongs(lastFrameNs, lastFrameNs.length);
        out.putLongs(staleUntilNs, staleUntilNs.length);
        out.putLong(gapMask);
        out.putLong(heartbeatMask);
    }

    void readFrom(final StateReader in)
    {
        if (in.getInt() != lastSequence.length)
        {
            throw new IllegalArgumentException("snapshot has a different number of channels");
        }
        in.getLongs(lastSequence, lastSequence.length);
        in.getLongs(lastFrameNs, lastFrameNs.length);
        in.getLongs(staleUntilNs, staleUntilNs.length);
        gapMask = in.getLong();
        heartbeatMask = in.getLong();
    }

    /** Bit set of the channels stale at logic time nowNs. */
    long staleMask(final long nowNs)
    {
        long stale = 0;
        for (long m = gapMask; m != 0; m &= m - 1)
        {
            final int c = Long.numberOfTrailingZeros(m);
            if (nowNs < staleUntilNs[c])
            {
                stale |= 1L << c;
            }
            else
            {
                gapMask &= ~(1L << c);
            }
        }
        for (long m = heartbeatMask; m != 0; m &= m - 1)
        {
            final int c = Long.numberOfTrailingZeros(m);
            if (nowNs - lastFrameNs[c] > heartbeatTimeoutNs)
            {
                stale |= 1L << c;
            }
        }
        return stale;
    }
}
