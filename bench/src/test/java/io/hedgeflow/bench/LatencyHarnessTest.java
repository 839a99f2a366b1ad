package io.hedgeflow.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LatencyHarnessTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReportPercentilesAsJsonAndWriteTheIntervalLogAndTable() throws IOException
    {
        final StringWriter out = new StringWriter();
        final CommandLine cli = new CommandLine(new LatencyHarness());
        cli.setOut(new PrintWriter(out));
        final int code = cli.execute("--rate", "5000", "--seconds", "2", "--warmup-seconds", "0", "--warmup-events",
            "20000", "--format", "json", "--threading-mode", "SHARED", "--idle-strategy", "BACKOFF", "--floor-seconds",
            "1", "--output",
            dir.toString(), "--journal-dir", dir.toString());
        assertEquals(0, code);
        final String json = out.toString().trim();
        final String top = json.replaceAll("\"\\w+\":\\{[^}]*}", "").replaceAll("\"threads\":\\[[^\\]]*]", "");
        assertEquals(5000, field(top, "rate"));
        assertEquals(10_000, field(top, "events"), "rate x seconds frames offered and processed");
        assertEquals(20_000, field(top, "warmup_throwaway_events"), "unpaced through the throwaway engine first");
        final long p50 = field(top, "p50");
        assertTrue(p50 > 0 && p50 <= field(top, "p99") && field(top, "p99") <= field(top, "p999") &&
            field(top, "p999") <= field(top, "p9999") && field(top, "p9999") <= field(top, "max"), top);
        assertTrue(field(top, "gc_collections") >= 0, json);
        assertTrue(json.contains("\"wait_strategy\":\"BACKOFF\",\"thread_layout\":\"SHARED\",\"threading_mode\":" +
            "\"SHARED\",\"idle_strategy\":\"BACKOFF\""), json);
        for (final String floor : new String[]{"floor_before", "floor_after"})
        {
            final String object = object(json, floor);
            assertTrue(field(object, "p50") <= field(object, "p99") && field(object, "p99") <= field(object, "p999") &&
                field(object, "p999") <= field(object, "p9999") && field(object, "p9999") <= field(object, "max"),
                floor + " " + object);
        }
        final String service = object(json, "service");
        final long serviceP50 = field(service, "p50");
        assertTrue(serviceP50 > 0 && serviceP50 <= field(service, "p99") &&
            field(service, "p99") <= field(service, "p999"), service);
        assertTrue(serviceP50 <= p50, "service is part of tick-to-decision: " + json);
        final String byTemplate = json.replaceAll(
            ".*\"service_by_template\":\\{((\"\\w+\":\\{[^}]*},?)*)}.*", "$1");
        long templateFrames = 0;
        for (final String template : byTemplate.split("(?<=}),"))
        {
            final String stats = template.replaceAll("^\"\\w+\":", "");
            assertTrue(field(stats, "p50") <= field(stats, "p99") && field(stats, "p99") <= field(stats, "p999"),
                template);
            templateFrames += field(stats, "count");
        }
        assertTrue(byTemplate.contains("\"OptionTicker\":{\"count\":"), byTemplate);
        assertEquals(10_000, templateFrames, "every measured frame in its template's service time: " + byTemplate);
        assertTrue(json.matches(".*\"threads\":\\[.*\"engine\":true,\"cpu_s\":[0-9.]+,\"runqueue_s\":[0-9.]+.*"),
            "the engine's thread with its CPU and run-queue seconds: " + json);
        assertTrue(json.matches(".*\"journal_dir\":\"" + Pattern.quote(dir.toString()) +
            "[^\"]*hedgeflow-latency[^\"]*\",\"journal_fs\":\"\\w+\".*"),
            "the journal's directory and its file system: " + json);
        try (Stream<Path> left = Files.list(dir))
        {
            assertTrue(left.noneMatch(path -> path.getFileName().toString().startsWith("hedgeflow-")),
                "the journal and the throwaway engine's journal are deleted afterwards");
        }

        final Path log = dir.resolve("latency-shared-backoff-5000.hlog");
        final HistogramLogReader reader = new HistogramLogReader(log.toFile());
        long recorded = 0;
        int intervals = 0;
        Histogram interval;
        while ((interval = (Histogram)reader.nextIntervalHistogram()) != null)
        {
            recorded += interval.getTotalCount();
            intervals++;
        }
        assertEquals(2, intervals, "one interval per measured second");
        assertEquals(10_000, recorded, "every measured frame has a latency");
        assertTrue(Files.exists(dir.resolve("latency-shared-backoff-5000.txt")));
    }

    static String object(final String json, final String key)
    {
        final String value = json.replaceAll(".*\"" + key + "\":(\\{[^}]*}).*", "$1");
        assertTrue(value.startsWith("{"), key + " in " + json);
        return value;
    }

    static long field(final String json, final String key)
    {
        final String value = json.replaceAll(".*\"" + key + "\":(\\d+).*", "$1");
        assertTrue(value.matches("\\d+"), key + " in " + json);
        return Long.parseLong(value);
    }
}
