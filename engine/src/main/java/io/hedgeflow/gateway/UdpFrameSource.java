package io.hedgeflow.gateway;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Frames from UDP datagrams, one frame per datagram, on a unicast address or a multicast group joined on its
 * interface. The channel is non-blocking: {@link #poll} returns 0 when no datagram is waiting. Datagrams are received
 * whole into one direct buffer (so an oversized one is detected, counted in {@link #rejected()} and skipped) and
 * copied to the caller; nothing is allocated per datagram.
 * <p>
 * A network feed has no end. For finite runs an idle timeout ends it: once at least one datagram has arrived,
 * polling for idleTimeoutNs without finding one returns {@link #END}. The timeout reads the wall clock, only on
 * empty polls; it never reaches the logic.
 */
public final class UdpFrameSource implements FrameSource
{
    /** Largest UDP payload, rounded up: room to receive any datagram whole. */
    private static final int MAX_DATAGRAM = 65_536;

    private final DatagramChannel channel;
    private final ByteBuffer datagram = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    private final UnsafeBuffer view = new UnsafeBuffer(datagram);
    private final long idleTimeoutNs;
    private final int receiveBufferBytes;
    private final int localPort;
    private volatile long received;
    private AtomicCounter receivedCounter;
    private long rejected;
    private boolean arrived;
    private boolean idle;
    private long idleSinceNs;
    private boolean ended;

    /**
     * Binds (and for a group joins) the endpoint.
     *
     * @param endpoint           where to listen; port 0 binds an ephemeral port (see {@link #localPort()}).
     * @param receiveBufferBytes SO_RCVBUF to ask for (the kernel caps it at net.core.rmem_max).
     * @param idleTimeoutNs      end the feed after this long without a datagram once one arrived; 0 = never.
     */
    public UdpFrameSource(final UdpEndpoint endpoint, final int receiveBufferBytes, final long idleTimeoutNs)
        throws IOException
    {
        if (receiveBufferBytes <= 0 || idleTimeoutNs < 0)
        {
            throw new IllegalArgumentException("receiveBufferBytes must be positive and idleTimeoutNs not negative: " +
                receiveBufferBytes + ", " + idleTimeoutNs);
        }
        this.idleTimeoutNs = idleTimeoutNs;
        channel = bind(endpoint, receiveBufferBytes);
        try
        {
            if (endpoint.isMulticast())
            {
                channel.join(endpoint.address().getAddress(), endpoint.networkInterface());
            }
            channel.configureBlocking(false);
            this.receiveBufferBytes = channel.getOption(StandardSocketOptions.SO_RCVBUF);
            this.localPort = ((InetSocketAddress)channel.getLocalAddress()).getPort();
        }
        catch (final IOException ex)
        {
            channel.close();
            throw new IOException("cannot listen on " + endpoint + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Binds the endpoint's address and port and lets go at once, joining no group and taking no datagram: a command
     * refuses an address it cannot listen on before its warm-up, and listens only after it.
     *
     * @throws IOException "cannot listen on ..." with the reason.
     */
    public static void checkBindable(final UdpEndpoint endpoint) throws IOException
    {
        bind(endpoint, MAX_DATAGRAM).close();
    }

    private static DatagramChannel bind(final UdpEndpoint endpoint, final int receiveBufferBytes) throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(endpoint.protocolFamily());
        try
        {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            channel.bind(endpoint.address());
            return channel;
        }
        catch (final IOException ex)
        {
            channel.close();
            throw new IOException("cannot listen on " + endpoint + ": " + ex.getMessage(), ex);
        }
    }

    public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        if (ended)
        {
            return END;
        }
        try
        {
            while (true)
            {
                datagram.clear();
                if (channel.receive(datagram) == null)
                {
                    return nothingReceived();
                }
                arrived = true;
                idle = false;
                final int length = datagram.position();
                if (length > 0 && length <= maxLength)
                {
                    buffer.putBytes(offset, view, 0, length);
                    received = received + 1;
                    if (receivedCounter != null)
                    {
                        receivedCounter.incrementRelease();
                    }
                    return length;
                }
                rejected++;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private int nothingReceived()
    {
        if (arrived && idleTimeoutNs > 0)
        {
            final long nowNs = System.nanoTime();
            if (!idle)
            {
                idle = true;
                idleSinceNs = nowNs;
            }
            else if (nowNs - idleSinceNs >= idleTimeoutNs)
            {
                ended = true;
                return END;
            }
        }
        return 0;
    }

    /** Datagrams delivered as frames; readable from any thread. */
    public long received()
    {
        return received;
    }

    /** Also counts delivered datagrams into a shared counter (e.g. the engine's counters file); set before polling. */
    public void countReceivedInto(final AtomicCounter counter)
    {
        receivedCounter = counter;
    }

    /** Datagrams the kernel dropped on this socket's port (receive buffer full): reads /proc, off the hot path. */
    public long kernelDrops()
    {
        return UdpSocketDrops.read(localPort);
    }

    /** Datagrams dropped: empty, or longer than the caller's maximum frame length. */
    public long rejected()
    {
        return rejected;
    }

    /** The socket receive buffer the kernel granted, in bytes. */
    public int receiveBufferBytes()
    {
        return receiveBufferBytes;
    }

    /** The bound port (the ephemeral one when the endpoint's port was 0). */
    public int localPort()
    {
        return localPort;
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
