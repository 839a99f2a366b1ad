package io.hedgeflow.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Writes a logic snapshot ({@link io.hedgeflow.logic.HedgeLogic#snapshot}, its deterministic layout unchanged) into
 * a cluster snapshot publication: a header message, then the snapshot bytes in messages of at most the
 * publication's payload length, so a snapshot of any size fits any term length. {@link SnapshotAdapter} reads it.
 * <pre>
 *  0               4               8               12              16
 *  +---------------+---------------+---------------+---------------+
 *  | magic "HFCS"  | version (1)   | length        | reserved (0)  |   header message; then length bytes
 *  +---------------+---------------+---------------+---------------+
 * </pre>
 */
final class SnapshotPublisher
{
    static final int MAGIC = 0x53434648;
    static final int VERSION = 1;
    static final int HEADER_LENGTH = 16;
    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_LENGTH]);
    private final IdleStrategy idle;

    SnapshotPublisher(final IdleStrategy idle)
    {
        this.idle = idle;
    }

    /** Offers the snapshot bytes, retrying under back pressure. */
    void publish(final ExclusivePublication publication, final DirectBuffer snapshot, final int length)
    {
        header.putInt(0, MAGIC, ORDER);
        header.putInt(4, VERSION, ORDER);
        header.putInt(8, length, ORDER);
        header.putInt(12, 0, ORDER);
        offer(publication, header, 0, HEADER_LENGTH);
        final int chunk = publication.maxPayloadLength();
        for (int offset = 0; offset < length; offset += chunk)
        {
            offer(publication, snapshot, offset, Math.min(chunk, length - offset));
        }
    }

    private void offer(final ExclusivePublication publication, final DirectBuffer buffer, final int offset,
        final int length)
    {
        idle.reset();
        long result;
        while ((result = publication.offer(buffer, offset, length)) < 0)
        {
            if (result == Publication.CLOSED || result == Publication.NOT_CONNECTED ||
                result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("snapshot publication refused the snapshot: " +
                    Publication.errorString(result));
            }
            idle.idle();
        }
    }
}
