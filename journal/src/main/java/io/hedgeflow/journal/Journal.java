package io.hedgeflow.journal;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A session journal: the directory DIR holding two Chronicle queues of {@link JournalRecord}s.
 * <pre>
 *   DIR/inputs/      every input frame, as received
 *   DIR/decisions/   every decision and order frame
 * </pre>
 * Opening for writing ({@link #open}) writes a session header into each queue and appends after the records already
 * there, continuing their integrity chain; each queue rolls to a new file per {@link JournalContext#rollCycle()}.
 * A read-write journal owns one {@link JournalAppender} per queue and, unless {@link JournalContext#mapAhead()} is
 * off, a daemon thread running a {@link BlockAheadAgent} that maps each queue file's next block ahead of its writer;
 * readers are created on demand and must be closed before the journal.
 * <p>
 * A crash while a queue rolls can leave its last cycle file without a header ({@link UnfinishedCycles}): opening
 * for writing deletes it, opening read-only skips it; either says so in {@link #notices()}.
 */
public final class Journal implements AutoCloseable
{
    /** Name of the inputs queue directory. */
    public static final String INPUTS = "inputs";
    /** Name of the decisions queue directory. */
    public static final String DECISIONS = "decisions";
    /**
     * How long a read-only queue waits for a cycle file's header before it treats the cycle as not there yet
     * (Chronicle's default is 10 s, per read that reaches the file): a writer finishes a header within
     * microseconds of creating the file, so only a file a crash left headerless makes a reader wait this long.
     */
    static final long READ_ONLY_HEADER_TIMEOUT_MS = 100;
    /**
     * How often the {@link BlockAheadAgent} looks for a writer that entered a new block: it then has the whole block
     * (64 MiB, 0.5 s even at 130 MB/s) to map the next one, so this only bounds its wake-ups, 100 a second.
     */
    static final long BLOCK_AHEAD_PERIOD_MS = 10;

    private final List<String> notices;

    private final Path directory;
    private final SingleChronicleQueue inputs;
    private final SingleChronicleQueue decisions;
    private final JournalAppender inputsAppender;
    private final JournalAppender decisionsAppender;
    private final AgentRunner blockAhead;

    private Journal(final Path directory, final JournalContext ctx, final List<String> notices)
    {
        this.directory = directory;
        this.notices = List.copyOf(notices);
        final boolean readOnly = null == ctx;
        this.inputs = queue(directory.resolve(INPUTS), ctx);
        try
        {
            this.decisions = queue(directory.resolve(DECISIONS), ctx);
        }
        catch (final RuntimeException ex)
        {
            inputs.close();
            throw ex;
        }
        this.inputsAppender = readOnly ? null : appender(inputs, INPUTS, ctx);
        this.decisionsAppender = readOnly ? null : appender(decisions, DECISIONS, ctx);
        this.blockAhead = readOnly || !ctx.mapAhead() ? null : blockAhead(inputsAppender, decisionsAppender);
    }

    /**
     * Opens a session for writing and reading, creating the directory and both queues if absent, and writes the
     * session header into both queues. A last cycle file a crash left without a header (and so without records) is
     * deleted first, with a notice.
     *
     * @param ctx directory, header, roll cycle and seal interval; concluded here.
     * @return the open journal.
     * @throws UnfinishedCycleException if a headerless cycle file is followed by later ones or holds data.
     */
    public static Journal open(final JournalContext ctx)
    {
        ctx.conclude();
        final List<String> notices = new ArrayList<>();
        for (final String name : new String[]{ INPUTS, DECISIONS })
        {
            addIfNotNull(notices, UnfinishedCycles.removeFromTail(ctx.directory().resolve(name)));
        }
        return new Journal(ctx.directory(), ctx, notices);
    }

    /**
     * Opens an existing session for reading only (dump, replay, verify), possibly while another process writes it.
     * A last cycle file a crash left without a header is skipped, with a notice: readers wait at most
     * {@link #READ_ONLY_HEADER_TIMEOUT_MS} for a header, then see the end of the queue.
     *
     * @param directory of the session.
     * @return the open journal, without appenders.
     * @throws IllegalArgumentException if the directory does not hold both queue directories with queue files.
     * @throws UnfinishedCycleException if a headerless cycle file is followed by later ones or holds data.
     */
    public static Journal openReadOnly(final Path directory)
    {
        return new Journal(directory, null, readOnlyNotices(directory));
    }

    /**
     * Checks a session directory for a read-only open (both queue directories with cycle files) and names an
     * unfinished last cycle file of either queue.
     *
     * @param directory of the session.
     * @return the notices of the open.
     * @throws IllegalArgumentException if the directory does not hold both queue directories with queue files.
     * @throws UnfinishedCycleException if a headerless cycle file is followed by later ones or holds data.
     */
    static List<String> readOnlyNotices(final Path directory)
    {
        final List<String> notices = new ArrayList<>();
        for (final String name : new String[]{ INPUTS, DECISIONS })
        {
            final Path queue = directory.resolve(name);
            if (!Files.isDirectory(queue))
            {
                throw new IllegalArgumentException("not a journal: " + queue + " is not a directory");
            }
            if (!CycleFiles.hasCycleFiles(queue))
            {
                throw new IllegalArgumentException("not a journal: " + queue + " has no queue files");
            }
            addIfNotNull(notices, UnfinishedCycles.skipAtTail(queue));
        }
        return notices;
    }

    /**
     * @return the session directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * @return one line per recovery step opening took (an unfinished cycle file deleted or skipped), for the
     * caller to print; empty after a clean shutdown.
     */
    public List<String> notices()
    {
        return notices;
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
     * Stops mapping ahead, seals and closes the appenders, then closes both queues.
     */
    public void close()
    {
        if (null != blockAhead)
        {
            blockAhead.close();
        }
        if (null != inputsAppender)
        {
            inputsAppender.close();
            decisionsAppender.close();
        }
        inputs.close();
        decisions.close();
    }

    SingleChronicleQueue queue(final String name)
    {
        return INPUTS.equals(name) ? inputs : decisions;
    }

    private JournalAppender writable(final JournalAppender appender)
    {
        if (null == appender)
        {
            throw new IllegalStateException("journal opened read-only: " + directory);
        }
        return appender;
    }

    private static SingleChronicleQueue queue(final Path path, final JournalContext ctx)
    {
        final SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(path).readOnly(null == ctx);
        return null == ctx ?
            builder.rollCycle(CycleFiles.detectRollCycle(path)).timeoutMS(READ_ONLY_HEADER_TIMEOUT_MS).build() :
            builder.rollCycle(ctx.rollCycle()).timeProvider(ctx.clock()).build();
    }

    private static void addIfNotNull(final List<String> notices, final String notice)
    {
        if (null != notice)
        {
            notices.add(notice);
        }
    }

    private static AgentRunner blockAhead(final JournalAppender inputs, final JournalAppender decisions)
    {
        final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(BLOCK_AHEAD_PERIOD_MS),
            ex -> System.err.println("hedgeflow journal: mapping ahead failed: " + ex), null,
            new BlockAheadAgent(inputs.block(), decisions.block()));
        AgentRunner.startOnThread(runner, task ->
        {
            final Thread thread = new Thread(task);
            thread.setDaemon(true);
            return thread;
        });
        return runner;
    }

    private static JournalAppender appender(
        final SingleChronicleQueue queue, final String name, final JournalContext ctx)
    {
        return new JournalAppender(
            queue.createAppender(), ChainRecovery.resume(queue), ctx.header().forQueue(name), ctx.sealInterval(),
            ctx.pretouch());
    }
}
