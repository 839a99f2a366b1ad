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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Black-76 implied volatility from a mark (io.hedgeflow.greeks.ImpliedVol, r = 0), one op = one full (cold) solve,
 * over two input sets, cycled so nothing is constant-folded:
 * <ul>
 *   <li>{@code capture}: the 2,157 solvable option marks of the Deribit sample capture, each with its forward and
 *   time to expiry, in feed order (the inputs of ImpliedVolQuantLibTest, {@link #CAPTURE_MARKS}; run from the
 *   repository root): what the gateway solves, 89 % of them in Jaeckel's central segments;</li>
 *   <li>{@code synthetic}: 1,024 seeded Deribit-like options (forward 25,000-30,000, strikes 0.5x-2x the forward,
 *   calls and puts, 1 hour to 1 year, volatility 20-150 %; only marks above intrinsic by 1e-12 of the forward),
 *   priced with Black-76 at setup: a harder mix, 56 % in the lower segment (far from the money, short expiries).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ImpliedVolBenchmark
{
    /** Every option ticker of the sample capture with its forward, time to expiry and USD price (and QuantLib's iv). */
    static final String CAPTURE_MARKS = "engine/src/test/resources/oracles/black76-iv-capture-quantlib.csv";
    private static final int SYNTHETIC = 1024;

    @Param({"capture", "synthetic"})
    public String inputs;

    private boolean[] call;
    private double[] forward;
    private double[] strike;
    private double[] years;
    private double[] price;
    private int i;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        if (inputs.equals("capture"))
        {
            capture();
        }
        else
        {
            synthetic();
        }
    }

    private void capture() throws IOException
    {
        final List<String[]> rows = Files.readAllLines(Path.of(CAPTURE_MARKS)).stream()
            .filter(line -> !line.startsWith("#") && !line.startsWith("name,")).map(line -> line.split(",", -1))
            .filter(f -> !f[6].isEmpty()).toList();
        allocate(rows.size());
        for (int j = 0; j < rows.size(); j++)
        {
            final String[] f = rows.get(j);
            call[j] = f[1].equals("1");
            forward[j] = Double.parseDouble(f[2]);
            strike[j] = Double.parseDouble(f[3]);
            years[j] = Double.parseDouble(f[4]);
            price[j] = Double.parseDouble(f[5]);
        }
    }

    private void synthetic()
    {
        allocate(SYNTHETIC);
        final SplittableRandom random = new SplittableRandom(42);
        for (int j = 0; j < SYNTHETIC; )
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

    private void allocate(final int n)
    {
        call = new boolean[n];
        forward = new double[n];
        strike = new double[n];
        years = new double[n];
        price = new double[n];
    }

    @Benchmark
    public double solve()
    {
        final int j = i;
        i = j + 1 == price.length ? 0 : j + 1;
        return ImpliedVol.solve(call[j], forward[j], strike[j], years[j], 0.0, 0.0, price[j]);
    }
}
