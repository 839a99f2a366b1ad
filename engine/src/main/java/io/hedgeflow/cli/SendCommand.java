package io.hedgeflow.cli;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CapturePlayer;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.UdpFramePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code send}: plays a capture file to a UDP address at a constant rate, one datagram per frame. */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = "Play a capture file to a UDP address at a constant rate (the load generator).")
final class SendCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, description = "Capture file to play.")
    Path file;

    @Option(names = "--to", required = true,
        description = "udp://HOST:PORT or udp://GROUP:PORT?interface=NAME_OR_ADDRESS.")
    String to;

    @Option(names = "--rate", description = "Frames per second, 0 = as fast as possible (default ${DEFAULT-VALUE}).",
        defaultValue = "0")
    double rate;

    public Integer call() throws Exception
    {
        Options.notNegative("--rate", rate);
        final UdpEndpoint endpoint = Feeds.udpDestination("--to", to);
        try (FrameSource capture = Feeds.openCapture("--file", file);
            UdpFramePublisher publisher = new UdpFramePublisher(endpoint, FrameHeader.MAX_FRAME_LENGTH))
        {
            final long startNs = System.nanoTime();
            final long frames = new CapturePlayer(publisher).play(capture, rate);
            final double seconds = (System.nanoTime() - startNs) / 1e9;
            spec.commandLine().getOut().printf(Locale.ROOT,
                "sent %,d frames to %s in %.3f s (%,.0f frames/s%s)%n", frames, endpoint, seconds,
                seconds > 0 ? frames / seconds : 0.0,
                rate > 0 ? String.format(Locale.ROOT, ", asked %,.0f", rate) : "");
            if (capture.rejected() > 0)
            {
                spec.commandLine().getOut().printf(Locale.ROOT, "skipped %,d unreadable capture records%n",
                    capture.rejected());
            }
        }
        return HedgeflowTool.EXIT_OK;
    }
}
