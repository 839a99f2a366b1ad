package io.hedgeflow.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** How pipeline stages wait for work. Busy-spin only where there is a free core per stage. */
public enum WaitStrategyKind
{
    BUSY_SPIN, YIELDING, SLEEPING, BLOCKING;

    WaitStrategy newStrategy()
    {
        return switch (this)
        {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
        };
    }
}
