package io.hedgeflow.cli;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFileWriter;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.gateway.deribit.DeribitFrameSource;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code record}: writes frames to a capture file: the simulator's, or the engine frames normalized from a Deribit
 * feed (a normalized capture that {@code run --feed file:} replays without the gateway).
 */
@Command(name = "record", mixinStandardHelpOptions = true, description = "Write simulated frames, or the frames " +
    "normalized from a Deribit feed, to a capture file.")
final class RecordCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--events", description = "Frames to write (required for the simulator; a Deribit feed: " +
        "default all).")
    Long events;

    @Option(names = "--seed", description = "Simulator seed (default ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--feed", description = "A Deribit feed to normalize instead of the simulator: pcap:FILE or " +
        "deribit+udp://GROUP:PORT@INTERFACE[,GROUP_B:PORT].")
    String feed;

    @Option(names = "--channels", split = ",", paramLabel = "PORT", description = "Deribit feeds: read only " +
        "packets to these UDP destination ports (default: all).")
    int[] channels = new int[0];

    @Option(names = "--output", required = true, description = "Capture file to create.")
    Path output;

    public Integer call() throws Exception
    {
        if (events == null && feed == null)
        {
            throw CliException.badInput("--events is required when recording the simulator");
        }
        if (events != null)
        {
            Options.positive("--events", events);
        }
        if (feed != null && !DeribitFrameSource.isDeribitFeed(feed))
        {
            throw CliException.badInput("--feed must be pcap:FILE or deribit+udp://GROUP:PORT@INTERFACE, was '" +
                feed + "'");
        }
        final Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent))
        {
            throw CliException.badInput("--output: directory " + parent + " does not exist");
        }
        if (Files.isDirectory(output))
        {
            throw CliException.badInput("--output " + output + ": is a directory (expected a capture file to create)");
        }
        final long limit = events != null ? events : Long.MAX_VALUE;
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        long written = 0;
        final FeedReport feedReport;
        try (FrameSource source = feed != null ? Feeds.openDeribit("--feed", feed, channels, 1 << 23, 0,
            new LogicContext()) :
            new SimFeedSource(new MarketSimulator(new SimContext().seed(seed)));
            CaptureFileWriter writer = new CaptureFileWriter(output))
        {
            int length;
            while (written < limit && (length = source.poll(buffer, 0, buffer.capacity())) != FrameSource.END)
            {
                if (length > 0)
                {
                    writer.write(buffer, 0, length);
                    written++;
                }
            }
            feedReport = FeedReport.of(source);
        }
        if (feedReport != null)
        {
            feedReport.warnIfCutShort(spec.commandLine().getErr(), "record", feed);
        }
        spec.commandLine().getOut().printf("recorded %d frames (%s) to %s%n", written,
            feed != null ? feed : "seed " + seed, output);
        return HedgeflowTool.EXIT_OK;
    }
}
