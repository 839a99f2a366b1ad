package io.hedgeflow.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LatencyHarnessTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReportPercentilesAsJsonAndWriteTheIntervalLogAndTable() throws FileNotFoundException
    {
        final StringWriter out = new StringWriter();
        final CommandLine cli = new CommandLine(new LatencyHarness());
        cli.setOut(new PrintWriter(out));
        final int code = cli.execute("--rate", "5000", "--seconds", "2", "--warmup-seconds", "0", "--format", "json",
            "--output", dir.toString());
        assertEquals(0, code);
        final String json = out.toString().trim();
        assertEquals(5000, field(json, "rate"));
        assertEquals(10_000, field(json, "events"), "rate x seconds frames offered and processed");
        final long p50 = field(json, "p50");
        assertTrue(p50 > 0 && p50 <= field(json, "p99") && field(json, "p99") <= field(json, "p999") &&
            field(json, "p999") <= field(json, "p9999") && field(json, "p9999") <= field(json, "max"), json);
        assertTrue(field(json, "gc_collections") >= 0, json);
        assertTrue(json.contains("\"wait_strategy\":\"SLEEPING\",\"thread_layout\":\"COMBINED\""), json);

        final Path log = dir.resolve("latency-combined-sleeping-5000.hlog");
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
        assertTrue(Files.exists(dir.resolve("latency-combined-sleeping-5000.txt")));
    }

    private static long field(final String json, final String key)
    {
        final String value = json.replaceAll(".*\"" + key + "\":(\\d+).*", "$1");
        assertTrue(value.matches("\\d+"), key + " in " + json);
        return Long.parseLong(value);
    }
}
