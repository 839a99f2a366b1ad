package io.hedgeflow.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.hedgeflow.greeks.GreekKernelType;
import io.hedgeflow.greeks.GreekVectors;
import net.finmath.functions.AnalyticFormulas;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Repricing a whole book of European calls on one underlying (one op = every option, all Greeks):
 * {@code vector} is the production Vector API kernel ({@link GreekVectors#compute}: nine outputs per option),
 * {@code scalar} the scalar reference loop over a copy of the book ({@link GreekKernelType#SCALAR}), and
 * {@code finmath} finmath-lib's AnalyticFormulas called once per Greek as a user would (value, delta, gamma,
 * vega, theta, rho: six outputs, no vanna/volga/charm). Divide the score by size for ns per option.
 * The book is random but seeded (strikes 0.6-1.5 x spot, expiries 1 day to 2 years, vols 20%-150%), so every
 * run prices the same options. Run with the project's JVM flags (scripts/bench). Eight 1 s warm-up iterations:
 * the vector kernel runs the Vector API's allocating fallback, thousands of times slower, until C2 has compiled its
 * passes (seconds, its largest pass alone 1-4 s depending on the machine's load). The forks compile in the
 * foreground (-XX:-BackgroundCompilation, steady-state code unchanged): the benchmark thread waits for each compile
 * instead of running the fallback meanwhile, so on a busy machine the kernel is C2 code before the first measured
 * iteration instead of mid-measurement. Two forks of ten iterations: on this VM scalar and vector scores drift
 * together by +-20 % from second to second, and five iterations of one fork gave +-60 % error bars.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = "-XX:-BackgroundCompilation")
public class GreeksBenchmark
{
    private static final long NOW = 1_750_000_000_000_000_000L;
    private static final double NS_PER_YEAR = 365.0 * 86_400e9;
    private static final double SPOT = 60_000.0, RATE = 0.03;

    @Param({"64", "1024", "16384"})
    public int size;

    /**
     * Continuous carry of the book for {@code vector} and {@code scalar} (finmath's formulas have none). With 0 the
     * kernel skips the e^-qt column (it is 1); {@code -p carry=0.02} measures the general case.
     */
    @Param({"0.0"})
    public double carry;

    private GreekVectors book;
    private GreekVectors scalarBook;
    private double[] strikes;
    private double[] years;
    private double[] vols;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(2024);
        book = new GreekVectors(size);
        scalarBook = new GreekVectors(size, GreekKernelType.SCALAR);
        strikes = new double[size];
        years = new double[size];
        vols = new double[size];
        for (int i = 0; i < size; i++)
        {
            strikes[i] = SPOT * random.nextDouble(0.6, 1.5);
            final long expiryNs = NOW + random.nextLong(86_400_000_000_000L, 2 * 365 * 86_400_000_000_000L);
            years[i] = (expiryNs - NOW) / NS_PER_YEAR;
            vols[i] = random.nextDouble(0.2, 1.5);
            final double quantity = random.nextDouble(-10.0, 10.0);
            for (final GreekVectors b : new GreekVectors[]{ book, scalarBook })
            {
                final int slot = b.add(true, strikes[i], expiryNs, false, 1.0);
                b.quantity(slot, quantity);
                b.vol(slot, vols[i]);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        book.close();
        scalarBook.close();
    }

    @Benchmark
    public void vector()
    {
        book.compute(SPOT, RATE, carry, NOW);
    }

    @Benchmark
    public void scalar()
    {
        scalarBook.compute(SPOT, RATE, carry, NOW);
    }

    @Benchmark
    public double finmath()
    {
        double sum = 0.0;
        for (int i = 0; i < size; i++)
        {
            final double k = strikes[i], t = years[i], v = vols[i];
            sum += AnalyticFormulas.blackScholesOptionValue(SPOT, RATE, v, t, k);
            sum += AnalyticFormulas.blackScholesOptionDelta(SPOT, RATE, v, t, k);
            sum += AnalyticFormulas.blackScholesOptionGamma(SPOT, RATE, v, t, k);
            sum += AnalyticFormulas.blackScholesOptionVega(SPOT, RATE, v, t, k);
            sum += AnalyticFormulas.blackScholesOptionTheta(SPOT, RATE, v, t, k);
            sum += AnalyticFormulas.blackScholesOptionRho(SPOT, RATE, v, t, k);
        }
        return sum;
    }
}
