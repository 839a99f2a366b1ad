package io.hedgeflow.cli;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFileWriter;
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

/** {@code record}: writes the simulator's frames to a capture file. */
@Command(name = "record", mixinStandardHelpOptions = true, description = "Write simulated frames to a capture file.")
final class RecordCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--events", required = true, description = "Frames to write.")
    long events;

    @Option(names = "--seed", description = "Simulator seed (default ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--output", required = true, description = "Capture file to create.")
    Path output;

    public Integer call() throws Exception
    {
        Options.positive("--events", events);
        final Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent))
        {
            throw CliException.badInput("--output: directory " + parent + " does not exist");
        }
        final MarketSimulator simulator = new MarketSimulator(new SimContext().seed(seed));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        try (CaptureFileWriter writer = new CaptureFileWriter(output))
        {
            for (long i = 0; i < events; i++)
            {
                writer.write(buffer, 0, simulator.poll(buffer, 0));
            }
        }
        spec.commandLine().getOut().printf("recorded %d frames (seed %d) to %s%n", events, seed, output);
        return HedgeflowTool.EXIT_OK;
    }
}
