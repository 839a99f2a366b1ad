package io.hedgeflow.gateway.fix;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy between the gateway and the venue that loses a chosen message on its way to the gateway, as a broken
 * link would, making a real sequence gap; it also counts the messages the gateway sends by MsgType, and can cut the
 * connection (the venue sees the session drop). Forwards whole FIX messages (framed by BodyLength). Each connection
 * runs on two threads, which end with it; {@link #close()} ends everything.
 */
final class FixDropProxy implements AutoCloseable
{
    private static final char SOH = '\u0001';
    private static final int CHECKSUM_LENGTH = "10=000\u0001".length();
    private static final long JOIN_MS = 5_000;

    private final int venuePort;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<SocketChannel> channels = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> fromGateway = new ConcurrentHashMap<>();
    private final List<String> gatewayMessages = new CopyOnWriteArrayList<>();
    private final AtomicReference<String[]> drop = new AtomicReference<>();
    private final AtomicInteger dropped = new AtomicInteger();

    FixDropProxy(final int venuePort) throws IOException
    {
        this.venuePort = venuePort;
        server = ServerSocketChannel.open().bind(new InetSocketAddress("localhost", 0));
        acceptor = new Thread(this::accept, "fix-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port the gateway connects to. */
    int port()
    {
        return ((InetSocketAddress)server.socket().getLocalSocketAddress()).getPort();
    }

    /** The next message to the gateway holding every one of these fields ("tag=value") is lost. */
    void dropNext(final String... fields)
    {
        drop.set(fields);
    }

    /** Messages lost so far. */
    int dropped()
    {
        return dropped.get();
    }

    /** Messages of this MsgType (35) the gateway sent. */
    int sentByGateway(final String msgType)
    {
        final AtomicInteger count = fromGateway.get(msgType);
        return count == null ? 0 : count.get();
    }

    /** The MsgTypes (35) of the messages the gateway sent, in order. */
    List<String> sentByGateway()
    {
        return List.copyOf(gatewayMessages);
    }

    /** Cuts the connections open now (both sides see a disconnect); new ones are still accepted. */
    void disconnect() throws IOException
    {
        for (final SocketChannel channel : channels)
        {
            channel.close();
        }
    }

    private void accept()
    {
        try
        {
            while (server.isOpen())
            {
                final SocketChannel gateway = server.accept();
                final SocketChannel venue = SocketChannel.open(new InetSocketAddress("localhost", venuePort));
                channels.add(gateway);
                channels.add(venue);
                pump(gateway, venue, true);
                pump(venue, gateway, false);
            }
        }
        catch (final IOException ex)
        {
            // closed
        }
    }

    private void pump(final SocketChannel from, final SocketChannel to, final boolean toVenue)
    {
        final Thread thread = new Thread(() -> forward(from, to, toVenue), "fix-proxy-" + (toVenue ? "up" : "down"));
        thread.setDaemon(true);
        pumps.add(thread);
        thread.start();
    }

    private void forward(final SocketChannel from, final SocketChannel to, final boolean toVenue)
    {
        final ByteBuffer in = ByteBuffer.allocate(1 << 16);
        try
        {
            while (from.read(in) >= 0)
            {
                in.flip();
                int length;
                while ((length = messageLength(in)) > 0)
                {
                    final byte[] message = new byte[length];
                    in.get(message);
                    if (toVenue)
                    {
                        count(message);
                    }
                    if (toVenue || !lost(message))
                    {
                        final ByteBuffer out = ByteBuffer.wrap(message);
                        while (out.hasRemaining())
                        {
                            to.write(out);
                        }
                    }
                }
                in.compact();
            }
        }
        catch (final IOException ex)
        {
            // the connection ended
        }
        finally
        {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Length of the whole message at the buffer's position, 0 while it is incomplete. */
    private static int messageLength(final ByteBuffer in)
    {
        final String head = new String(in.array(), in.position(), Math.min(in.remaining(), 32),
            StandardCharsets.US_ASCII);
        final int bodyLengthStart = head.indexOf(SOH + "9=");
        final int bodyLengthEnd = bodyLengthStart < 0 ? -1 : head.indexOf(SOH, bodyLengthStart + 1);
        if (bodyLengthEnd < 0)
        {
            return 0;
        }
        final int length = bodyLengthEnd + 1 + Integer.parseInt(head.substring(bodyLengthStart + 3, bodyLengthEnd)) +
            CHECKSUM_LENGTH;
        return length <= in.remaining() ? length : 0;
    }

    private void count(final byte[] message)
    {
        final String text = new String(message, StandardCharsets.US_ASCII);
        final int start = text.indexOf(SOH + "35=") + 4;
        final String msgType = text.substring(start, text.indexOf(SOH, start));
        gatewayMessages.add(msgType);
        fromGateway.computeIfAbsent(msgType, type -> new AtomicInteger()).incrementAndGet();
    }

    private boolean lost(final byte[] message)
    {
        final String[] fields = drop.get();
        if (fields == null)
        {
            return false;
        }
        final String text = new String(message, StandardCharsets.US_ASCII);
        for (final String field : fields)
        {
            if (!text.contains(SOH + field + SOH))
            {
                return false;
            }
        }
        drop.set(null);
        dropped.incrementAndGet();
        return true;
    }

    private static void closeQuietly(final SocketChannel channel)
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            // already closed
        }
    }

    public void close() throws IOException
    {
        server.close();
        disconnect();
        try
        {
            acceptor.join(JOIN_MS);
            for (final Thread pump : pumps)
            {
                pump.join(JOIN_MS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
