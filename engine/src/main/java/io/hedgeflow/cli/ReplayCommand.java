package io.hedgeflow.cli;

import io.hedgeflow.journal.Journal;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code replay}: re-runs a journal's inputs through a fresh logic; with --verify compares the decisions. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a journal; with --verify compare decisions byte for byte (exit 1 on a difference).")
final class ReplayCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "Journal directory.")
    Path journal;

    @Option(names = "--verify", description = "Compare with the decisions journal.")
    boolean verify;

    public Integer call()
    {
        Options.existingJournal(journal);
        final long start = System.nanoTime();
        final ReplayResult result;
        try (Journal j = Journal.openReadOnly(journal))
        {
            result = new JournalReplayer(Options.logicContext()).replay(j, verify);
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "inputs %,d  decisions %,d  rejected %,d  (%.2f s, %,.0f inputs/s)%n",
            result.inputs(), result.produced(), result.counters().rejected(), seconds, result.inputs() / seconds);
        if (!verify)
        {
            out.flush();
            return HedgeflowTool.EXIT_OK;
        }
        if (result.identical())
        {
            out.printf(Locale.ROOT, "identical (%,d decision records)%n", result.journaled());
            out.flush();
            return HedgeflowTool.EXIT_OK;
        }
        out.println("different: " + result.difference());
        out.flush();
        return HedgeflowTool.EXIT_FAILURE;
    }
}
