package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot-path calls of the package allocate nothing (JMH -prof gc confirms: docs/performance-hedging.md). */
class HedgeAllocationTest
{
    private final RollingOlsEstimator ols = new RollingOlsEstimator(64);
    private final EwmaEstimator ewma = new EwmaEstimator(20);
    private final KalmanBetaEstimator kalman = new KalmanBetaEstimator(1e-4, 1e-2, 1, 1, 50);
    private final GreekNeutralizer neutralizer = new GreekNeutralizer();
    private final HullWhiteDelta hullWhite = new HullWhiteDelta();
    private final HullWhiteFit fit = new HullWhiteFit();
    private final BookWalker walker = new BookWalker();
    private final OrderSlicer slicer = new OrderSlicer();
    private final HedgeInstrumentChooser chooser = new HedgeInstrumentChooser(4);
    private final double[] prices = {100, 100.5, 101, 102};
    private final double[] sizes = {1, 2, 3, 10};

    @Test
    void shouldNotAllocateOnTheHotPath()
    {
        neutralizer.addHedge(0.6, 0.5, 2.0);
        neutralizer.addHedge(0.5, 0.8, 1.2);
        hullWhite.coefficients(-0.25, 0.5, -0.3);
        double sink = round(20_000);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        sink += round(20_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(sink != 0.0);
        // one object per call would be at least 16 bytes x 20,000; the JIT may allocate a few bytes once
        assertTrue(allocated < 1024, "bytes allocated over 20,000 rounds: " + allocated);
    }

    private double round(final int count)
    {
        double sink = 0.0;
        for (int i = 0; i < count; i++)
        {
            final double x = Math.sin(i), y = 0.8 * x + 0.1 * Math.cos(3 * i);
            ols.update(y, x);
            ewma.update(y, x);
            kalman.update(y, x);
            sink += ols.hedgeRatio() + ewma.correlation() + kalman.hedgeRatio() + kalman.effectiveness();
            neutralizer.solve(i, -5000 - i, -8000, true, true);
            sink += neutralizer.underlying();
            sink += hullWhite.minimumVarianceDelta(true, 100 + x, 100, 0.5, 0, 0, 0.2);
            fit.add(0.5 + 0.3 * x, 20, 100, 0.5, x, 0.5 * x + y * 0.01);
            sink += walker.maxQuantity(true, prices, sizes, 4, 100, 30 + i % 20, 0.5);
            slicer.start(10, 3, 1, 100, i);
            sink += slicer.next(i) + LotRounding.round(y * 7, 0.1, 0, true);
            chooser.clear();
            chooser.add(10, 2, 0);
            chooser.add(5, 1, 0.1);
            sink += chooser.choose(x > 0, 0.02);
        }
        return sink + fit.solve().ordinal();
    }
}
