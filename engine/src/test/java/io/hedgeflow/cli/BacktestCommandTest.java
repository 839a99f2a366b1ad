package io.hedgeflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BacktestCommandTest extends CommandTest
{
    private static final String[] HULL = {"backtest", "--strike", "50", "--maturity", "0.38461538461538464",
        "--position", "-100000", "--vol", "0.2", "--rate", "0.05", "--spot", "49", "--mu", "0.13"};
    private static final double[] SPOTS = {49.00, 48.12, 47.37, 50.25, 51.75, 53.12, 53.00, 51.87, 51.38, 53.00,
        49.88, 48.50, 49.88, 50.37, 52.13, 51.88, 52.87, 54.87, 54.62, 55.87, 57.25};

    @TempDir
    Path dir;

    private int hull(final String... more)
    {
        final String[] args = new String[HULL.length + more.length];
        System.arraycopy(HULL, 0, args, 0, HULL.length);
        System.arraycopy(more, 0, args, HULL.length, more.length);
        return run(args);
    }

    private Path hullCsv() throws IOException
    {
        final StringBuilder csv = new StringBuilder("time,spot\n");
        for (int k = 0; k < SPOTS.length; k++)
        {
            csv.append(String.format(Locale.ROOT, "%s,%.2f%n", k / 52.0, SPOTS[k]));
        }
        return Files.writeString(dir.resolve("hull.csv"), csv);
    }

    @Test
    void shouldWriteHullsLedgerFromAGivenPath() throws IOException
    {
        final Path ledger = dir.resolve("ledger.csv");
        assertEquals(0, hull("--path", hullCsv().toString(), "--every", "1w", "--delta-rounding", "0.001",
            "--ledger", ledger.toString()), err.toString());
        final List<String> rows = Files.readAllLines(ledger);
        assertEquals("step,time,spot,delta,hedge_position,trade_qty,trade_cost,interest,cumulative_cost", rows.get(0));
        assertEquals(23, rows.size(), "header, weeks 0 to 20, delivery");
        final String[] week20 = rows.get(21).split(",");
        assertEquals(5_263_300.0, Double.parseDouble(week20[8]), 500.0, rows.get(21));
        final String[] delivery = rows.get(22).split(",");
        final Matcher summary = Pattern.compile("at the end of the path ([0-9.]+)").matcher(out.toString());
        assertTrue(summary.find(), out.toString());
        assertEquals(summary.group(1), String.format(Locale.ROOT, "%.2f", Double.parseDouble(delivery[8])),
            "the ledger's last cumulative cost is the summary's cost to the cent");
        assertTrue(summary.group(1).startsWith("2633"), out.toString());
    }

    @Test
    void shouldPrintExactlyTheDocumentedJsonKeys()
    {
        assertEquals(0, hull("--paths", "200", "--every", "4w", "--format", "json", "--threads", "1"), err.toString());
        final Matcher keys = Pattern.compile("\"([a-z_0-9]+)\":").matcher(out.toString());
        final StringBuilder names = new StringBuilder();
        while (keys.find())
        {
            names.append(keys.group(1)).append(' ');
        }
        assertEquals("bsm_price mean_cost sd_cost performance mean_trades cost_paid cvar95 variance_reduction paths ",
            names.toString());
        assertTrue(out.toString().contains("\"paths\":200"), out.toString());
        assertFalse(err.toString().contains("["), "no progress bar off a terminal: " + err);
    }

    @Test
    void shouldGiveIdenticalResultsOnOneAndThreeThreads()
    {
        final String[] common = {"--model", "heston", "--jump-intensity", "2", "--paths", "150", "--compare",
            "interval:1w,band:0.05,band-edge:0.05", "--cost-bps", "10", "--format", "json"};
        final String[] one = concat(common, "--threads", "1", "--seed", "9");
        final String[] three = concat(common, "--threads", "3", "--seed", "9");
        assertEquals(0, hull(one), err.toString());
        final String first = out.toString();
        assertEquals(0, hull(three), err.toString());
        assertEquals(first, out.toString());
        assertTrue(first.contains("\"policy\":\"band-edge:0.05\""), first);
        assertEquals(0, hull(concat(common, "--threads", "3", "--seed", "10")), err.toString());
        assertFalse(first.equals(out.toString()), "another seed, other results");
    }

    @Test
    void shouldWriteAReportThatOpensWithoutNetwork() throws IOException
    {
        final Path report = dir.resolve("report");
        assertEquals(0, hull("--paths", "200", "--compare", "interval:1w,interval:4w,band:0.1,ww:5e-5", "--cost-bps", "20",
            "--report", report.toString()), err.toString());
        final String html = Files.readString(report.resolve("index.html"));
        assertEquals(3 + 4, html.split("<svg ").length - 1, "three charts, the first of four panels");
        final String errors = Files.readString(report.resolve("errors.svg"));
        for (final String policy : new String[]{"interval:1w", "interval:4w", "band:0.1", "ww:5e-5"})
        {
            assertTrue(errors.contains(">" + policy + ": mean "), "a panel titled " + policy);
        }
        final String attribution = Files.readString(report.resolve("attribution.svg"));
        final Matcher below = Pattern.compile("<text x=\"[0-9.]+\" y=\"344.0\"[^>]*>([^<]*)</text>")
            .matcher(attribution);
        final StringBuilder categories = new StringBuilder();
        while (below.find())
        {
            categories.append(below.group(1)).append(' ');
        }
        assertEquals("delta gamma theta vega financing costs residual ", categories.toString(),
            "category labels only under the category axis");
        final Matcher ticks = Pattern.compile("text-anchor=\"end\" font-size=\"10\">([^<]*)<").matcher(attribution);
        final List<Double> values = new ArrayList<>();
        while (ticks.find())
        {
            values.add(Double.parseDouble(ticks.group(1).replace(",", "")));
        }
        final double step = values.get(1) - values.get(0);
        assertTrue(String.format(Locale.ROOT, "%.0e", step).matches("[125]e\\+\\d+"), "a 1-2-5 step: " + values);
        for (int i = 1; i < values.size(); i++)
        {
            assertEquals(step, values.get(i) - values.get(i - 1), 1e-9 * step, "evenly spaced: " + values);
            assertEquals(0.0, Math.IEEEremainder(values.get(i), step), 1e-9 * step, "a multiple of the step");
        }
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="), "self-contained");
        assertTrue(Files.readString(report.resolve("frontier.svg")).contains("band:0.1"));
        assertTrue(out.toString().contains("interval:4w"), out.toString());
    }

    @Test
    void shouldExitTwoNamingFileLineAndColumnOnABadPath() throws IOException
    {
        final Path csv = Files.writeString(dir.resolve("bad.csv"), "time,spot\n0,49\n0.02,-3\n");
        assertEquals(2, hull("--path", csv.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(csv + ":3:6: spot must be positive"), err.toString());

        Files.writeString(csv, "time,spot\n0,49\n0.02,abc\n");
        assertEquals(2, hull("--path", csv.toString()));
        assertTrue(err.toString().contains(csv + ":3:6: 'abc' is not a number"), err.toString());

        Files.writeString(csv, "time,price\n0,49\n");
        assertEquals(2, hull("--path", csv.toString()));
        assertTrue(err.toString().contains(csv + ":1:6: unknown column 'price'"), err.toString());
    }

    @Test
    void shouldExitTwoNamingAMissingEmptyOrDirectoryPathFile() throws IOException
    {
        assertEquals(2, hull("--path", dir.toString()));
        assertEquals("hedgeflow backtest: " + dir + ": is a directory, not a file", err.toString().strip());
        assertEquals(2, hull("--path", dir.resolve("none.csv").toString()));
        assertEquals("hedgeflow backtest: " + dir.resolve("none.csv") + ": no such file", err.toString().strip());
        final Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals(2, hull("--path", empty.toString()));
        assertEquals("hedgeflow backtest: " + empty + ":1:1: a path needs at least two rows", err.toString().strip());
    }

    @Test
    void shouldExitTwoOnBadPolicyOrLedgerUse()
    {
        assertEquals(2, hull("--every", "1x"));
        assertTrue(err.toString().contains("'1x' is not a duration"), err.toString());
        assertEquals(2, hull("--compare", "interval:1w,wobble"));
        assertTrue(err.toString().contains("unknown policy 'wobble'"), err.toString());
        assertEquals(2, hull("--paths", "100", "--ledger", dir.resolve("l.csv").toString()));
        assertTrue(err.toString().contains("--ledger needs one path"), err.toString());
        assertEquals(2, hull("--compare", "interval:1w,ww:5e-5"));
        assertTrue(err.toString().contains("policy 'ww:5e-5' needs a proportional cost: --cost-bps > 0"),
            err.toString());
    }

    private static String[] concat(final String[] a, final String... b)
    {
        final String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
