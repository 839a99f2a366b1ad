package io.hedgeflow.gateway.deribit;

import io.hedgeflow.gateway.UdpEndpoint;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Deribit packets from one or two multicast groups (the A and B feeds), each joined (IGMP) on its interface,
 * non-blocking: {@link #next} returns null when no datagram is waiting, polling A then B. Garbage-free per
 * datagram. The feed has no end; with an idle timeout it ends once packets arrived and none came for that long (the
 * wall clock is read only on empty polls and never reaches the logic).
 */
final class DeribitUdpReceiver implements PacketSource
{
    private static final int MAX_DATAGRAM = 65_536;

    private final DatagramChannel[] channels;
    private final int[] ports;
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final UnsafeBuffer view = new UnsafeBuffer(datagram);
    private final UdpPacket packet = new UdpPacket();
    private final long idleTimeoutNs;
    private boolean arrived;
    private long idleSinceNs;
    private boolean ended;

    DeribitUdpReceiver(final UdpEndpoint[] groups, final int receiveBufferBytes, final long idleTimeoutNs)
        throws IOException
    {
        this.idleTimeoutNs = idleTimeoutNs;
        channels = new DatagramChannel[groups.length];
        ports = new int[groups.length];
        try
        {
            for (int i = 0; i < groups.length; i++)
            {
                channels[i] = open(groups[i], receiveBufferBytes);
                ports[i] = groups[i].address().getPort();
            }
        }
        catch (final IOException ex)
        {
            close();
            throw ex;
        }
    }

    private static DatagramChannel open(final UdpEndpoint group, final int receiveBufferBytes) throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(group.address().getAddress() instanceof Inet4Address ?
            StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try
        {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            channel.bind(new InetSocketAddress(group.address().getPort()));
            channel.join(group.address().getAddress(), group.networkInterface());
            channel.configureBlocking(false);
            return channel;
        }
        catch (final IOException ex)
        {
            channel.close();
            throw new IOException("cannot join " + group + ": " + ex.getMessage(), ex);
        }
    }

    public UdpPacket next()
    {
        for (int i = 0; i < channels.length && !ended; i++)
        {
            datagram.clear();
            try
            {
                if (channels[i].receive(datagram) != null)
                {
                    arrived = true;
                    idleSinceNs = 0;
                    packet.wrapDatagram(view, 0, datagram.position(), ports[i]);
                    return packet;
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        checkIdle();
        return null;
    }

    private void checkIdle()
    {
        if (arrived && idleTimeoutNs > 0)
        {
            final long now = System.nanoTime();
            if (idleSinceNs == 0)
            {
                idleSinceNs = now;
            }
            ended = now - idleSinceNs >= idleTimeoutNs;
        }
    }

    public boolean ended()
    {
        return ended;
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
        for (final DatagramChannel channel : channels)
        {
            if (channel != null)
            {
                try
                {
                    channel.close();
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }
        }
    }
}
