package io.hedgeflow.pipeline;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How an engine thread waits when its duty cycle found no work (Agrona's idle strategies). BUSY_SPIN and NO_OP
 * keep the thread on its core: only where the thread has a core of its own.
 */
public enum IdleStrategyKind
{
    /** Spin with {@code Thread.onSpinWait()}: lowest wake-up latency, a whole core. */
    BUSY_SPIN,
    /** Spin without even the pause hint. */
    NO_OP,
    /** {@code Thread.yield()}: gives the core to any runnable thread, still 100 % CPU when alone. */
    YIELDING,
    /** Spin, then yield, then park for 1 us doubling to 1 ms (Agrona's defaults). */
    BACKOFF,
    /** Park for 1 us each time (about 50-60 us on Linux with the default timer slack). */
    SLEEPING;

    /** A new strategy instance: one per thread, they keep state. */
    public IdleStrategy newStrategy()
    {
        return switch (this)
        {
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case NO_OP -> new NoOpIdleStrategy();
            case YIELDING -> new YieldingIdleStrategy();
            case BACKOFF -> new BackoffIdleStrategy();
            case SLEEPING -> new SleepingIdleStrategy();
        };
    }
}
