package io.hedgeflow.bench;

import io.hedgeflow.config.Defaults;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.pipeline.Engine;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.ThreadingMode;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The engine's whole duty cycle on one thread (the SHARED path, driven as INVOKER): feed frames from the simulator,
 * the simulated exchange's reports, input journal, logic, decisions journal and orders, one batch of
 * {@link Engine#DUTY_CYCLE_BATCH} feed frames per invocation; reported per feed frame. Expected to allocate nothing
 * once compiled (check with -prof gc). Each trial journals to a fresh temporary directory, deleted at its end.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EngineDutyCycleBenchmark
{
    private Path directory;
    private Engine engine;

    /** Opens an INVOKER engine on the simulator with the default configuration, journaling to a temporary directory. */
    @Setup
    public void setUp() throws IOException
    {
        directory = Files.createTempDirectory("engine-duty-cycle-benchmark");
        final SimContext sim = new SimContext();
        engine = new Engine(new EngineContext().journalDir(directory).threadingMode(ThreadingMode.INVOKER)
            .simContext(sim).logicContext(Defaults.logicContext()), new SimFeedSource(new MarketSimulator(sim)));
    }

    /** Closes the engine and deletes its journal. */
    @TearDown
    public void tearDown() throws IOException
    {
        engine.close();
        try (Stream<Path> paths = Files.walk(directory))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path ->
            {
                try
                {
                    Files.delete(path);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            });
        }
    }

    /** One duty cycle: a batch of feed frames, each fully processed. */
    @Benchmark
    @OperationsPerInvocation(Engine.DUTY_CYCLE_BATCH)
    public int dutyCycle()
    {
        return engine.doWork();
    }
}
