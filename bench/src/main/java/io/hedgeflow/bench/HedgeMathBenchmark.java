package io.hedgeflow.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.hedgeflow.hedge.BookWalker;
import io.hedgeflow.hedge.EwmaEstimator;
import io.hedgeflow.hedge.GreekNeutralizer;
import io.hedgeflow.hedge.HullWhiteDelta;
import io.hedgeflow.hedge.KalmanBetaEstimator;
import io.hedgeflow.hedge.RollingOlsEstimator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the hedge-ratio mathematics on the hot path (io.hedgeflow.hedge), one op = one call:
 * {@code ols}, {@code ewma}, {@code kalman}: one estimator update plus reading the ratio, correlation and
 * effectiveness (rolling OLS over a 256-observation window: its two-pass recomputation every 256 updates is
 * included, amortised); {@code neutralizeExact}: gamma-vega neutral with two options (Hull's example, the portfolio
 * gamma varying); {@code neutralizeLeastSquares}: gamma and vega with one option; {@code neutralizeMinimumNorm}:
 * gamma and vega with four options; {@code hullWhiteDelta}: one minimum-variance delta (two Black-Scholes
 * evaluations); {@code bookMaxQuantity}: the largest size under a slippage cap on a 10-level book. Inputs cycle
 * through 1,024 seeded values, so nothing is constant-folded. Run with the project's JVM flags (scripts/bench).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HedgeMathBenchmark
{
    private static final int MASK = 1023;

    private final RollingOlsEstimator ols = new RollingOlsEstimator(256);
    private final EwmaEstimator ewma = new EwmaEstimator(20);
    private final KalmanBetaEstimator kalman = new KalmanBetaEstimator(1e-4, 1e-2, 1.0, 1.0, 50);
    private final GreekNeutralizer exact = new GreekNeutralizer();
    private final GreekNeutralizer leastSquares = new GreekNeutralizer();
    private final GreekNeutralizer minimumNorm = new GreekNeutralizer();
    private final HullWhiteDelta hullWhite = new HullWhiteDelta();
    private final BookWalker walker = new BookWalker();
    private final double[] xs = new double[MASK + 1];
    private final double[] ys = new double[MASK + 1];
    private final double[] prices = new double[10];
    private final double[] sizes = new double[10];
    private int i;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(2026);
        for (int k = 0; k <= MASK; k++)
        {
            xs[k] = random.nextGaussian();
            ys[k] = 0.8 * xs[k] + 0.3 * random.nextGaussian();
        }
        for (int k = 0; k < prices.length; k++)
        {
            prices[k] = 60_000 + 0.5 * k * k;
            sizes[k] = random.nextDouble(0.1, 5);
        }
        exact.addHedge(0.6, 0.5, 2.0);
        exact.addHedge(0.5, 0.8, 1.2);
        leastSquares.addHedge(0.6, 0.5, 2.0);
        minimumNorm.addHedge(0.6, 0.5, 2.0);
        minimumNorm.addHedge(0.5, 0.8, 1.2);
        minimumNorm.addHedge(0.4, 0.3, 2.5);
        minimumNorm.addHedge(0.7, 0.9, 0.5);
        hullWhite.coefficients(-0.25, 0.5, -0.3);
    }

    private int next()
    {
        return i = (i + 1) & MASK;
    }

    @Benchmark
    public double ols()
    {
        final int k = next();
        ols.update(ys[k], xs[k]);
        return ols.hedgeRatio() + ols.correlation() + ols.effectiveness();
    }

    @Benchmark
    public double ewma()
    {
        final int k = next();
        ewma.update(ys[k], xs[k]);
        return ewma.hedgeRatio() + ewma.correlation() + ewma.effectiveness();
    }

    @Benchmark
    public double kalman()
    {
        final int k = next();
        kalman.update(ys[k], xs[k]);
        return kalman.hedgeRatio() + kalman.correlation() + kalman.effectiveness();
    }

    @Benchmark
    public double neutralizeExact()
    {
        exact.solve(xs[next()], -5000 + 100 * ys[i], -8000, true, true);
        return exact.quantity(0) + exact.quantity(1) + exact.underlying();
    }

    @Benchmark
    public double neutralizeLeastSquares()
    {
        leastSquares.solve(xs[next()], -5000 + 100 * ys[i], -8000, true, true);
        return leastSquares.quantity(0) + leastSquares.underlying();
    }

    @Benchmark
    public double neutralizeMinimumNorm()
    {
        minimumNorm.solve(xs[next()], -5000 + 100 * ys[i], -8000, true, true);
        return minimumNorm.quantity(0) + minimumNorm.quantity(3) + minimumNorm.underlying();
    }

    @Benchmark
    public double hullWhiteDelta()
    {
        return hullWhite.minimumVarianceDelta(true, 100 + xs[next()], 100, 0.5, 0.01, 0, 0.2);
    }

    @Benchmark
    public double bookMaxQuantity()
    {
        return walker.maxQuantity(true, prices, sizes, prices.length, 59_999.5, 5 + Math.abs(xs[next()]), 0.001);
    }
}
