package io.hedgeflow.bench;

import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.OptionTickerDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.logic.HedgeLogic;
import org.agrona.concurrent.UnsafeBuffer;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

import java.util.concurrent.TimeUnit;

/**
 * {@link HedgeLogic#onFrame} over the inputs of a recorded demo session ({@link DemoInputs}: seed 42, the demo mix
 * of OptionTicker, Quote, IndexPrice, BookLevels and the exchange's reports, the demo's logic configuration), in
 * order, so the state is the demo's at every input. {@code allInputs}: one op = the next input, ns per input on the
 * demo mix. {@code oneTemplate}: one op = the next input of the given template; the inputs before it are fed
 * outside the measured op (JMH's per-invocation setup, so its figure includes about 20-30 ns of timer overhead).
 * <p>
 * A pass ends at the end of the recording; the next starts on a fresh logic from a pool built at setup, each fed
 * the instrument definitions already, so the measured ops allocate nothing (0 B/op under {@code -prof gc}). The
 * pool holds a logic for every pass the run's warm-up and measurement time allow at {@link #MIN_NS_PER_INPUT}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HedgeLogicReplayBenchmark
{
    /** Inputs recorded: more than a 1 s iteration consumes at 300 ns per input. */
    private static final int INPUTS = 2_000_000;
    /**
     * A floor below the cost of any input mix: the pool holds a logic for every pass the run's time allows at this
     * rate (about 10 per second of warm-up and measurement).
     */
    private static final long MIN_NS_PER_INPUT = 50;

    /** The recorded session and the logic replaying it. */
    @State(Scope.Thread)
    public static class Replay
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
        DemoInputs inputs;
        HedgeLogic[] pool;
        HedgeLogic logic;
        int prologue;
        int used;
        int cursor;

        @Setup(Level.Trial)
        public void record(final BenchmarkParams params)
        {
            inputs = new DemoInputs(INPUTS);
            while (inputs.templateId(prologue) == InstrumentDefinitionDecoder.TEMPLATE_ID)
            {
                prologue++;
            }
            pool = new HedgeLogic[passes(params)];
            for (int p = 0; p < pool.length; p++)
            {
                pool[p] = freshLogic();
            }
            nextPass();
        }

        @TearDown(Level.Trial)
        public void close()
        {
            logic.close();
            for (int p = used; p < pool.length; p++)
            {
                pool[p].close();
            }
        }

        /** Passes over the recording the run's iterations can take at {@link #MIN_NS_PER_INPUT}, plus the first. */
        private static int passes(final BenchmarkParams params)
        {
            final long runNs = iterationsNs(params.getWarmup()) + iterationsNs(params.getMeasurement());
            return Math.toIntExact(runNs / (INPUTS * MIN_NS_PER_INPUT) + 2);
        }

        private static long iterationsNs(final IterationParams iterations)
        {
            return iterations.getCount() * iterations.getTime().convertTo(TimeUnit.NANOSECONDS);
        }

        /** Feeds the next input, starting a new pass at the end of the recording. */
        final int feedNext()
        {
            if (cursor == inputs.count())
            {
                nextPass();
            }
            final int k = cursor++;
            return logic.onFrame(inputs.frames(), inputs.offset(k), inputs.length(k), k, out, 0);
        }

        private void nextPass()
        {
            if (logic != null)
            {
                logic.close();
            }
            logic = used < pool.length ? pool[used++] : freshLogic();
            cursor = prologue;
        }

        private HedgeLogic freshLogic()
        {
            final HedgeLogic fresh = new HedgeLogic(DemoInputs.logicContext());
            for (int k = 0; k < prologue; k++)
            {
                fresh.onFrame(inputs.frames(), inputs.offset(k), inputs.length(k), k, out, 0);
            }
            return fresh;
        }
    }

    /** The session with the inputs of other templates fed before each measured op. */
    @State(Scope.Thread)
    public static class TemplateReplay extends Replay
    {
        @Param({ "OptionTicker", "Quote", "IndexPrice", "BookLevels", "ExecutionReport" })
        public String template;
        private int templateId;

        @Setup(Level.Trial)
        public void template()
        {
            templateId = switch (template)
            {
                case "OptionTicker" -> OptionTickerDecoder.TEMPLATE_ID;
                case "Quote" -> QuoteDecoder.TEMPLATE_ID;
                case "IndexPrice" -> IndexPriceDecoder.TEMPLATE_ID;
                case "BookLevels" -> BookLevelsDecoder.TEMPLATE_ID;
                case "ExecutionReport" -> ExecutionReportDecoder.TEMPLATE_ID;
                default -> throw new IllegalArgumentException("template: " + template);
            };
        }

        /** Feeds the inputs up to the next one of the template. */
        @Setup(Level.Invocation)
        public void skipOthers()
        {
            while (cursor == inputs.count() || inputs.templateId(cursor) != templateId)
            {
                feedNext();
            }
        }
    }

    @Benchmark
    public int allInputs(final Replay replay)
    {
        return replay.feedNext();
    }

    @Benchmark
    public int oneTemplate(final TemplateReplay replay)
    {
        return replay.feedNext();
    }
}
