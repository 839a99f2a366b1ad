package io.hedgeflow.bench;

import org.HdrHistogram.Histogram;

/**
 * The platform's floor, jHiccup's idea: one thread that does nothing but spin reading {@link System#nanoTime()},
 * sampled on the same schedule as the engine's frames and corrected for coordinated omission the same way. A
 * sample due at t is recorded as (the time the thread saw t passed - t); samples due while the thread was off its
 * core are filled in by {@link Histogram#recordValueWithExpectedInterval}. What a perfect engine would show here:
 * scheduler slices, hypervisor steal, kernel work.
 */
final class PlatformFloor
{
    private PlatformFloor()
    {
    }

    /** Spins for durationNs on the calling thread, one sample every intervalNs; latencies in ns. */
    static Histogram measure(final long durationNs, final long intervalNs, final long highestTrackableNs)
    {
        final Histogram floor = new Histogram(highestTrackableNs, 3);
        final long endNs = System.nanoTime() + durationNs;
        long dueNs = endNs - durationNs + intervalNs;
        while (dueNs <= endNs)
        {
            long nowNs;
            do
            {
                nowNs = System.nanoTime();
            }
            while (nowNs < dueNs);
            final long lateNs = nowNs - dueNs;
            floor.recordValueWithExpectedInterval(Math.min(lateNs, highestTrackableNs), intervalNs);
            dueNs += (lateNs / intervalNs + 1) * intervalNs;
        }
        return floor;
    }
}
