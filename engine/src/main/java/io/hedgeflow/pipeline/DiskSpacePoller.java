package io.hedgeflow.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Checks the free space of the journal's file system off the hot path: a daemon thread asks the file system
 * every {@link #PERIOD_NS} and faults the {@link JournalFault} when free space falls below the minimum, before a
 * write to a mapped journal page could fault. The processing thread only reads the fault's volatile flag.
 */
final class DiskSpacePoller implements AutoCloseable
{
    /** Between checks: well inside the one second the engine has to stop, and a negligible load (one statvfs). */
    static final long PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(50);

    private final JournalFault fault;
    private final Thread thread;
    private volatile boolean running = true;

    DiskSpacePoller(final JournalFault fault)
    {
        this.fault = fault;
        thread = new Thread(this::run, "hedgeflow-disk-space");
        thread.setDaemon(true);
        thread.start();
    }

    private void run()
    {
        while (running && !fault.faulted())
        {
            poll();
            LockSupport.parkNanos(PERIOD_NS);
        }
    }

    /** One check: faults the journal when free space is below the minimum. */
    void poll()
    {
        if (fault.belowMinimum())
        {
            fault.fault("free space fell below the minimum");
        }
    }

    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
    }
}
