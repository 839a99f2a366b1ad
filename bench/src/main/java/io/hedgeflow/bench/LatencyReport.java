package io.hedgeflow.bench;

import io.hedgeflow.codecs.AccountSnapshotDecoder;
import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.ChannelResetDecoder;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.FundingRateDecoder;
import io.hedgeflow.codecs.HeartbeatDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.OptionTickerDecoder;
import io.hedgeflow.codecs.OptionTradeDecoder;
import io.hedgeflow.codecs.PositionSnapshotDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.codecs.ReconciliationDecoder;
import io.hedgeflow.codecs.TradeDecoder;
import io.hedgeflow.pipeline.IdleStrategyKind;
import io.hedgeflow.pipeline.ThreadingMode;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@link LatencyHarness} measured: tick-to-decision percentiles in nanoseconds next to the service time, the
 * platform floor before and after, and each busy thread's CPU and run-queue seconds; printed as text or as one JSON
 * object, and written as an HdrHistogram interval log plus a percentile table. With the FIX order path, the
 * tick-to-wire latency too ({@link TickToWire}, JSON key {@code tick_to_wire}). The service time is also given per
 * template of the feed frame (JSON key {@code service_by_template}: template name to {@code count}, {@code p50},
 * {@code p99}, {@code p999} in ns, 2 significant digits; templates that did not occur are left out), so a slow
 * input kind shows which path makes the tail. The JSON keys {@code wait_strategy}
 * and {@code thread_layout} of earlier versions stay, holding the processor's idle strategy and the threading mode.
 */
record LatencyReport(
    int rate,
    int seconds,
    long events,
    long elapsedNs,
    long warmupEvents,
    long throwawayWarmupEvents,
    Threading threading,
    JournalLocation journal,
    long gcCollections,
    double loadBefore,
    double loadAfter,
    Histogram total,
    Histogram[] intervals,
    Histogram service,
    Histogram[] serviceByTemplate,
    Histogram floorBefore,
    Histogram floorAfter,
    List<TaskSchedStat.Usage> threads,
    TickToWire tickToWire)
{
    private static final double NS_PER_US = 1_000.0;
    private static final double NS_PER_S = 1e9;

    /** The engine's threads: mode, idle strategies, the start line, and the kernel thread id of the caller. */
    record Threading(
        ThreadingMode mode, IdleStrategyKind idle, IdleStrategyKind processorIdle, String reason, long callerTid)
    {
        boolean isEngine(final TaskSchedStat.Usage thread)
        {
            return thread.tid() == callerTid || thread.name().startsWith("hedgeflow-");
        }
    }

    /** Where the engine's journal was written: the directory and the type of its file system (ext4, tmpfs, ...). */
    record JournalLocation(Path dir, String fileSystem)
    {
        String json()
        {
            return String.format(Locale.ROOT, "\"journal_dir\":\"%s\",\"journal_fs\":\"%s\"", escape(dir.toString()),
                escape(fileSystem));
        }
    }

    /**
     * FIX order path only: tick-to-wire latency (the input's tick time to its NewOrderSingle written to the TCP
     * socket), in total and per interval, in ns; and the NewOrderSingles the venue received.
     */
    record TickToWire(Histogram total, Histogram[] intervals, long venueOrders)
    {
        static final String TAG = "tick-to-wire";

        TickToWire(final Histogram[] intervals, final long venueOrders)
        {
            this(sum(intervals), intervals, venueOrders);
        }

        private static Histogram sum(final Histogram[] intervals)
        {
            final Histogram total = intervals[0].copy();
            for (int i = 1; i < intervals.length; i++)
            {
                total.add(intervals[i]);
            }
            return total;
        }

        String json()
        {
            return String.format(Locale.ROOT, ",\"tick_to_wire\":{\"p50\":%d,\"p99\":%d,\"p999\":%d," +
                "\"p9999\":%d,\"max\":%d,\"count\":%d,\"venue_orders\":%d}", total.getValueAtPercentile(50),
                total.getValueAtPercentile(99), total.getValueAtPercentile(99.9), total.getValueAtPercentile(99.99),
                total.getMaxValue(), total.getTotalCount(), venueOrders);
        }
    }

    double achievedRate()
    {
        return elapsedNs > 0 ? events * 1e9 / elapsedNs : 0;
    }

    private String baseName()
    {
        return "latency-" + threading.mode().name().toLowerCase(Locale.ROOT) + "-" +
            threading.idle().name().toLowerCase(Locale.ROOT) + "-" + rate + (tickToWire != null ? "-fix" : "");
    }

    Path logFile(final Path dir)
    {
        return dir.resolve(baseName() + ".hlog").toAbsolutePath();
    }

    Path tableFile(final Path dir)
    {
        return dir.resolve(baseName() + ".txt").toAbsolutePath();
    }

    Path wireTableFile(final Path dir)
    {
        return dir.resolve(baseName() + "-" + TickToWire.TAG + ".txt").toAbsolutePath();
    }

    /**
     * Writes the interval log (one histogram per second, values in ns; with the FIX path, the tick-to-wire ones
     * follow, tagged {@value TickToWire#TAG}) and the percentile table (in us; tick-to-wire in its own table).
     */
    void write(final Path dir) throws IOException
    {
        try (PrintStream log = new PrintStream(Files.newOutputStream(logFile(dir)), false, StandardCharsets.UTF_8))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(log);
            final long startMs = intervals[0].getStartTimeStamp();
            writer.outputComment("hedgeflow tick-to-decision latency" + (tickToWire != null ? " (then tick-to-wire, " +
                "tagged " + TickToWire.TAG + ")" : "") + ", ns; rate " + rate + "/s, " + threading.reason());
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputLegend();
            for (final Histogram interval : intervals)
            {
                writer.outputIntervalHistogram(interval);
            }
            for (final Histogram interval : tickToWire != null ? tickToWire.intervals() : new Histogram[0])
            {
                interval.setTag(TickToWire.TAG);
                writer.outputIntervalHistogram(interval);
            }
        }
        writeTable(total, tableFile(dir));
        if (tickToWire != null)
        {
            writeTable(tickToWire.total(), wireTableFile(dir));
        }
    }

    private static void writeTable(final Histogram histogram, final Path file) throws IOException
    {
        try (PrintStream table = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(table, 5, NS_PER_US);
        }
    }

    void printText(final PrintWriter out, final Path dir)
    {
        out.printf(Locale.ROOT, "offered rate      %,d frames/s for %d s after %,d warm-up frames (and %,d " +
            "unpaced through a throwaway engine before them)%n", rate, seconds, warmupEvents, throwawayWarmupEvents);
        out.printf(Locale.ROOT, "%s%n", threading.reason());
        out.printf(Locale.ROOT, "measured events   %,d (achieved %,.0f frames/s)%n", events, achievedRate());
        out.printf(Locale.ROOT, "tick-to-decision  %s%n", percentiles(total, true));
        if (tickToWire != null)
        {
            out.printf(Locale.ROOT, "tick-to-wire      %s  (%,d NewOrderSingles, %,d received by the venue)%n",
                percentiles(tickToWire.total(), true), tickToWire.total().getTotalCount(), tickToWire.venueOrders());
        }
        out.printf(Locale.ROOT, "service time      %s%n", percentiles(service, true));
        for (int t = 0; t < serviceByTemplate.length; t++)
        {
            final Histogram h = serviceByTemplate[t];
            if (h.getTotalCount() > 0)
            {
                out.printf(Locale.ROOT, "  %-20s %,11d frames  p50 %,d ns  p99 %,d ns  p99.9 %,d ns%n",
                    templateName(t), h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9));
            }
        }
        out.printf(Locale.ROOT, "floor before      %s%n", percentiles(floorBefore, true));
        out.printf(Locale.ROOT, "floor after       %s%n", percentiles(floorAfter, true));
        for (final TaskSchedStat.Usage thread : threads)
        {
            out.printf(Locale.ROOT, "thread %-16s %s cpu %.3f s, run queue %.3f s%n", thread.name(),
                threading.isEngine(thread) ? "(engine)" : "        ", thread.cpuNs() / NS_PER_S,
                thread.runQueueNs() / NS_PER_S);
        }
        out.printf(Locale.ROOT, "journal           %s (%s)%n", journal.dir(), journal.fileSystem());
        out.printf(Locale.ROOT, "GC collections    %d during the measured phase%n", gcCollections);
        out.printf(Locale.ROOT, "load average      %.2f before, %.2f after (1 min; after includes the engine's " +
            "own threads)%n", loadBefore, loadAfter);
        out.printf(Locale.ROOT, "histogram log     %s%npercentile table  %s (microseconds)%n", logFile(dir),
            tableFile(dir));
        out.flush();
    }

    private static String percentiles(final Histogram h, final boolean text)
    {
        return String.format(Locale.ROOT, text ? "p50 %,d ns  p99 %,d ns  p99.9 %,d ns  p99.99 %,d ns  max %,d ns" :
            "{\"p50\":%d,\"p99\":%d,\"p999\":%d,\"p9999\":%d,\"max\":%d}", h.getValueAtPercentile(50),
            h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue());
    }

    void printJson(final PrintWriter out, final Path dir)
    {
        out.printf(Locale.ROOT, "{\"rate\":%d,\"events\":%d,\"p50\":%d,\"p99\":%d,\"p999\":%d,\"p9999\":%d," +
            "\"max\":%d,\"gc_collections\":%d,\"achieved_rate\":%.0f,\"seconds\":%d,\"warmup_events\":%d," +
            "\"warmup_throwaway_events\":%d," +
            "\"wait_strategy\":\"%s\",\"thread_layout\":\"%s\",\"threading_mode\":\"%s\",\"idle_strategy\":\"%s\"," +
            "\"processor_idle_strategy\":\"%s\",\"load_average_before\":%.2f,\"load_average_after\":%.2f," +
            "\"service\":{\"p50\":%d,\"p99\":%d,\"p999\":%d},\"service_by_template\":{%s}," +
            "\"floor_before\":%s,\"floor_after\":%s," +
            "\"threads\":[%s],\"orders_to\":\"%s\"%s,%s,\"histogram_log\":\"%s\"}%n", rate, events,
            total.getValueAtPercentile(50), total.getValueAtPercentile(99), total.getValueAtPercentile(99.9),
            total.getValueAtPercentile(99.99), total.getMaxValue(), gcCollections, achievedRate(), seconds,
            warmupEvents, throwawayWarmupEvents, threading.processorIdle(), threading.mode(), threading.mode(),
            threading.idle(), threading.processorIdle(), loadBefore, loadAfter,
            service.getValueAtPercentile(50), service.getValueAtPercentile(99), service.getValueAtPercentile(99.9),
            serviceByTemplateJson(), percentiles(floorBefore, false), percentiles(floorAfter, false), threadsJson(),
            tickToWire != null ? "fix" : "sim", tickToWire != null ? tickToWire.json() : "", journal.json(),
            escape(logFile(dir).toString()));
        out.flush();
    }

    private String serviceByTemplateJson()
    {
        final StringBuilder json = new StringBuilder();
        for (int t = 0; t < serviceByTemplate.length; t++)
        {
            final Histogram h = serviceByTemplate[t];
            if (h.getTotalCount() > 0)
            {
                json.append(json.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                    "\"%s\":{\"count\":%d,\"p50\":%d,\"p99\":%d,\"p999\":%d}", templateName(t),
                    h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                    h.getValueAtPercentile(99.9)));
            }
        }
        return json.toString();
    }

    /** The name of a feed frame's SBE template, or "template_ID" for one the feed does not carry. */
    static String templateName(final int templateId)
    {
        return switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> "InstrumentDefinition";
            case QuoteDecoder.TEMPLATE_ID -> "Quote";
            case BookLevelsDecoder.TEMPLATE_ID -> "BookLevels";
            case TradeDecoder.TEMPLATE_ID -> "Trade";
            case IndexPriceDecoder.TEMPLATE_ID -> "IndexPrice";
            case OptionTickerDecoder.TEMPLATE_ID -> "OptionTicker";
            case FundingRateDecoder.TEMPLATE_ID -> "FundingRate";
            case HeartbeatDecoder.TEMPLATE_ID -> "Heartbeat";
            case ChannelResetDecoder.TEMPLATE_ID -> "ChannelReset";
            case ExecutionReportDecoder.TEMPLATE_ID -> "ExecutionReport";
            case PositionSnapshotDecoder.TEMPLATE_ID -> "PositionSnapshot";
            case OptionTradeDecoder.TEMPLATE_ID -> "OptionTrade";
            case KillSwitchDecoder.TEMPLATE_ID -> "KillSwitch";
            case AccountSnapshotDecoder.TEMPLATE_ID -> "AccountSnapshot";
            case ReconciliationDecoder.TEMPLATE_ID -> "Reconciliation";
            default -> "template_" + templateId;
        };
    }

    private String threadsJson()
    {
        final StringBuilder json = new StringBuilder();
        for (final TaskSchedStat.Usage thread : threads)
        {
            json.append(json.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "{\"name\":\"%s\",\"tid\":%d," +
                "\"engine\":%b,\"cpu_s\":%.3f,\"runqueue_s\":%.3f}", escape(thread.name()), thread.tid(),
                threading.isEngine(thread), thread.cpuNs() / NS_PER_S, thread.runQueueNs() / NS_PER_S));
        }
        return json.toString();
    }

    private static String escape(final String text)
    {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
