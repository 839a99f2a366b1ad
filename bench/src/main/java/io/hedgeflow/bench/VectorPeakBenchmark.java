package io.hedgeflow.bench;

import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.DoubleVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core's peak rate for the vector operations the Greeks kernel is made of, with the Vector API at the kernel's
 * width ({@code DoubleVector.SPECIES_PREFERRED}): ns per vector operation when many independent ones are in flight,
 * so the score is the issue rate, not the latency. {@code fma} runs 16 independent fused multiply-add chains (more
 * than latency x pipes on any current core), {@code div} and {@code sqrt} 8 chains each. With the kernel's count of
 * operations per vector of options, {@code fma} gives the floor no formulation with that count can beat on the host
 * (docs/performance-greeks.md, "Stop 28"). One op = one vector operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class VectorPeakBenchmark
{
    private static final int ROUNDS = 1024;

    public double a = 0.999_999;
    public double b = 1e-7;

    /**
     * 16 independent chains x = a x + b (values stay near their start).
     *
     * @return the chains' sum, so none is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(16 * ROUNDS)
    public double fma()
    {
        final DoubleVector va = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, a);
        final DoubleVector vb = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, b);
        DoubleVector x0 = va, x1 = va.add(vb), x2 = x1.add(vb), x3 = x2.add(vb);
        DoubleVector x4 = x3.add(vb), x5 = x4.add(vb), x6 = x5.add(vb), x7 = x6.add(vb);
        DoubleVector x8 = x7.add(vb), x9 = x8.add(vb), x10 = x9.add(vb), x11 = x10.add(vb);
        DoubleVector x12 = x11.add(vb), x13 = x12.add(vb), x14 = x13.add(vb), x15 = x14.add(vb);
        for (int i = 0; i < ROUNDS; i++)
        {
            x0 = x0.fma(va, vb); x1 = x1.fma(va, vb); x2 = x2.fma(va, vb); x3 = x3.fma(va, vb);
            x4 = x4.fma(va, vb); x5 = x5.fma(va, vb); x6 = x6.fma(va, vb); x7 = x7.fma(va, vb);
            x8 = x8.fma(va, vb); x9 = x9.fma(va, vb); x10 = x10.fma(va, vb); x11 = x11.fma(va, vb);
            x12 = x12.fma(va, vb); x13 = x13.fma(va, vb); x14 = x14.fma(va, vb); x15 = x15.fma(va, vb);
        }
        return x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7).add(x8).add(x9).add(x10).add(x11)
            .add(x12).add(x13).add(x14).add(x15).lane(0);
    }

    /**
     * 8 independent chains x = a / x (values alternate between two, away from any fast path).
     *
     * @return the chains' sum, so none is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(8 * ROUNDS)
    public double div()
    {
        final DoubleVector va = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, a * 1.37);
        final DoubleVector vb = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, b + 0.1);
        DoubleVector x0 = va, x1 = va.add(vb), x2 = x1.add(vb), x3 = x2.add(vb);
        DoubleVector x4 = x3.add(vb), x5 = x4.add(vb), x6 = x5.add(vb), x7 = x6.add(vb);
        for (int i = 0; i < ROUNDS; i++)
        {
            x0 = va.div(x0); x1 = va.div(x1); x2 = va.div(x2); x3 = va.div(x3);
            x4 = va.div(x4); x5 = va.div(x5); x6 = va.div(x6); x7 = va.div(x7);
        }
        return x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7).lane(0);
    }

    /**
     * 8 independent chains x = sqrt(x) + b (values converge to a fixed point near 1.6, not to 1).
     *
     * @return the chains' sum, so none is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(8 * ROUNDS)
    public double sqrt()
    {
        final DoubleVector vb = DoubleVector.broadcast(DoubleVector.SPECIES_PREFERRED, b + 0.37);
        DoubleVector x0 = vb, x1 = vb.add(vb), x2 = x1.add(vb), x3 = x2.add(vb);
        DoubleVector x4 = x3.add(vb), x5 = x4.add(vb), x6 = x5.add(vb), x7 = x6.add(vb);
        for (int i = 0; i < ROUNDS; i++)
        {
            x0 = x0.sqrt().add(vb); x1 = x1.sqrt().add(vb); x2 = x2.sqrt().add(vb); x3 = x3.sqrt().add(vb);
            x4 = x4.sqrt().add(vb); x5 = x5.sqrt().add(vb); x6 = x6.sqrt().add(vb); x7 = x7.sqrt().add(vb);
        }
        return x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7).lane(0);
    }
}
