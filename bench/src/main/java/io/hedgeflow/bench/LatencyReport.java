package io.hedgeflow.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@link LatencyHarness} measured: tick-to-decision percentiles in nanoseconds, printed as text or as one JSON
 * object, and written as an HdrHistogram interval log plus a percentile table.
 */
record LatencyReport(
    int rate,
    int seconds,
    long events,
    long elapsedNs,
    long warmupEvents,
    String waitStrategy,
    String threadLayout,
    long gcCollections,
    double loadBefore,
    double loadAfter,
    Histogram total,
    Histogram[] intervals)
{
    private static final double NS_PER_US = 1_000.0;

    long p50()
    {
        return total.getValueAtPercentile(50);
    }

    long p99()
    {
        return total.getValueAtPercentile(99);
    }

    long p999()
    {
        return total.getValueAtPercentile(99.9);
    }

    long p9999()
    {
        return total.getValueAtPercentile(99.99);
    }

    double achievedRate()
    {
        return elapsedNs > 0 ? events * 1e9 / elapsedNs : 0;
    }

    private String baseName()
    {
        return "latency-" + threadLayout.toLowerCase(Locale.ROOT) + "-" + waitStrategy.toLowerCase(Locale.ROOT) + "-" +
            rate;
    }

    Path logFile(final Path dir)
    {
        return dir.resolve(baseName() + ".hlog").toAbsolutePath();
    }

    Path tableFile(final Path dir)
    {
        return dir.resolve(baseName() + ".txt").toAbsolutePath();
    }

    /** Writes the interval log (one histogram per second, values in ns) and the percentile table (in us). */
    void write(final Path dir) throws IOException
    {
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile(dir)), false, StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(log);
            final long startMs = intervals[0].getStartTimeStamp();
            writer.outputComment("hedgeflow tick-to-decision latency, ns; rate " + rate + "/s, wait strategy " +
                waitStrategy + ", thread layout " + threadLayout);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputLegend();
            for (final Histogram interval : intervals)
            {
                writer.outputIntervalHistogram(interval);
            }
        }
        try (PrintStream table = new PrintStream(Files.newOutputStream(tableFile(dir)), false, StandardCharsets.UTF_8))
        {
            total.outputPercentileDistribution(table, 5, NS_PER_US);
        }
    }

    void printText(final PrintWriter out, final Path dir)
    {
        out.printf(Locale.ROOT, "offered rate      %,d frames/s for %d s after %,d warm-up frames (wait strategy %s, " +
            "thread layout %s)%n", rate, seconds, warmupEvents, waitStrategy, threadLayout);
        out.printf(Locale.ROOT, "measured events   %,d (achieved %,.0f frames/s)%n", events, achievedRate());
        out.printf(Locale.ROOT, "tick-to-decision  p50 %,d ns  p99 %,d ns  p99.9 %,d ns  p99.99 %,d ns  max %,d ns%n",
            p50(), p99(), p999(), p9999(), total.getMaxValue());
        out.printf(Locale.ROOT, "GC collections    %d during the measured phase%n", gcCollections);
        out.printf(Locale.ROOT, "load average      %.2f before, %.2f after (1 min; after includes the engine's " +
            "own threads)%n", loadBefore, loadAfter);
        out.printf(Locale.ROOT, "histogram log     %s%npercentile table  %s (microseconds)%n", logFile(dir),
            tableFile(dir));
        out.flush();
    }

    void printJson(final PrintWriter out, final Path dir)
    {
        out.printf(Locale.ROOT, "{\"rate\":%d,\"events\":%d,\"p50\":%d,\"p99\":%d,\"p999\":%d,\"p9999\":%d," +
            "\"max\":%d,\"gc_collections\":%d,\"achieved_rate\":%.0f,\"seconds\":%d,\"warmup_events\":%d," +
            "\"wait_strategy\":\"%s\",\"thread_layout\":\"%s\",\"load_average_before\":%.2f,\"load_average_after\":%.2f," +
            "\"histogram_log\":\"%s\"}%n", rate, events, p50(),
            p99(), p999(), p9999(), total.getMaxValue(), gcCollections, achievedRate(), seconds, warmupEvents,
            waitStrategy, threadLayout, loadBefore, loadAfter, logFile(dir).toString().replace("\\", "\\\\").replace("\"", "\\\""));
        out.flush();
    }
}
