package io.hedgeflow.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A session journal: the directory DIR holding two Chronicle queues of {@link JournalRecord}s.
 * <pre>
 *   DIR/inputs/      every input frame, as received
 *   DIR/decisions/   every decision and order frame
 * </pre>
 * Both queues roll every hour of UTC wall clock ({@link #ROLL_CYCLE}: one file per hour named
 * {@code yyyyMMdd-HHF.cq4}, at most 2^32 - 1 records per hour, about 1.19 million per second sustained).
 * Opening an existing session appends after its records. A read-write journal owns one {@link JournalAppender}
 * per queue; readers are created on demand and must be closed before the journal.
 */
public final class Journal implements AutoCloseable
{
    /** Roll cycle of both queues. */
    public static final RollCycle ROLL_CYCLE = RollCycles.FAST_HOURLY;
    /** Name of the inputs queue directory. */
    public static final String INPUTS = "inputs";
    /** Name of the decisions queue directory. */
    public static final String DECISIONS = "decisions";

    private final Path directory;
    private final SingleChronicleQueue inputs;
    private final SingleChronicleQueue decisions;
    private final JournalAppender inputsAppender;
    private final JournalAppender decisionsAppender;

    private Journal(final Path directory, final boolean readOnly)
    {
        this.directory = directory;
        this.inputs = queue(directory.resolve(INPUTS), readOnly);
        try
        {
            this.decisions = queue(directory.resolve(DECISIONS), readOnly);
        }
        catch (final RuntimeException ex)
        {
            inputs.close();
            throw ex;
        }
        this.inputsAppender = readOnly ? null : new JournalAppender(inputs.createAppender());
        this.decisionsAppender = readOnly ? null : new JournalAppender(decisions.createAppender());
    }

    /**
     * Opens a session for writing and reading, creating the directory and both queues if absent.
     *
     * @param directory of the session.
     * @return the open journal.
     */
    public static Journal open(final Path directory)
    {
        return new Journal(directory, false);
    }

    /**
     * Opens an existing session for reading only (dump, replay, verify), possibly while another process writes it.
     *
     * @param directory of the session.
     * @return the open journal, without appenders.
     * @throws IllegalArgumentException if the directory does not hold both queue directories.
     */
    public static Journal openReadOnly(final Path directory)
    {
        for (final String name : new String[]{ INPUTS, DECISIONS })
        {
            if (!Files.isDirectory(directory.resolve(name)))
            {
                throw new IllegalArgumentException("not a journal: " + directory.resolve(name) + " is not a directory");
            }
        }
        return new Journal(directory, true);
    }

    /**
     * @return the session directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return the single appender of the inputs queue.
     * @throws IllegalStateException if the journal was opened read-only.
     */
    public JournalAppender inputsAppender()
    {
        return writable(inputsAppender);
    }

    /**
     * @return the single appender of the decisions queue.
     * @throws IllegalStateException if the journal was opened read-only.
     */
    public JournalAppender decisionsAppender()
    {
        return writable(decisionsAppender);
    }

    /**
     * @return a new reader positioned at the first record of the inputs queue.
     */
    public JournalReader inputsReader()
    {
        return new JournalReader(inputs);
    }

    /**
     * @return a new reader positioned at the first record of the decisions queue.
     */
    public JournalReader decisionsReader()
    {
        return new JournalReader(decisions);
    }

    /**
     * Closes the appenders and both queues.
     */
    public void close()
    {
        if (null != inputsAppender)
        {
            inputsAppender.close();
            decisionsAppender.close();
        }
        inputs.close();
        decisions.close();
    }

    private JournalAppender writable(final JournalAppender appender)
    {
        if (null == appender)
        {
            throw new IllegalStateException("journal opened read-only: " + directory);
        }
        return appender;
    }

    private static SingleChronicleQueue queue(final Path path, final boolean readOnly)
    {
        return SingleChronicleQueueBuilder.binary(path).rollCycle(ROLL_CYCLE).readOnly(readOnly).build();
    }
}
