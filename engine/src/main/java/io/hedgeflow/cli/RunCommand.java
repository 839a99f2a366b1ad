package io.hedgeflow.cli;

import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.sim.MarketSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code run}: the engine on a feed, journaling to a directory, until N frames or the end of the feed. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the engine on a feed.")
final class RunCommand implements Callable<Integer>
{
    private static final String FILE_PREFIX = "file:";

    @Spec
    CommandSpec spec;

    @Option(names = "--feed", required = true, description = "sim or file:PATH (a capture file).")
    String feed;

    @Option(names = "--events", description = "Stop after this many input frames (default: all; sim: 1000000).")
    Long events;

    @Option(names = "--journal", required = true, description = "Journal directory (created if absent).")
    Path journal;

    @Option(names = "--rate", description = "Frames per second, 0 = as fast as possible (default ${DEFAULT-VALUE}).",
        defaultValue = "0")
    double rate;

    @Mixin
    EngineOptions engine;

    @Option(names = "--format", description = "text or json (default ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    public Integer call() throws Exception
    {
        Options.notNegative("--rate", rate);
        if (events != null)
        {
            Options.positive("--events", events);
        }
        final EngineContext ctx = engine.engineContext(Options.newJournalDir(journal, "run"));
        final long limit;
        final FrameSource source;
        if ("sim".equals(feed))
        {
            limit = events != null ? events : 1_000_000L;
            source = new SimFeedSource(new MarketSimulator(ctx.simContext()));
        }
        else if (feed.startsWith(FILE_PREFIX))
        {
            limit = events != null ? events : Long.MAX_VALUE;
            source = openCapture(Path.of(feed.substring(FILE_PREFIX.length())));
        }
        else
        {
            throw CliException.badInput("--feed must be sim or file:PATH, was '" + feed + "'");
        }
        Options.print(spec, format, SessionRunner.run(ctx, source, limit, 0, rate));
        return HedgeflowTool.EXIT_OK;
    }

    private static FrameSource openCapture(final Path file) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw CliException.badInput("--feed: no capture file at " + file);
        }
        try
        {
            return new CaptureFileSource(file);
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput("--feed: " + ex.getMessage());
        }
    }
}
