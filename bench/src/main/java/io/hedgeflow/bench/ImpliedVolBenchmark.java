package io.hedgeflow.bench;

import io.hedgeflow.greeks.BlackScholes;
import io.hedgeflow.greeks.ImpliedVol;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Black-76 implied volatility from a mark (io.hedgeflow.greeks.ImpliedVol, r = 0), one op = one solve to full
 * precision: 1,024 seeded Deribit-like options (forward 25,000-30,000, strikes 0.5x-2x the forward, calls and puts,
 * 1 hour to 1 year, volatility 20-150 %; only marks with a volatility to find: above intrinsic by 1e-12 of the
 * forward), priced with Black-76 at setup and cycled, so nothing is constant-folded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ImpliedVolBenchmark
{
    private static final int MASK = 1023;

    private final boolean[] call = new boolean[MASK + 1];
    private final double[] forward = new double[MASK + 1];
    private final double[] strike = new double[MASK + 1];
    private final double[] years = new double[MASK + 1];
    private final double[] price = new double[MASK + 1];
    private int i;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int j = 0; j <= MASK; )
        {
            call[j] = random.nextBoolean();
            forward[j] = random.nextDouble(25_000.0, 30_000.0);
            strike[j] = forward[j] * Math.exp(random.nextDouble(Math.log(0.5), Math.log(2.0)));
            years[j] = Math.exp(random.nextDouble(Math.log(1.0 / 8760.0), 0.0));
            price[j] = BlackScholes.price(call[j], forward[j], strike[j], years[j], 0.0, 0.0,
                random.nextDouble(0.2, 1.5));
            final double intrinsic = Math.max(call[j] ? forward[j] - strike[j] : strike[j] - forward[j], 0.0);
            if (price[j] - intrinsic > 1e-12 * forward[j])
            {
                j++;
            }
        }
    }

    @Benchmark
    public double solve()
    {
        final int j = i++ & MASK;
        return ImpliedVol.solve(call[j], forward[j], strike[j], years[j], 0.0, 0.0, price[j]);
    }
}
