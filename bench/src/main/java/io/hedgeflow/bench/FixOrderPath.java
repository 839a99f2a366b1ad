package io.hedgeflow.bench;

import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.fix.FixCredentials;
import io.hedgeflow.gateway.fix.FixOrderGatewayContext;
import io.hedgeflow.gateway.fix.FixOrderRoute;
import io.hedgeflow.gateway.fix.FixVenue;
import io.hedgeflow.gateway.fix.FixVenueContext;
import io.hedgeflow.gateway.fix.TickToWireRecorder;
import io.hedgeflow.pipeline.IdleStrategyKind;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The FIX order path of the latency harness ({@code --orders-to fix}): the in-process test venue ({@link FixVenue},
 * Artio acceptor on a free localhost port) and the engine's route to it ({@link FixOrderRoute}: the engine's frame
 * source and order gateway, as {@code run --orders-to fix://}) with a {@link TickToWireRecorder}. The account's
 * secret is random, in an owner-only credentials file; everything lives under the directory given.
 */
final class FixOrderPath implements AutoCloseable
{
    private static final int SECRET_BYTES = 24;

    private final TickToWireRecorder tickToWire = new TickToWireRecorder();
    private final FixVenue venue;
    private final FixOrderRoute route;

    /** Starts the venue, then logs the route on to it (the route takes the feed's frames) with this idle strategy. */
    FixOrderPath(final Path dir, final FrameSource feed, final IdleStrategyKind idleStrategy) throws IOException
    {
        final FixCredentials account = FixCredentials.load(credentials(dir));
        final int port = freePort();
        venue = new FixVenue(new FixVenueContext().port(port).credentials(account)
            .dir(dir.resolve("venue").toFile()));
        try
        {
            route = new FixOrderRoute(new FixOrderGatewayContext().address("localhost", port).credentials(account)
                .dir(dir.resolve("gateway").toFile()).idleStrategy(idleStrategy).tickToWire(tickToWire), feed);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(venue);
            throw ex;
        }
    }

    private static Path credentials(final Path dir) throws IOException
    {
        final byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        Files.createDirectories(dir);
        final Path file = Files.createFile(dir.resolve("credentials"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, "client_id=latency\nclient_secret=" + HexFormat.of().formatHex(secret) + "\n");
        return file;
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket())
        {
            socket.bind(new InetSocketAddress("localhost", 0));
            return socket.getLocalPort();
        }
    }

    /** The engine's frame source and order route. */
    FixOrderRoute route()
    {
        return route;
    }

    /** Tick-to-wire latency of the NewOrderSingles sent. */
    TickToWireRecorder tickToWire()
    {
        return tickToWire;
    }

    /** NewOrderSingles the venue received. */
    int ordersReceived()
    {
        return venue.ordersReceived();
    }

    public void close()
    {
        CloseHelper.closeAll(route, venue);
    }
}
