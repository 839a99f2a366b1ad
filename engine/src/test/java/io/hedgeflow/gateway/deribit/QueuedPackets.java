package io.hedgeflow.gateway.deribit;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayDeque;
import java.util.Queue;

/** Packets handed to a {@link DeribitFrameSource} by a test, as a live socket would (no capture time). */
final class QueuedPackets implements PacketSource
{
    private final Queue<UnsafeBuffer> packets = new ArrayDeque<>();
    private final UdpPacket packet = new UdpPacket();

    void add(final UnsafeBuffer payload)
    {
        packets.add(payload);
    }

    public UdpPacket next()
    {
        final UnsafeBuffer next = packets.poll();
        if (next == null)
        {
            return null;
        }
        packet.wrapDatagram(next, 0, next.capacity(), 6100);
        return packet;
    }

    public boolean ended()
    {
        return packets.isEmpty();
    }

    public long skipped()
    {
        return 0;
    }

    public long truncated()
    {
        return 0;
    }

    public void close()
    {
    }
}
