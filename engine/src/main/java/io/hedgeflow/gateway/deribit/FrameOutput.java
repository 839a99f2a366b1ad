package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.ChannelResetEncoder;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import org.agrona.MutableDirectBuffer;

/**
 * The engine frames normalized from one packet, queued until polled. Deribit channel c maps to engine channel
 * {@link #ENGINE_CHANNEL_BASE} + c (channels 1 to 3 are the simulator's, the exchange's and the operator's); each
 * engine channel is numbered from 1 without gaps, except the one hole {@link #hole} leaves for a Deribit gap, which
 * the logic sees as a gap (the channel goes STALE), until {@link #reset} sends a ChannelReset.
 * <p>
 * The queue holds at least 1 MiB: a 64 KiB datagram of the smallest messages that produce the largest frames (an
 * empty book change, 49 bytes, for a BookLevels frame of at most 400 bytes) needs about 540 KiB. No frame starts
 * closer than {@link FrameHeader#MAX_FRAME_LENGTH} to its end, so the frames are encoded without bounds checks
 * ({@link UncheckedBuffer}).
 */
final class FrameOutput
{
    /** Engine channel of Deribit channel 0. */
    static final int ENGINE_CHANNEL_BASE = 16;
    private static final int CAPACITY = 1 << 20;

    static
    {
        if (ENGINE_CHANNEL_BASE + DeribitAdapter.MAX_CHANNELS > HedgeLogic.CHANNELS)
        {
            throw new IllegalStateException("Deribit channels do not fit the logic's channels");
        }
    }

    private final UncheckedBuffer buffer = new UncheckedBuffer(new byte[CAPACITY]);
    private final FrameEncoder frameEncoder = new FrameEncoder();
    private final ChannelResetEncoder resetEncoder = new ChannelResetEncoder();
    private final long[] sequence = new long[HedgeLogic.CHANNELS];
    private int writePosition;
    private int readPosition;
    private long timeNs;

    /** Logic time of the frames that follow (never moves back). */
    void time(final long timeNs)
    {
        this.timeNs = Math.max(this.timeNs, timeNs);
    }

    static int engineChannel(final int deribitChannel)
    {
        return ENGINE_CHANNEL_BASE + deribitChannel;
    }

    /**
     * Starts a frame on the engine channel of a Deribit channel for a message of this SBE block length and template
     * id (its encoder's constants); the encoder then wraps {@link #buffer()} at the returned offset. Each caller
     * wraps its own encoder class, so no frame goes through a flyweight interface call (which, seen with half a dozen
     * encoder classes, would be a megamorphic dispatch per frame).
     */
    int begin(final int blockLength, final int templateId, final int deribitChannel)
    {
        if (writePosition > CAPACITY - FrameHeader.MAX_FRAME_LENGTH)
        {
            throw new IllegalStateException("frame queue full: " + writePosition + " of " + CAPACITY + " bytes");
        }
        final int channel = engineChannel(deribitChannel);
        return frameEncoder.begin(buffer, writePosition, blockLength, templateId, channel, ++sequence[channel],
            timeNs);
    }

    /** The queue the frames are encoded into (see {@link #begin}). */
    MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /** Ends the frame begun last, whose message body is encodedLength bytes. */
    void end(final int encodedLength)
    {
        writePosition += frameEncoder.end(encodedLength);
    }

    /** Leaves a hole in the channel's numbering: the logic sees a gap at the next frame. */
    void hole(final int deribitChannel)
    {
        sequence[engineChannel(deribitChannel)]++;
    }

    /** A ChannelReset on the channel; its next frame is numbered 1. */
    void reset(final int deribitChannel)
    {
        resetEncoder.wrap(buffer, begin(ChannelResetEncoder.BLOCK_LENGTH, ChannelResetEncoder.TEMPLATE_ID,
            deribitChannel)).reserved(0);
        end(resetEncoder.encodedLength());
        sequence[engineChannel(deribitChannel)] = 0;
    }

    /** Copies the next queued frame to dst; its length, 0 when none is queued. */
    int poll(final MutableDirectBuffer dst, final int offset, final int maxLength)
    {
        if (readPosition == writePosition)
        {
            readPosition = 0;
            writePosition = 0;
            return 0;
        }
        final int length = FrameHeader.frameLength(buffer, readPosition);
        if (length > maxLength)
        {
            throw new IllegalArgumentException("frame of " + length + " bytes for a buffer of " + maxLength);
        }
        dst.putBytes(offset, buffer, readPosition, length);
        readPosition += length;
        return length;
    }
}
