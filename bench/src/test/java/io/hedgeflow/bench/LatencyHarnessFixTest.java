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

/**
 * A short latency run with the FIX order path: the engine's NewOrderSingles go over TCP to the in-process test
 * venue, and their tick-to-wire latency is reported next to tick-to-decision and logged as tagged intervals.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LatencyHarnessFixTest
{
    private static final long MAX_SANE_NS = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path dir;

    @Test
    void shouldReportTickToWireOfTheOrdersSentToTheFixVenue() throws FileNotFoundException
    {
        final StringWriter out = new StringWriter();
        final CommandLine cli = new CommandLine(new LatencyHarness());
        cli.setOut(new PrintWriter(out));
        final int code = cli.execute("--orders-to", "fix", "--rate", "10000", "--seconds", "2", "--warmup-seconds",
            "1", "--warmup-events", "0", "--format", "json", "--threading-mode", "SHARED", "--idle-strategy", "BACKOFF",
            "--output", dir.toString());
        assertEquals(0, code);
        final String json = out.toString().trim();
        assertTrue(json.contains("\"orders_to\":\"fix\""), json);
        final String wire = LatencyHarnessTest.object(json, "tick_to_wire");
        final long count = LatencyHarnessTest.field(wire, "count");
        assertTrue(count > 0, "orders of the measured phase reached the socket: " + json);
        assertTrue(count <= LatencyHarnessTest.field(wire, "venue_orders"), "the venue received them: " + wire);
        final long p50 = LatencyHarnessTest.field(wire, "p50");
        assertTrue(p50 > 0 && p50 <= LatencyHarnessTest.field(wire, "p99") &&
            LatencyHarnessTest.field(wire, "p99") <= LatencyHarnessTest.field(wire, "p999") &&
            LatencyHarnessTest.field(wire, "p999") <= LatencyHarnessTest.field(wire, "max") &&
            LatencyHarnessTest.field(wire, "max") < MAX_SANE_NS, wire);

        final HistogramLogReader reader = new HistogramLogReader(
            dir.resolve("latency-shared-backoff-10000-fix.hlog").toFile());
        long wireRecorded = 0;
        int wireIntervals = 0;
        Histogram interval;
        while ((interval = (Histogram)reader.nextIntervalHistogram()) != null)
        {
            if (LatencyReport.TickToWire.TAG.equals(interval.getTag()))
            {
                wireRecorded += interval.getTotalCount();
                wireIntervals++;
            }
        }
        assertEquals(2, wireIntervals, "one tick-to-wire interval per measured second");
        assertEquals(count, wireRecorded);
        assertTrue(Files.exists(dir.resolve("latency-shared-backoff-10000-fix-tick-to-wire.txt")));
    }
}
