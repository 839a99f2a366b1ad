package io.hedgeflow.bench;

import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.config.Defaults;
import io.hedgeflow.pipeline.Engine;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.EngineWarmup;
import io.hedgeflow.pipeline.IdleStrategyKind;
import io.hedgeflow.pipeline.ThreadingMode;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.IoUtil;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end latency harness ({@code scripts/bench latency}): the whole engine in-process (feed poller, journaler,
 * logic, order publisher, simulated exchange; the ring in DEDICATED mode) on the simulator's feed offered at a
 * constant rate, in the threading mode and idle strategies given (default: the engine's defaults for this machine).
 * <p>
 * The load generator is the engine's own feed poller: it stamps every frame with its intended time on the rate's
 * schedule, so tick-to-decision latency includes any time a frame waited behind a slow predecessor (no coordinated
 * omission), and it parks until shortly before each due time, so it takes no core of its own. Next to the latency:
 * the service time (the processing thread taking a frame to its decision being done), the platform floor measured
 * for --floor-seconds right before and right after the engine phase ({@link PlatformFloor}), and each busy thread's
 * CPU and run-queue seconds over the measured phase ({@link TaskSchedStat}). First a throwaway engine of the same
 * configuration runs --warmup-events simulated frames unpaced ({@link EngineWarmup}, its journal deleted): the rare
 * paths (a decision, its order, risk check and fill: about 0.07 % of inputs) are otherwise still interpreted or in C1
 * code long into the measured phase. Then a paced warm-up phase (JIT, journal pages) of the measured engine; the
 * measured phase runs in chunks of one second (longer for runs over MAX_INTERVALS seconds), each an interval of the
 * HdrHistogram log. Between chunks the schedule restarts once the pipeline has drained, which hides at
 * most that drain time (microseconds) per chunk. Nothing is allocated between chunks, so the GC count of the
 * measured phase is the engine's own.
 * The journal goes to a temporary directory under --journal-dir (default the JVM's temporary directory), deleted
 * afterwards; the report names that directory and its file system type, because a journal on a disk-backed file
 * system makes the kernel write its pages back during the measured phase.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
    description = "Tick-to-decision latency of the engine at a constant offered rate.")
public final class LatencyHarness implements Callable<Integer>
{
    /** Longer runs get longer intervals, so the histograms kept in memory stay few. */
    private static final int MAX_INTERVALS = 120;
    /** Threads with less CPU and run-queue time than this over the measured phase are left out of the report. */
    private static final long MIN_THREAD_NS = 10_000_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", description = "Frames per second offered (default ${DEFAULT-VALUE}).",
        defaultValue = "100000")
    int rate;

    @Option(names = "--seconds", description = "Length of the measured phase (default ${DEFAULT-VALUE}).",
        defaultValue = "60")
    int seconds;

    @Option(names = "--warmup-seconds", description = "Length of the warm-up phase (default ${DEFAULT-VALUE}).",
        defaultValue = "15")
    int warmupSeconds;

    @Option(names = "--warmup-events", description = "Simulated frames run unpaced through throwaway engines of " +
        "the same configuration before the warm-up phase, then a wait for the JIT's compiler threads to go idle, so " +
        "the JIT compiles the rare paths (decisions, orders, fills) before measuring (default ${DEFAULT-VALUE}; " +
        "0: none).", defaultValue = "2000000")
    long warmupThrowawayEvents;

    @Option(names = "--threading-mode", description = "SHARED or DEDICATED (default: the engine's for this " +
        "machine's cores).")
    ThreadingMode threadingMode;

    @Option(names = "--idle-strategy", description = "The feed thread's idle strategy: BUSY_SPIN, NO_OP, YIELDING, " +
        "BACKOFF, SLEEPING (default: the engine's).")
    IdleStrategyKind idleStrategy;

    @Option(names = "--processor-idle-strategy", description = "DEDICATED: the processor thread's idle strategy " +
        "(default: the engine's, as --idle-strategy).")
    IdleStrategyKind processorIdleStrategy;

    @Option(names = "--floor-seconds", description = "Length of each platform floor phase, before and after the " +
        "engine phase (default ${DEFAULT-VALUE}; 0 with --orders-to fix, whose session must be polled).",
        defaultValue = "10")
    int floorSeconds;

    @Option(names = "--orders-to", description = "sim: orders to the engine's simulated exchange; fix: FIX " +
        "NewOrderSingles over TCP on localhost to the in-process test venue, adding tick-to-wire latency " +
        "(default ${DEFAULT-VALUE}).", defaultValue = "sim")
    String ordersTo;

    @Option(names = "--fix-idle-strategy", description = "With --orders-to fix: how the gateway's Artio " +
        "background thread (indexer, Aeron conductor; the framer runs in the engine's duty cycle) waits, as " +
        "fix.idleStrategy (default ${DEFAULT-VALUE}).",
        defaultValue = "BACKOFF")
    IdleStrategyKind fixIdleStrategy;

    @Option(names = "--seed", description = "Simulator seed (default ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--journal-dir", description = "Directory in which the run's journal is created and deleted " +
        "afterwards (default: the JVM's temporary directory, ${DEFAULT-VALUE}).", defaultValue = "${sys:java.io.tmpdir}")
    Path journalDir;

    @Option(names = "--format", description = "text or json (default ${DEFAULT-VALUE}).", defaultValue = "text")
    String format;

    @Option(names = "--output", description = "Directory for the histogram log and percentile table " +
        "(default ${DEFAULT-VALUE}).", defaultValue = "target/latency")
    Path output;

    public Integer call() throws IOException
    {
        if (rate <= 0 || seconds <= 0 || warmupSeconds < 0 || warmupThrowawayEvents < 0 || floorSeconds < 0 ||
            !("text".equals(format) || "json".equals(format)) || threadingMode == ThreadingMode.INVOKER ||
            !("sim".equals(ordersTo) || "fix".equals(ordersTo)))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate and --seconds must be positive, " +
                "--warmup-seconds, --warmup-events and --floor-seconds not negative, --format text or json, " +
                "--threading-mode SHARED or DEDICATED, --orders-to sim or fix");
        }
        final Path dir = Files.createTempDirectory(journalDir, "hedgeflow-latency");
        try
        {
            final LatencyReport report = measure(dir);
            Files.createDirectories(output);
            report.write(output);
            final PrintWriter out = spec.commandLine().getOut();
            if ("json".equals(format))
            {
                report.printJson(out, output);
            }
            else
            {
                report.printText(out, output);
            }
            return 0;
        }
        finally
        {
            IoUtil.delete(dir.toFile(), false);
        }
    }

    private LatencyReport measure(final Path dir) throws IOException
    {
        final SimContext sim = new SimContext().seed(seed);
        final EngineContext ctx = new EngineContext().journalDir(dir.resolve("journal")).threadingMode(threadingMode)
            .idleStrategy(idleStrategy).processorIdleStrategy(processorIdleStrategy).simContext(sim)
            .logicContext(Defaults.logicContext());
        final long throwawayEvents = EngineWarmup.run(ctx, warmupThrowawayEvents, dir);
        final FrameSource feed = new SimFeedSource(new MarketSimulator(sim));
        try (FixOrderPath fix = "fix".equals(ordersTo) ?
            new FixOrderPath(dir.resolve("fix"), feed, fixIdleStrategy) : null;
            Engine engine = new Engine(ctx.orderRoute(fix != null ? fix.route() : null),
                fix != null ? fix.route() : feed))
        {
            return measure(engine, ctx, fix, throwawayEvents);
        }
    }

    private LatencyReport measure(
        final Engine engine, final EngineContext ctx, final FixOrderPath fix, final long throwawayEvents)
        throws IOException
    {
        final double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        final long warmupEvents = engine.run((long)rate * warmupSeconds, rate);
        final Histogram total = engine.latency();
        final Histogram previous = total.copy();
        final int intervalSeconds = (seconds + MAX_INTERVALS - 1) / MAX_INTERVALS;
        final Histogram[] intervals = new Histogram[(seconds + intervalSeconds - 1) / intervalSeconds];
        final Histogram[] wireIntervals = new Histogram[fix != null ? intervals.length : 0];
        for (int i = 0; i < intervals.length; i++)
        {
            intervals[i] = total.copy();
        }
        for (int i = 0; i < wireIntervals.length; i++)
        {
            wireIntervals[i] = total.copy();
        }
        final long frameIntervalNs = Math.max(1L, Math.round(1e9 / rate));
        // The FIX session lives in the engine's duty cycle: a floor phase would leave it unpolled for seconds and
        // the venue would end it, so with the FIX path the floors are not measured.
        final long floorNs = fix != null ? 0 : TimeUnit.SECONDS.toNanos(floorSeconds);
        final long highestNs = total.getHighestTrackableValue();
        final Histogram floorBefore = PlatformFloor.measure(floorNs, frameIntervalNs, highestNs);
        engine.startMeasuring();
        if (fix != null)
        {
            fix.tickToWire().intervalInto(wireIntervals[0]);
        }
        final long callerTid = TaskSchedStat.currentTid();
        final List<TaskSchedStat.Usage> schedBefore = TaskSchedStat.snapshot();
        final long gcBefore = gcCount();
        final long startNs = System.nanoTime();
        long events = 0;
        for (int i = 0; i < intervals.length; i++)
        {
            final long intervalStartMs = System.currentTimeMillis();
            events += engine.run((long)rate * Math.min(intervalSeconds, seconds - i * intervalSeconds), rate);
            total.copyInto(intervals[i]);
            intervals[i].subtract(previous);
            stamp(intervals[i], intervalStartMs);
            total.copyInto(previous);
            if (fix != null)
            {
                fix.tickToWire().intervalInto(wireIntervals[i]);
                stamp(wireIntervals[i], intervalStartMs);
            }
        }
        final long elapsedNs = System.nanoTime() - startNs;
        final long gcCollections = gcCount() - gcBefore;
        final List<TaskSchedStat.Usage> threads = TaskSchedStat.between(schedBefore, TaskSchedStat.snapshot(),
            MIN_THREAD_NS);
        final Histogram floorAfter = PlatformFloor.measure(floorNs, frameIntervalNs, highestNs);
        if (engine.errors() > 0)
        {
            throw new IllegalStateException(engine.errors() + " pipeline error(s), first: " + engine.firstError());
        }
        return new LatencyReport(rate, seconds, events, elapsedNs, warmupEvents, throwawayEvents,
            new LatencyReport.Threading(ctx.threadingMode(), ctx.idleStrategy(), ctx.processorIdleStrategy(),
            ctx.threadingReason(), callerTid), new LatencyReport.JournalLocation(ctx.journalDir(),
            Files.getFileStore(ctx.journalDir()).type()), gcCollections, loadBefore,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), total.copy(), intervals,
            engine.service().copy(), copies(engine.serviceByTemplate()), floorBefore, floorAfter, threads,
            fix != null ? new LatencyReport.TickToWire(wireIntervals, fix.ordersReceived()) : null);
    }

    private static Histogram[] copies(final Histogram[] histograms)
    {
        final Histogram[] copies = new Histogram[histograms.length];
        for (int i = 0; i < histograms.length; i++)
        {
            copies[i] = histograms[i].copy();
        }
        return copies;
    }

    private static void stamp(final Histogram interval, final long startMs)
    {
        interval.setStartTimeStamp(startMs);
        interval.setEndTimeStamp(System.currentTimeMillis());
    }

    private static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    public static void main(final String[] args)
    {
        final CommandLine cli = new CommandLine(new LatencyHarness());
        cli.setParameterExceptionHandler((ex, arguments) ->
        {
            System.err.println("latency: " + ex.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        {
            System.err.println("latency: " + ex);
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
