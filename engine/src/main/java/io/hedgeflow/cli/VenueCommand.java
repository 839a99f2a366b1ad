package io.hedgeflow.cli;

import io.hedgeflow.gateway.fix.FixVenue;
import io.hedgeflow.gateway.fix.FixVenueContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code venue}: the FIX test venue (Deribit's FIX 4.4 dialect, Artio acceptor) until the process is stopped.
 */
@Command(name = "venue", mixinStandardHelpOptions = true,
    description = "Run a FIX 4.4 test venue in Deribit's dialect that checks logon signatures and fills orders.")
final class VenueCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--fix-port", required = true, description = "TCP port to accept FIX sessions on (localhost).")
    int port;

    @Option(names = "--credentials", required = true, description = "Owner-only file with client_id=... and " +
        "client_secret=...: the account whose logon signatures the venue accepts.")
    Path credentials;

    @Option(names = "--dir", description = "Directory of the venue's Artio and Aeron files (default: a new " +
        "temporary directory).")
    Path dir;

    @Option(names = "--fill-slices", description = "Trades each marketable order is filled in (default " +
        "${DEFAULT-VALUE}).", defaultValue = "1")
    int fillSlices;

    public Integer call() throws Exception
    {
        Options.positive("--fill-slices", fillSlices);
        if (port <= 0 || port > 65_535)
        {
            throw CliException.badInput("--fix-port must be in 1..65535, was " + port);
        }
        final Path files = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("hedgeflow-venue");
        final CountDownLatch stopped = new CountDownLatch(1);
        try (FixVenue venue = new FixVenue(new FixVenueContext().port(port)
            .credentials(FixOptions.credentials(credentials)).dir(files.toFile()).fillSlices(fillSlices)))
        {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "venue-stop"));
            spec.commandLine().getOut().printf("hedgeflow venue: FIX on localhost:%d, files in %s%n", port, files)
                .flush();
            stopped.await();
        }
        return HedgeflowTool.EXIT_OK;
    }
}
