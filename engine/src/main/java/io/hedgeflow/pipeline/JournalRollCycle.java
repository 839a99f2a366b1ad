package io.hedgeflow.pipeline;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/** When the journal queues start a new file (UTC wall clock): the Chronicle roll cycles hedgeflow offers. */
public enum JournalRollCycle
{
    /** A file per second: for tests of crashes across rolls. */
    SECONDLY(TestRollCycles.TEST_SECONDLY),
    /** A file per five minutes. */
    FIVE_MINUTELY(RollCycles.FIVE_MINUTELY),
    /** A file per hour (up to about 1.19 million records per second sustained). */
    HOURLY(RollCycles.FAST_HOURLY),
    /** A file per day. */
    DAILY(RollCycles.FAST_DAILY);

    private final RollCycle rollCycle;

    JournalRollCycle(final RollCycle rollCycle)
    {
        this.rollCycle = rollCycle;
    }

    public RollCycle rollCycle()
    {
        return rollCycle;
    }
}
