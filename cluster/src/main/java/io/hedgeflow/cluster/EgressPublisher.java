package io.hedgeflow.cluster;

import io.aeron.Publication;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.function.Consumer;

/**
 * Broadcasts egress messages to the open client sessions, the cluster's own list of them, which also holds the
 * sessions a member restored from a snapshot (for those the service gets no onSessionOpen); on followers Aeron makes
 * each offer a no-op. Under back pressure it retries a bounded number of times, so a client that stops reading
 * cannot stall the cluster; a message it gives up on is counted ({@link #dropped()}): a client sees the gap in the
 * output sequences (or in an acknowledgement's output count) and asks for the outputs again, and resends its
 * inputs from its window. Output frames go out behind their output header ({@link ClusterProtocol}).
 * Garbage-free: the cluster walks its session list by index with a consumer made once.
 */
final class EgressPublisher
{
    /** Offers per message and session before giving up on it. */
    static final int MAX_ATTEMPTS = 10_000;

    private final Cluster cluster;
    private final IdleStrategy idle;
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[ClusterProtocol.MAX_OUTPUT_LENGTH]);
    private final Consumer<ClientSession> sendWrapped = this::sendWrapped;
    private int outputLength;
    private long dropped;

    EgressPublisher(final Cluster cluster)
    {
        this.cluster = cluster;
        this.idle = cluster.idleStrategy();
    }

    /** Offers an output frame with its output sequence to every open session. */
    void broadcastOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        outputLength = wrapOutput(sequence, false, buffer, offset, length);
        cluster.forEachClientSession(sendWrapped);
    }

    private void sendWrapped(final ClientSession session)
    {
        send(session, output, 0, outputLength);
    }

    /** Offers an output frame with its output sequence to one session, flagged as resent. */
    void resendOutput(final ClientSession session, final long sequence, final DirectBuffer buffer, final int offset,
        final int length)
    {
        send(session, output, 0, wrapOutput(sequence, true, buffer, offset, length));
    }

    /** Offers a message to one session. */
    void send(final ClientSession session, final DirectBuffer buffer, final int offset, final int length)
    {
        idle.reset();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++)
        {
            final long result = session.offer(buffer, offset, length);
            if (result > 0 || result == Publication.CLOSED || result == Publication.NOT_CONNECTED)
            {
                return;
            }
            idle.idle();
        }
        dropped++;
    }

    private int wrapOutput(
        final long sequence, final boolean resent, final DirectBuffer buffer, final int offset, final int length)
    {
        ClusterProtocol.writeOutputHeader(output, 0, sequence, resent);
        output.putBytes(ClusterProtocol.OUTPUT_HEADER_LENGTH, buffer, offset, length);
        return ClusterProtocol.OUTPUT_HEADER_LENGTH + length;
    }

    /** Messages given up on under back pressure. */
    long dropped()
    {
        return dropped;
    }
}
