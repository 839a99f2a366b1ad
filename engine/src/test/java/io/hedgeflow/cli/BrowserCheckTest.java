package io.hedgeflow.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/browser-check on the report of the README's {@code backtest --compare} command: headless Chromium shows
 * it without a console error and saves screenshots; a report with a planted script error and a broken chart fails.
 * Slow profile: it may install Chromium (apt-get) and starts the browser eight times.
 */
@Tag("slow")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BrowserCheckTest
{
    private static final Path ROOT = Path.of(System.getProperty("hedgeflow.root", "..")).toAbsolutePath();
    private static final byte[] PNG = {(byte)0x89, 'P', 'N', 'G'};

    @TempDir
    Path dir;

    @Test
    void shouldRenderTheReadmesComparisonReportWithoutConsoleErrors() throws Exception
    {
        final Path report = dir.resolve("report");
        final StringWriter err = new StringWriter();
        assertEquals(0, HedgeflowTool.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "backtest",
            "--strike", "50", "--maturity", "0.38461538461538464", "--position", "-100000", "--vol", "0.2", "--rate",
            "0.05", "--spot", "49", "--mu", "0.13", "--cost-bps", "20", "--paths", "2000", "--seed", "42",
            "--report", report.toString(), "--compare",
            "interval:1w,band:0.05,band-edge:0.05,gamma:1:1w,ww:5e-5,zakamouline:5e-5,interval:1w+leland"),
            err.toString());
        final Result check = browserCheck(report);
        assertEquals(0, check.exitCode, check.err);
        for (final String png : new String[]{"index.png", "errors.png", "frontier.png", "attribution.png"})
        {
            final byte[] bytes = Files.readAllBytes(report.resolve(png));
            assertArrayEquals(PNG, Arrays.copyOf(bytes, PNG.length), png);
            assertTrue(bytes.length > 10_000, png + ": " + bytes.length + " bytes");
        }
    }

    @Test
    void shouldFailOnAScriptErrorAConsoleErrorAndAChartThatDoesNotParse() throws Exception
    {
        final Path report = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(report.resolve("index.html"), "<!DOCTYPE html>\n<html><head><title>t</title></head><body>" +
            "<script>console.error('planted console error'); throw new Error('planted exception');</script>" +
            "</body></html>\n");
        Files.writeString(report.resolve("errors.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>\n");
        final Result check = browserCheck(report);
        assertEquals(1, check.exitCode, check.err);
        assertTrue(check.err.contains("planted console error"), check.err);
        assertTrue(check.err.contains("Uncaught Error: planted exception"), check.err);
        assertTrue(check.err.contains("errors.svg does not parse"), check.err);
    }

    private record Result(int exitCode, String err)
    {
    }

    private static Result browserCheck(final Path report) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(ROOT.resolve("scripts/browser-check").toString(),
            report.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "browser-check finished");
        return new Result(process.exitValue(), err);
    }
}
