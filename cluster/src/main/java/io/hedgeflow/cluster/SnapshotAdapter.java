package io.hedgeflow.cluster;

import io.aeron.Image;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.IdleStrategy;

import static io.hedgeflow.cluster.SnapshotPublisher.HEADER_LENGTH;
import static io.hedgeflow.cluster.SnapshotPublisher.MAGIC;
import static io.hedgeflow.cluster.SnapshotPublisher.ORDER;
import static io.hedgeflow.cluster.SnapshotPublisher.VERSION;

/**
 * Reads back what {@link SnapshotPublisher} wrote: the header message, then the logic snapshot's bytes, assembled
 * into one buffer for {@link io.hedgeflow.logic.HedgeLogic#restore}.
 */
final class SnapshotAdapter implements FragmentHandler
{
    private final ExpandableArrayBuffer snapshot;
    private final IdleStrategy idle;
    private int length = -1;
    private int received;

    SnapshotAdapter(final ExpandableArrayBuffer snapshot, final IdleStrategy idle)
    {
        this.snapshot = snapshot;
        this.idle = idle;
    }

    /**
     * Polls the image until the whole snapshot arrived.
     *
     * @return the snapshot's length in the buffer.
     */
    int read(final Image image)
    {
        idle.reset();
        while (length < 0 || received < length)
        {
            if (image.isEndOfStream() || image.isClosed())
            {
                throw new IllegalStateException("cluster snapshot ended after " + received + " of " + length +
                    " bytes");
            }
            idle.idle(image.poll(this, 16));
        }
        return length;
    }

    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (this.length < 0)
        {
            if (length != HEADER_LENGTH || buffer.getInt(offset, ORDER) != MAGIC ||
                buffer.getInt(offset + 4, ORDER) != VERSION)
            {
                throw new IllegalStateException("not a hedgeflow cluster snapshot of version " + VERSION);
            }
            this.length = buffer.getInt(offset + 8, ORDER);
            return;
        }
        snapshot.putBytes(received, buffer, offset, length);
        received += length;
    }
}
