package io.hedgeflow.journal;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

import java.nio.file.Path;

/**
 * Configuration of a journal opened for writing ({@link Journal#open}), with validated defaults. Setters return this;
 * {@link #conclude()} validates and names the offending key.
 * <ul>
 *   <li>{@code directory}: the session directory (required).</li>
 *   <li>{@code header}: the session header written at the start of each queue (required).</li>
 *   <li>{@code rollCycle}: when the queues start a new file, by UTC wall clock (default {@link #DEFAULT_ROLL_CYCLE}).
 *   An existing journal keeps the roll cycle it was created with.</li>
 *   <li>{@code sealInterval}: records between SHA-256 seals (default {@link #DEFAULT_SEAL_INTERVAL}); 1 seals after
 *   every record.</li>
 *   <li>{@code pretouch}: whether {@link JournalAppender#pretouch()} touches pages ahead of the writer (default
 *   true); false makes it do nothing.</li>
 *   <li>{@code mapAhead}: whether a thread of the journal maps each queue file's next block ahead of its writer
 *   ({@link BlockAheadAgent}, default true), so no append maps one; false: the writer maps each block when it reaches
 *   it, as Chronicle does by itself.</li>
 * </ul>
 */
public final class JournalContext
{
    /** One file per hour named {@code yyyyMMdd-HHF.cq4}, at most 2^32 - 1 records per hour. */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_HOURLY;
    /** Records per SHA-256 seal by default. */
    public static final int DEFAULT_SEAL_INTERVAL = 1024;

    private Path directory;
    private JournalHeader header;
    private RollCycle rollCycle = DEFAULT_ROLL_CYCLE;
    private int sealInterval = DEFAULT_SEAL_INTERVAL;
    private boolean pretouch = true;
    private boolean mapAhead = true;
    private TimeProvider clock = SystemTimeProvider.INSTANCE;

    /**
     * Checks every value.
     *
     * @return this.
     * @throws IllegalArgumentException naming the key of a missing or invalid value.
     */
    public JournalContext conclude()
    {
        if (null == directory)
        {
            throw new IllegalArgumentException("directory must be set");
        }
        if (null == header)
        {
            throw new IllegalArgumentException("header must be set");
        }
        if (null == rollCycle)
        {
            throw new IllegalArgumentException("rollCycle must be set");
        }
        if (sealInterval < 1)
        {
            throw new IllegalArgumentException("sealInterval must be at least 1: " + sealInterval);
        }
        return this;
    }

    public Path directory()
    {
        return directory;
    }

    public JournalContext directory(final Path value)
    {
        directory = value;
        return this;
    }

    public JournalHeader header()
    {
        return header;
    }

    public JournalContext header(final JournalHeader value)
    {
        header = value;
        return this;
    }

    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    public JournalContext rollCycle(final RollCycle value)
    {
        rollCycle = value;
        return this;
    }

    public int sealInterval()
    {
        return sealInterval;
    }

    public JournalContext sealInterval(final int value)
    {
        sealInterval = value;
        return this;
    }

    public boolean pretouch()
    {
        return pretouch;
    }

    public JournalContext pretouch(final boolean value)
    {
        pretouch = value;
        return this;
    }

    public boolean mapAhead()
    {
        return mapAhead;
    }

    public JournalContext mapAhead(final boolean value)
    {
        mapAhead = value;
        return this;
    }

    TimeProvider clock()
    {
        return clock;
    }

    /**
     * The wall clock that decides when the queues roll; tests set it to roll without waiting.
     */
    JournalContext clock(final TimeProvider value)
    {
        clock = value;
        return this;
    }
}
