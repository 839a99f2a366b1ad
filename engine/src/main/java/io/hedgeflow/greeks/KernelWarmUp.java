package io.hedgeflow.greeks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gets the vector kernel compiled before the hot path runs it. Until C2 has compiled and intrinsified the kernel's
 * passes, every Vector API operation runs its per-lane fallback, which allocates and is one to two orders of
 * magnitude slower than the scalar reference: a fresh JVM replaying a journal spent seconds there. {@link #start}
 * starts, once per JVM, a daemon thread that computes a small private book with the vector kernel, first order and
 * all outputs alternately, with and without carry (lanes inverse and linear: every branch is profiled), until
 * {@value #QUIET_CALLS} rounds in a row allocate nothing, the sign that every pass runs compiled with its
 * intrinsics, or for at most {@value #MAX_SECONDS} s; then {@link #ready()} is true. A caller on the hot path
 * computes with the scalar reference until then ({@link GreekVectors#computeScalar}), which gives the same bits:
 * the choice changes how fast, never what.
 */
public final class KernelWarmUp
{
    private static final int QUIET_CALLS = 2_000;
    private static final int MAX_SECONDS = 60;
    /** Two vectors: one of inverse options, one of linear. */
    private static final int OPTIONS = 2 * GreekKernel.LANES;
    private static final long NOW_NS = 1_767_225_600_000_000_000L;
    private static final long DAY_NS = 86_400_000_000_000L;
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean ready;

    private KernelWarmUp()
    {
    }

    /** Starts the warm-up thread unless it has been started in this JVM. */
    public static void start()
    {
        if (STARTED.compareAndSet(false, true))
        {
            final Thread thread = new Thread(KernelWarmUp::run, "hedgeflow-kernel-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** True once the warm-up has finished: the vector kernel is compiled (or the warm-up gave up waiting). */
    public static boolean ready()
    {
        return ready;
    }

    private static void run()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        try (GreekVectors book = book())
        {
            int quiet = 0;
            for (long round = 0; quiet < QUIET_CALLS && System.nanoTime() < deadlineNs; round++)
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                final double spot = 90_000.0 + (round & 1023);
                final long nowNs = NOW_NS + round * 1_000_000L;
                final double carry = (round & 2) == 0 ? 0.0 : 0.01;
                if ((round & 1) == 0)
                {
                    book.computeFirstOrder(spot, 0.03, carry, nowNs);
                }
                else
                {
                    book.compute(spot, 0.03, carry, nowNs);
                }
                book.totalDelta();
                quiet = threads.getCurrentThreadAllocatedBytes() == before ? quiet + 1 : 0;
            }
        }
        finally
        {
            ready = true;
        }
    }

    /** Calls and puts, inverse in the first half and linear in the second, strikes around the spot. */
    private static GreekVectors book()
    {
        final GreekVectors book = new GreekVectors(OPTIONS);
        for (int k = 0; k < OPTIONS; k++)
        {
            final int slot = book.add(k % 2 == 0, 60_000.0 + 2_500.0 * k, NOW_NS + (1 + k % 4) * 30 * DAY_NS,
                k < OPTIONS / 2, 1.0);
            book.quantity(slot, k % 3 == 0 ? -10.0 : 5.0);
            book.vol(slot, 0.4 + 0.01 * k);
        }
        return book;
    }
}
