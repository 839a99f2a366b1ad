package io.hedgeflow.cli;

import io.hedgeflow.journal.FramePrinter;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalPrinter;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.journal.RecordFilter;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dump}: prints a journal queue, one record per line, optionally filtered, optionally following it. */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Print a journal queue, one record per line.")
final class DumpCommand implements Callable<Integer>
{
    private static final long FOLLOW_POLL_MS = 10;

    /** Which queue to print. */
    enum Queue
    {
        inputs, decisions
    }

    /** Line format. */
    enum DumpFormat
    {
        text(FramePrinter.Format.TEXT), json(FramePrinter.Format.JSON), csv(FramePrinter.Format.CSV);

        final FramePrinter.Format format;

        DumpFormat(final FramePrinter.Format format)
        {
            this.format = format;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "Journal directory.")
    Path journal;

    @Option(names = "--queue", description = "inputs or decisions (default ${DEFAULT-VALUE}).",
        defaultValue = "decisions")
    Queue queue;

    @Option(names = "--format", description = "text, json or csv (default ${DEFAULT-VALUE}).", defaultValue = "text")
    DumpFormat format;

    @Option(names = "--from-seq", description = "Lowest record sequence to print.")
    Long fromSequence;

    @Option(names = "--to-seq", description = "Highest record sequence to print.")
    Long toSequence;

    @Option(names = "--type", split = ",", paramLabel = "TYPE",
        description = "Message types to print, comma separated (e.g. Quote,HedgeDecision).")
    List<String> types;

    @Option(names = "--instrument", paramLabel = "ID",
        description = "Instrument to print (instrumentId, or hedgeInstrumentId of a HedgeDecision).")
    Long instrument;

    @Option(names = "--follow", description = "Keep printing records as they are appended, until interrupted.")
    boolean follow;

    public Integer call()
    {
        final JournalPrinter printer = new JournalPrinter(filter(), format.format, spec.commandLine().getOut());
        try (Journal j = VerifyCommand.openReadOnly(journal, spec);
            JournalReader reader = queue == Queue.inputs ? j.inputsReader() : j.decisionsReader())
        {
            if (follow)
            {
                printer.follow(reader, new SleepingMillisIdleStrategy(FOLLOW_POLL_MS));
            }
            else
            {
                printer.print(reader);
            }
        }
        return HedgeflowTool.EXIT_OK;
    }

    private RecordFilter filter()
    {
        final RecordFilter filter = new RecordFilter();
        try
        {
            filter.types(null != types ? types : List.of());
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput("--type: " + ex.getMessage());
        }
        if (null != fromSequence && null != toSequence && fromSequence > toSequence)
        {
            throw CliException.badInput("--from-seq " + fromSequence + " is after --to-seq " + toSequence +
                ": no record can match");
        }
        if (null != fromSequence)
        {
            filter.fromSequence(fromSequence);
        }
        if (null != toSequence)
        {
            filter.toSequence(toSequence);
        }
        if (null != instrument)
        {
            filter.instrument(instrument);
        }
        return filter;
    }
}
