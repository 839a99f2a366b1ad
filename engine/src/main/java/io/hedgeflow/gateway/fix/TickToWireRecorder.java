package io.hedgeflow.gateway.fix;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import uk.co.real_logic.artio.engine.MessageTimingHandler;

import static org.agrona.BitUtil.SIZE_OF_LONG;

/**
 * Tick-to-wire latency of the FIX order path, for the latency harness: the time from the tick that made an order
 * (the input's receive, or on a paced feed intended, {@link System#nanoTime()}) to its NewOrderSingle's bytes being
 * written to the TCP socket. The gateway attaches the tick time to each NewOrderSingle as Artio message metadata
 * ({@link #encode}); Artio's framer calls {@link #onMessage} right after writing a message to the socket (not for
 * resent messages), on the thread that runs the framer (the gateway's polling thread), the recorder's single writer. Messages without that metadata (cancels,
 * session messages) are not recorded. Garbage-free.
 */
public final class TickToWireRecorder implements MessageTimingHandler
{
    /** Length of the metadata the gateway attaches to a NewOrderSingle: the tick time. */
    public static final int METADATA_LENGTH = SIZE_OF_LONG;
    private static final long MAX_RECORDED_NS = 10_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(MAX_RECORDED_NS, SIGNIFICANT_DIGITS);

    /** Writes the tick time as the metadata of the next NewOrderSingle. */
    static void encode(final MutableDirectBuffer metadata, final long tickNs)
    {
        metadata.putLong(0, tickNs);
    }

    public void onMessage(
        final long sequenceNumber,
        final long connectionId,
        final DirectBuffer metaDataBuffer,
        final int metaDataOffset,
        final int metaDataLength)
    {
        if (metaDataLength == METADATA_LENGTH)
        {
            final long latencyNs = System.nanoTime() - metaDataBuffer.getLong(metaDataOffset);
            recorder.recordValue(Math.min(MAX_RECORDED_NS, Math.max(0L, latencyNs)));
        }
    }

    /**
     * Copies the values recorded since the previous call (the first call: since the start), in nanoseconds, into
     * target, replacing what it held. Any thread; the framer keeps recording meanwhile.
     */
    public void intervalInto(final Histogram target)
    {
        recorder.getIntervalHistogramInto(target);
    }
}
