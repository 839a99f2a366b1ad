package io.hedgeflow.cli;

import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.UdpEndpoint;

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
