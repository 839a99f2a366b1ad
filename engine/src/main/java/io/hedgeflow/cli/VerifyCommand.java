package io.hedgeflow.cli;

import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.Verification;
import io.hedgeflow.journal.VerificationPrinter;
import io.hedgeflow.journal.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code verify}: checks the integrity chain of both queues of a journal and reports counts, speed (wall clock and
 * CPU time of this thread) and the first broken record. Exit 0 intact, 1 broken, 2 no readable journal.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Check the integrity chain (links and SHA-256 seals) of both queues of a journal.")
final class VerifyCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "Journal directory.")
    Path journal;

    @Option(names = "--format", description = "text or json (default ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    public Integer call()
    {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final long start = System.nanoTime();
        final long cpuStart = threads.getCurrentThreadCpuTime();
        final Verification verification;
        try (Journal j = openReadOnly(journal, spec))
        {
            verification = Verifier.verify(j);
        }
        final long cpuNs = threads.getCurrentThreadCpuTime() - cpuStart;
        final long elapsedNs = System.nanoTime() - start;

        final StringBuilder report = new StringBuilder(1024);
        new VerificationPrinter().print(verification, elapsedNs, cpuNs, format == Format.json, report);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(report);
        out.flush();
        return verification.intact() ? HedgeflowTool.EXIT_OK : HedgeflowTool.EXIT_FAILURE;
    }

    /**
     * Opens an existing journal for reading (verify, dump, replay) and prints what opening it noticed (an unfinished
     * cycle file skipped) to err, one line each: {@code hedgeflow verify: skipped unfinished cycle file ...}.
     *
     * @throws CliException exit 2 if there is no journal or Chronicle cannot open it.
     */
    static Journal openReadOnly(final Path journal, final CommandSpec spec)
    {
        Options.existingJournal(journal);
        final Journal opened;
        try
        {
            opened = Journal.openReadOnly(journal);
        }
        catch (final RuntimeException ex)
        {
            throw CliException.badInput("cannot read journal at " + journal + ": " + ex.getMessage());
        }
        printNotices(opened.notices(), spec);
        return opened;
    }

    /**
     * Prints what opening a journal noticed to err, one line each, named after the command.
     */
    static void printNotices(final List<String> notices, final CommandSpec spec)
    {
        final PrintWriter err = spec.commandLine().getErr();
        for (final String notice : notices)
        {
            err.println("hedgeflow " + spec.name() + ": " + notice);
        }
        err.flush();
    }
}
