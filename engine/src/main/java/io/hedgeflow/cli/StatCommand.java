package io.hedgeflow.cli;

import io.hedgeflow.gateway.UdpSocketDrops;
import io.hedgeflow.status.CountersFile;
import io.hedgeflow.status.EngineCounters;
import org.agrona.concurrent.errors.ErrorLogReader;
import org.agrona.concurrent.status.CountersReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** {@code stat}: prints the live counters (or errors) of an engine from another process. */
@Command(name = "stat", mixinStandardHelpOptions = true, description = "Print an engine's live counters.")
final class StatCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "The engine's directory (its journal directory; default: current).",
        defaultValue = ".")
    Path dir;

    @Option(names = "--watch", description = "Print again every second until interrupted.")
    boolean watch;

    @Option(names = "--errors", description = "Print the distinct errors the engine recorded.")
    boolean errors;

    public Integer call()
    {
        final CountersFile file;
        try
        {
            file = CountersFile.open(dir);
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (file)
        {
            if (errors)
            {
                final int count = ErrorLogReader.read(file.errorBuffer(), (observations, first, last, text) ->
                    out.printf(Locale.ROOT, "%d observation(s) from %s to %s:%n%s%n", observations,
                        Instant.ofEpochMilli(first), Instant.ofEpochMilli(last), text));
                out.printf(Locale.ROOT, "%d distinct error(s)%n", count);
                out.flush();
                return HedgeflowTool.EXIT_OK;
            }
            final CountersReader reader = file.reader();
            do
            {
                out.printf(Locale.ROOT, "%s  engine pid %d%n", Instant.now(), file.pid());
                reader.forEach((value, id, label) -> out.printf(Locale.ROOT, "%,20d  %s%n", value, label));
                printFeedDrops(reader, out);
                out.flush();
                if (watch)
                {
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            }
            while (watch && !out.checkError() && !Thread.currentThread().isInterrupted());
        }
        return HedgeflowTool.EXIT_OK;
    }

    /** Kernel drops of a UDP feed socket, read here from /proc/net/udp so the engine never reads them. */
    private static void printFeedDrops(final CountersReader reader, final PrintWriter out)
    {
        reader.forEach((id, typeId, key, label) ->
        {
            final long port = reader.getCounterValue(id);
            if (typeId == EngineCounters.FEED_PORT_TYPE_ID && port > 0)
            {
                final long drops = UdpSocketDrops.read((int)port);
                out.printf(Locale.ROOT, "%20s  feed kernel drops: datagrams the kernel dropped on the feed socket " +
                    "(/proc/net/udp drops)%n", drops < 0 ? "n/a" : String.format(Locale.ROOT, "%,d", drops));
            }
        });
    }
}
