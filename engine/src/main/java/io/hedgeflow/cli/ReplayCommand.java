package io.hedgeflow.cli;

import io.hedgeflow.greeks.GreekKernelType;
import io.hedgeflow.journal.JournalHeader;
import io.hedgeflow.journal.MappedJournal;
import io.hedgeflow.journal.MappedQueueReader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.pipeline.Engine;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.SnapshotStore;
import io.hedgeflow.replay.ReplayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    private LogicContext logicContext;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "Journal directory.")
    Path journal;

    @Mixin
    ConfigOption config;

    @Option(names = "--verify", description = "Compare with the decisions journal.")
    boolean verify;

    @Option(names = "--from-snapshot", description = "Start from the latest snapshot in JOURNAL/snapshots and " +
        "replay only the inputs after it.")
    boolean fromSnapshot;

    @Option(names = "--kernel", paramLabel = "KERNEL", description = "Greek kernel of the replaying logic, " +
        "replacing the configuration's logic.greekKernel: SCALAR (default: the fastest for a replay, which runs the " +
        "kernel rarely and cold) or VECTOR (the live engine's). Both give the same bits.")
    GreekKernelType kernel = GreekKernelType.SCALAR;

    private void warnOnHeaderDifferences(final MappedQueueReader inputs)
    {
        final JournalHeader header = inputs.header();
        if (header != null)
        {
            for (final String difference : header.differences(Engine.sessionHeader(logicContext)))
            {
                spec.commandLine().getErr().println("hedgeflow replay: warning: journal and replay differ in " +
                    difference);
            }
        }
    }

    public Integer call()
    {
        Options.existingJournal(journal);
        final long start = System.nanoTime();
        final ReplayResult result;
        final long snapshot;
        logicContext = config.load().logicContext().greekKernel(kernel);
        final MappedJournal j = open();
        try (HedgeLogic logic = new HedgeLogic(logicContext);
            MappedQueueReader inputs = j.inputsReader();
            MappedQueueReader decisions = j.decisionsReader())
        {
            snapshot = fromSnapshot ? SnapshotStore.restoreLatest(journal, logic, Long.MAX_VALUE) : -1;
            if (fromSnapshot && snapshot < 0)
            {
                throw CliException.badInput("--from-snapshot: no intact snapshot in " +
                    journal.resolve(SnapshotStore.DIRECTORY));
            }
            warnOnHeaderDifferences(inputs);
            result = new JournalReplayer(logic).replay(inputs, decisions, verify, snapshot, null);
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        final PrintWriter out = spec.commandLine().getOut();
        if (fromSnapshot)
        {
            out.printf(Locale.ROOT, "from snapshot after ring sequence %,d%n", snapshot);
        }
        out.printf(Locale.ROOT, "inputs %,d  decision and order frames %,d  rejected %,d  (%.2f s, %,.0f " +
            "inputs/s, %s kernel)%n", result.inputs(), result.produced(), result.counters().rejected(), seconds,
            result.inputs() / seconds, kernel);
        if (!verify)
        {
            out.flush();
            return HedgeflowTool.EXIT_OK;
        }
        if (result.identical())
        {
            out.printf(Locale.ROOT, "identical (%,d decision and order records, %s kernel)%n", result.produced(),
                kernel);
            out.flush();
            return HedgeflowTool.EXIT_OK;
        }
        out.println("different: " + result.difference());
        out.flush();
        return HedgeflowTool.EXIT_FAILURE;
    }

    /**
     * Opens the journal from its mapped files and prints what opening it noticed (an unfinished cycle file
     * skipped) to err, as {@link VerifyCommand#openReadOnly} does for Chronicle.
     *
     * @throws CliException exit 2 if there is no journal.
     */
    private MappedJournal open()
    {
        final MappedJournal opened;
        try
        {
            opened = MappedJournal.open(journal);
        }
        catch (final RuntimeException ex)
        {
            throw CliException.badInput("cannot read journal at " + journal + ": " + ex.getMessage());
        }
        VerifyCommand.printNotices(opened.notices(), spec);
        return opened;
    }
}
