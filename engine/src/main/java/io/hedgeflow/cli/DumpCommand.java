package io.hedgeflow.cli;

import io.hedgeflow.journal.FramePrinter;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code dump}: prints a journal queue, one record per line. */
@Command(name = "dump", mixinStandardHelpOptions = true, description = "Print a journal queue, one record per line.")
final class DumpCommand implements Callable<Integer>
{
    /** Which queue to print. */
    enum Queue
    {
        inputs, decisions
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "Journal directory.")
    Path journal;

    @Option(names = "--queue", description = "inputs or decisions (default ${DEFAULT-VALUE}).",
        defaultValue = "decisions")
    Queue queue;

    @Option(names = "--format", description = "text or json (default ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    public Integer call()
    {
        Options.existingJournal(journal);
        final PrintWriter out = spec.commandLine().getOut();
        final FramePrinter printer = new FramePrinter();
        final FramePrinter.Format printFormat = format == Format.json ? FramePrinter.Format.JSON : FramePrinter.Format.TEXT;
        final StringBuilder line = new StringBuilder(256);
        try (Journal j = Journal.openReadOnly(journal);
            JournalReader reader = queue == Queue.inputs ? j.inputsReader() : j.decisionsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) ->
            {
                line.setLength(0);
                printer.print(buffer, offset, length, stamp, sequence, printFormat, line);
                out.println(line);
            }))
            {
                if (out.checkError())
                {
                    break;
                }
            }
        }
        out.flush();
        return HedgeflowTool.EXIT_OK;
    }
}
