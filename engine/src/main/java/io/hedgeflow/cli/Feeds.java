package io.hedgeflow.cli;

import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.deribit.DeribitFrameSource;
import io.hedgeflow.logic.LogicContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the capture files and parses the UDP addresses given on the command line; bad ones exit 2. */
final class Feeds
{
    private Feeds()
    {
    }

    static FrameSource openCapture(final String option, final Path file) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw CliException.badInput(option + ": no capture file at " + file);
        }
        try
        {
            return new CaptureFileSource(file);
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput(option + ": " + ex.getMessage());
        }
    }

    /**
     * Opens a Deribit feed ({@code pcap:FILE} or {@code deribit+udp://GROUP:PORT@INTERFACE[,GROUP_B:PORT]}) read on
     * the given destination ports (empty: all), defining to the engine only what fits the logic's capacities; a
     * missing file, a file that is not a capture or a bad address exit 2.
     */
    static DeribitFrameSource openDeribit(
        final String option, final String feed, final int[] ports, final int receiveBuffer, final long idleTimeoutNs,
        final LogicContext limits) throws IOException
    {
        if (feed.startsWith(DeribitFrameSource.PCAP_PREFIX))
        {
            final Path file = Path.of(feed.substring(DeribitFrameSource.PCAP_PREFIX.length()));
            if (!Files.isRegularFile(file))
            {
                throw CliException.badInput(option + ": no capture file at " + file);
            }
        }
        for (final int port : ports)
        {
            if (port <= 0 || port > 65_535)
            {
                throw CliException.badInput("--channels: not a UDP port: " + port);
            }
        }
        try
        {
            return DeribitFrameSource.open(feed, ports, receiveBuffer, idleTimeoutNs, limits);
        }
        catch (final IllegalArgumentException | IOException ex)
        {
            throw CliException.badInput(option + ": " + ex.getMessage());
        }
    }

    static UdpEndpoint udpEndpoint(final String option, final String address)
    {
        try
        {
            return UdpEndpoint.parse(address);
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput(option + ": " + ex.getMessage());
        }
    }

    /** A UDP address to send to: port 0 is not one. */
    static UdpEndpoint udpDestination(final String option, final String address)
    {
        final UdpEndpoint endpoint = udpEndpoint(option, address);
        if (endpoint.address().getPort() == 0)
        {
            throw CliException.badInput(option + ": port 0 is not a destination: " + address);
        }
        return endpoint;
    }
}
