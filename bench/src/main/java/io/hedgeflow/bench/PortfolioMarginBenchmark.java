package io.hedgeflow.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.hedgeflow.risk.margin.MarginContext;
import io.hedgeflow.risk.margin.MarginModel;
import io.hedgeflow.risk.margin.PortfolioMargin;
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
 * Deribit portfolio margin of one inverse BTC book per recompute (one op): the index ticks (alternating between two
 * prices, so every forward changes), each option's forward and volatility are set, and
 * {@link PortfolioMargin#compute} reprices the whole book over the default grid (9 underlying moves x 3 volatility
 * scenarios, the unmoved one among them, in one fused vector pass per vector of options) and adds the
 * contingencies. The book: {@code size} options over 10 expiries (1 to 180 days) and strikes 0.6-1.5 x the index,
 * long and short, seeded; a perpetual and two futures.
 * Target: 200 options within 20 us, 0 B/op (-prof gc). Run with the project's JVM flags (scripts/bench); eight
 * 1 s warm-up iterations, as the vector passes run the Vector API's allocating fallback until C2 compiles them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PortfolioMarginBenchmark
{
    private static final long NOW = 1_750_000_000_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;
    private static final double INDEX = 60_000.0;

    @Param({"200"})
    public int size;

    private PortfolioMargin margin;
    private double[] basis;
    private double[] vols;
    private double[] sizes;
    private long tick;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(2026);
        margin = new PortfolioMargin(new MarginContext().model(MarginModel.PORTFOLIO)
            .conclude(), size, 3, true);
        basis = new double[size];
        vols = new double[size];
        sizes = new double[size];
        for (int i = 0; i < size; i++)
        {
            final long expiry = NOW + (1 + (i % 10) * 20L) * DAY;
            final int slot = margin.addOption(random.nextBoolean(), Math.round(INDEX * random.nextDouble(0.6, 1.5) /
                1_000.0) * 1_000.0, expiry, 1.0);
            basis[slot] = 1.0 + 0.0004 * (i % 10);
            vols[slot] = random.nextDouble(0.3, 1.2);
            sizes[slot] = random.nextInt(-50, 51) / 10.0;
            margin.option(slot, sizes[slot], INDEX * basis[slot], vols[slot]);
        }
        margin.future(margin.addFuture(PortfolioMargin.PERPETUAL), -600_000, INDEX);
        margin.future(margin.addFuture(NOW + 30 * DAY), 300_000, INDEX * 1.004);
        margin.future(margin.addFuture(NOW + 90 * DAY), -200_000, INDEX * 1.012);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        margin.close();
    }

    @Benchmark
    public double recompute()
    {
        final double index = (tick++ & 1) == 0 ? INDEX : INDEX + 25.0;
        for (int slot = 0; slot < size; slot++)
        {
            margin.option(slot, sizes[slot], index * basis[slot], vols[slot]);
        }
        return margin.compute(NOW, index);
    }
}
