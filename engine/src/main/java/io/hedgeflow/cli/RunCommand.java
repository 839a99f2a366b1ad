package io.hedgeflow.cli;

import io.hedgeflow.config.ConfigException;
import io.hedgeflow.control.ControlKey;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.UdpFramePublisher;
import io.hedgeflow.gateway.UdpFrameSource;
import io.hedgeflow.gateway.deribit.DeribitFrameSource;
import io.hedgeflow.gateway.fix.FixOrderGatewayContext;
import io.hedgeflow.gateway.fix.FixOrderRoute;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.sim.MarketSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code run}: the engine on a feed, journaling to a directory, until N frames or the end of the feed. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the engine on a feed.")
final class RunCommand implements Callable<Integer>
{
    private static final String FILE_PREFIX = "file:";
    private static final String UDP_PREFIX = UdpEndpoint.SCHEME + "://";
    /** Feed frames of a sim run without --events. */
    private static final long SIM_EVENTS = 1_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--feed", required = true, description = "sim, file:PATH (a capture file), udp://HOST:PORT " +
        "or udp://GROUP:PORT?interface=NAME_OR_ADDRESS (one frame per datagram); Deribit multicast: pcap:FILE (pcap " +
        "or pcapng) or deribit+udp://GROUP:PORT@INTERFACE[,GROUP_B:PORT] (A and B feeds).")
    String feed;

    @Option(names = "--channels", split = ",", paramLabel = "PORT", description = "Deribit feeds: read only " +
        "packets to these UDP destination ports, e.g. 6100,6101 (default: all).")
    int[] channels = new int[0];

    @Option(names = "--events", description = "Stop after this many feed frames; the exchange's reports come on top " +
        "(default: all; sim: 1000000).")
    Long events;

    @Option(names = "--idle-timeout", converter = DurationConverter.class, description = "udp:// and " +
        "deribit+udp:// feeds: end the run after this long without a datagram once one arrived, e.g. 2s (default: " +
        "0, never).", defaultValue = "0")
    Duration idleTimeout;

    @Option(names = "--orders-to", description = "Send NewOrder frames as datagrams to this udp://HOST:PORT order " +
        "gateway, or as FIX 4.4 orders (Deribit's dialect) to the venue at fix://HOST:PORT, instead of the " +
        "simulated exchange (default: the simulated exchange closes the loop).")
    String ordersTo;

    @Option(names = "--credentials", description = "With --orders-to fix://: owner-only file with client_id=... and " +
        "client_secret=... to log on with.")
    Path credentials;

    @Option(names = "--control", description = "Listen for operator kill switch commands (hedgeflow kill) on this " +
        "udp://HOST:PORT; needs --control-key (default: no control endpoint).")
    String control;

    @Option(names = "--control-key", description = "File (owner-only permissions) holding the secret operator " +
        "commands are signed with (HMAC-SHA256); required with --control.")
    Path controlKey;

    @Option(names = "--receive-buffer", description = "udp:// and deribit+udp:// feeds: socket receive buffer in " +
        "bytes, to absorb bursts (default ${DEFAULT-VALUE}; capped by net.core.rmem_max).", defaultValue = "8388608")
    int receiveBuffer;

    @Option(names = "--positions", description = "The account's positions, journaled as PositionSnapshot inputs " +
        "after their instruments' definitions: Deribit private/get_positions JSON or a CSV of instrument,size.")
    Path positions;

    @Option(names = "--account", description = "The account's equity per settlement currency, journaled as " +
        "AccountSnapshot inputs: Deribit private/get_account_summary JSON (or the same keys in YAML).")
    Path account;

    @Option(names = "--warmup-events", description = "sim, udp and deribit+udp: simulated frames run through " +
        "throwaway engines (temporary journals, deleted), then a wait for the JIT's compiler threads to go idle, " +
        "before the session, so it starts compiled; sim: at most --events, and the report's events/s is the " +
        "compiled engine's; network feeds: before the socket is bound (or the group joined): start the sender " +
        "after the 'listening' line; 0: a cold start (default ${DEFAULT-VALUE}).", defaultValue = "2000000")
    long warmupEvents;

    @Option(names = "--journal", description = "Journal directory (created if absent); required without --cluster.")
    Path journal;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Run the feed and order clients against the " +
        "replicated clusters of this cluster.yaml (docs/cluster.md) instead of a local engine; the members keep the " +
        "journals. The report is the first cluster's (one per cluster with sharding).")
    Path cluster;

    @Option(names = "--rate", description = "Frames per second, 0 = as fast as possible (default ${DEFAULT-VALUE}).",
        defaultValue = "0")
    double rate;

    @Mixin
    EngineOptions engine;

    @Option(names = "--format", description = "text or json (default ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    /** A network feed's "listening" line, printed once the engine can take its first datagram; null otherwise. */
    private String listening;

    public Integer call() throws Exception
    {
        Options.notNegative("--rate", rate);
        Options.notNegative("--warmup-events", warmupEvents);
        if (events != null)
        {
            Options.positive("--events", events);
        }
        if ((cluster == null) == (journal == null))
        {
            throw CliException.badInput(cluster == null ? "--journal DIR is required (or --cluster FILE)" :
                "--journal is not used with --cluster: each cluster member keeps its own journal");
        }
        final boolean fix = ordersTo != null && ordersTo.startsWith(FixOptions.PREFIX);
        final UdpEndpoint orderGateway =
            ordersTo != null && !fix ? Feeds.udpDestination("--orders-to", ordersTo) : null;
        final UdpEndpoint controlEndpoint = control != null ? Feeds.udpEndpoint("--control", control) : null;
        if ((control == null) != (controlKey == null))
        {
            throw CliException.badInput(control != null ? "--control needs --control-key FILE (commands are " +
                "authenticated; see docs/network-feed.md)" : "--control-key is only used with --control");
        }
        if (cluster != null && control != null)
        {
            throw CliException.badInput("--control is not used with --cluster: send KillSwitch frames as input");
        }
        final ControlKey key = controlKey != null ? Options.controlKey(controlKey) : null;
        final AccountInputs accountInputs = AccountInputs.read(positions, account);
        final EngineContext ctx = (cluster != null ? engine.engineContext() : engine.engineContext(journal, "run"))
            .orderGateway(orderGateway).control(controlEndpoint).controlKey(key);
        final FixOrderGatewayContext fixCtx = fix ? fixContext(ctx.fixContext()) : null;
        final long limit = events != null ? events : "sim".equals(feed) ? SIM_EVENTS : Long.MAX_VALUE;
        final FrameSource feedWithPositions = accountInputs.inject(openFeed(ctx));
        final FrameSource input = fix ? route(ctx, fixCtx, feedWithPositions) : feedWithPositions;
        if (cluster != null)
        {
            printListening();
            runCluster(ctx, input, fix ? ctx.orderRoute() : orderGateway != null ?
                new UdpFramePublisher(orderGateway, FrameHeader.MAX_FRAME_LENGTH) : null, limit);
            return HedgeflowTool.EXIT_OK;
        }
        SessionRunner.run(spec.commandLine().getErr(), ctx, input, limit, 0, rate, this::printListening,
            report -> Options.print(spec, format, report));
        return HedgeflowTool.EXIT_OK;
    }

    private void runCluster(final EngineContext ctx, final FrameSource input, final OrderGateway gateway,
        final long limit) throws IOException
    {
        final List<SessionReport> reports;
        try (input; gateway)
        {
            reports = ClusterRunner.load().run(spec.commandLine().getErr(), cluster, ctx, input, gateway, limit, rate);
        }
        catch (final ConfigException | IllegalArgumentException ex)
        {
            throw CliException.badInput("--cluster: " + ex.getMessage());
        }
        catch (final IllegalStateException ex)
        {
            throw new CliException(HedgeflowTool.EXIT_FAILURE, ex.getMessage());
        }
        for (final SessionReport report : reports)
        {
            Options.print(spec, format, report);
        }
    }

    private FrameSource openFeed(final EngineContext ctx) throws IOException
    {
        if ("sim".equals(feed))
        {
            if (cluster == null)
            {
                Options.warmUp(spec, ctx, Math.min(warmupEvents, events != null ? events : SIM_EVENTS));
            }
            return new SimFeedSource(new MarketSimulator(ctx.simContext()));
        }
        if (feed.startsWith(FILE_PREFIX))
        {
            return Feeds.openCapture("--feed", Path.of(feed.substring(FILE_PREFIX.length())));
        }
        if (DeribitFrameSource.isDeribitFeed(feed))
        {
            Options.positive("--receive-buffer", receiveBuffer);
            if (feed.startsWith(DeribitFrameSource.UDP_PREFIX))
            {
                warmUpNetworkSession(ctx);
                listening = feed;
            }
            return Feeds.openDeribit("--feed", feed, channels, receiveBuffer, idleTimeout.toNanos(),
                ctx.logicContext());
        }
        if (feed.startsWith(UDP_PREFIX))
        {
            return openUdp(Feeds.udpEndpoint("--feed", feed), ctx);
        }
        throw CliException.badInput("--feed must be sim, file:PATH, udp://HOST:PORT, pcap:FILE or " +
            "deribit+udp://GROUP:PORT@INTERFACE, was '" + feed + "'");
    }

    /** The configuration's fix section with the venue's address, the credentials and the Artio directory. */
    private FixOrderGatewayContext fixContext(final FixOrderGatewayContext configured)
    {
        final Path dir = cluster != null ? cluster.toAbsolutePath().resolveSibling("client-fix") :
            journal.resolveSibling(journal.getFileName() + "-fix");
        final URI venue = FixOptions.address("--orders-to", ordersTo);
        configured.address(venue.getHost(), venue.getPort())
            .credentials(FixOptions.credentials(credentials))
            .dir(dir.toFile());
        try
        {
            return configured.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput("fix: " + ex.getMessage());
        }
    }

    private static FrameSource route(
        final EngineContext ctx, final FixOrderGatewayContext fixCtx, final FrameSource feed)
    {
        final FixOrderRoute route;
        try
        {
            route = new FixOrderRoute(fixCtx, feed);
        }
        catch (final IllegalStateException ex)
        {
            feed.close();
            throw CliException.badInput("--orders-to: " + ex.getMessage());
        }
        ctx.orderRoute(route);
        return route;
    }

    private FrameSource openUdp(final UdpEndpoint endpoint, final EngineContext ctx) throws IOException
    {
        if (rate > 0)
        {
            throw CliException.badInput("--rate paces sim and file feeds; a udp feed runs at the sender's rate");
        }
        Options.positive("--receive-buffer", receiveBuffer);
        listen(endpoint, 0);
        warmUpNetworkSession(ctx);
        final UdpFrameSource source = listen(endpoint, receiveBuffer);
        if (source.receiveBufferBytes() < receiveBuffer)
        {
            spec.commandLine().getErr().printf("hedgeflow run: receive buffer %d bytes (asked %d; raise " +
                "net.core.rmem_max)%n", source.receiveBufferBytes(), receiveBuffer).flush();
        }
        listening = endpoint.toString();
        return source;
    }

    /** Binds (and for a group joins) the endpoint; with receiveBufferBytes 0 only checks that it can be bound. */
    private UdpFrameSource listen(final UdpEndpoint endpoint, final int receiveBufferBytes)
    {
        try
        {
            if (receiveBufferBytes == 0)
            {
                UdpFrameSource.checkBindable(endpoint);
                return null;
            }
            return new UdpFrameSource(endpoint, receiveBufferBytes, idleTimeout.toNanos());
        }
        catch (final IOException ex)
        {
            throw CliException.badInput("--feed: " + ex.getMessage());
        }
    }

    /**
     * The JIT warm-up of a network session, before its sockets are bound: datagrams sent before the 'listening'
     * line are not queued behind it (a multicast group is joined only after it). None for a cluster's clients,
     * which run no engine here.
     */
    private void warmUpNetworkSession(final EngineContext ctx) throws IOException
    {
        if (cluster == null)
        {
            Options.warmUp(spec, ctx, warmupEvents);
        }
    }

    private void printListening()
    {
        if (listening != null)
        {
            spec.commandLine().getErr().printf("hedgeflow run: listening on %s%n", listening).flush();
        }
    }
}
