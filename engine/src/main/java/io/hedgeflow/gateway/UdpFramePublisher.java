package io.hedgeflow.gateway;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends frames as UDP datagrams, one frame per datagram, to a unicast address or a multicast group (sent on the
 * group's interface, looped back to listeners on this host). Each frame is copied into one direct buffer and sent
 * from it; nothing is allocated per frame. The channel is blocking and not connected, so a missing listener is not
 * an error (UDP has no delivery guarantee either way).
 */
public final class UdpFramePublisher implements OrderGateway
{
    private final DatagramChannel channel;
    private final InetSocketAddress destination;
    private final ByteBuffer datagram;
    private final UnsafeBuffer view;
    private long sent;

    /**
     * Opens a channel towards the endpoint.
     *
     * @param endpoint       destination; its port must not be 0.
     * @param maxFrameLength largest frame {@link #send} accepts.
     */
    public UdpFramePublisher(final UdpEndpoint endpoint, final int maxFrameLength) throws IOException
    {
        if (endpoint.address().getPort() == 0)
        {
            throw new IllegalArgumentException("cannot send to port 0: " + endpoint);
        }
        destination = endpoint.address();
        datagram = ByteBuffer.allocateDirect(maxFrameLength);
        view = new UnsafeBuffer(datagram);
        channel = DatagramChannel.open(endpoint.protocolFamily());
        try
        {
            if (endpoint.isMulticast())
            {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, endpoint.networkInterface());
                channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            }
        }
        catch (final IOException ex)
        {
            channel.close();
            throw new IOException("cannot send to " + endpoint + ": " + ex.getMessage(), ex);
        }
    }

    /** Sends one frame as one datagram. */
    public void send(final DirectBuffer buffer, final int offset, final int length)
    {
        view.putBytes(0, buffer, offset, length);
        datagram.limit(length).position(0);
        try
        {
            channel.send(datagram, destination);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("send to " + destination + " failed: " + ex.getMessage(), ex);
        }
        sent++;
    }

    /** Frames sent. */
    public long sent()
    {
        return sent;
    }

    public void close()
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
