package io.hedgeflow.cluster;

import io.aeron.Publication;
import io.aeron.cluster.service.ClientSession;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Broadcasts egress messages to the open client sessions (on followers Aeron makes each offer a no-op). Under back
 * pressure it retries a bounded number of times, so a client that stops reading cannot stall the cluster; a
 * message it gives up on is counted ({@link #dropped()}): a client sees the gap in the output sequences (or in an
 * acknowledgement's output count) and asks for the outputs again, and resends its inputs from its window. Output
 * frames go out behind their output header ({@link ClusterProtocol}). Garbage-free: sessions in a list walked by
 * index.
 */
final class EgressPublisher
{
    /** Offers per message and session before giving up on it. */
    static final int MAX_ATTEMPTS = 10_000;

    private final List<ClientSession> sessions = new ArrayList<>();
    private final IdleStrategy idle;
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[ClusterProtocol.MAX_OUTPUT_LENGTH]);
    private long dropped;

    EgressPublisher(final IdleStrategy idle)
    {
        this.idle = idle;
    }

    void onSessionOpen(final ClientSession session)
    {
        sessions.add(session);
    }

    void onSessionClose(final ClientSession session)
    {
        sessions.remove(session);
    }

    /** Offers an output frame with its output sequence to every open session. */
    void broadcastOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        final int messageLength = wrapOutput(sequence, buffer, offset, length);
        for (int i = 0, size = sessions.size(); i < size; i++)
        {
            send(sessions.get(i), output, 0, messageLength);
        }
    }

    /** Offers an output frame with its output sequence to one session. */
    void sendOutput(final ClientSession session, final long sequence, final DirectBuffer buffer, final int offset,
        final int length)
    {
        send(session, output, 0, wrapOutput(sequence, buffer, offset, length));
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

    private int wrapOutput(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        ClusterProtocol.writeOutputHeader(output, 0, sequence);
        output.putBytes(ClusterProtocol.OUTPUT_HEADER_LENGTH, buffer, offset, length);
        return ClusterProtocol.OUTPUT_HEADER_LENGTH + length;
    }

    /** Messages given up on under back pressure. */
    long dropped()
    {
        return dropped;
    }
}
