package io.hedgeflow.backtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a self-contained HTML report (index.html, no script, no external resources) with three inline SVG charts,
 * each also written as its own .svg file: the distribution of the hedging error (hedged P&amp;L), one panel per
 * policy on shared scales, the
 * cost against error frontier (mean transaction costs against the standard deviation of the cost), and the mean
 * P&amp;L attribution into delta, gamma, theta, vega, financing, costs and residual.
 */
public final class HtmlReport
{
    private static final int BINS = 40;
    private static final int PANEL_WIDTH = 420, PANEL_HEIGHT = 230, PANEL_COLUMNS = 3;

    private HtmlReport()
    {
    }

    public static void write(final Path dir, final String title, final MonteCarlo.Result result) throws IOException
    {
        Files.createDirectories(dir);
        final String errors = errors(result);
        final String frontier = frontier(result.stats());
        final String attribution = attribution(result.stats());
        Files.writeString(dir.resolve("errors.svg"), errors, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("frontier.svg"), frontier, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("attribution.svg"), attribution, StandardCharsets.UTF_8);
        final StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>hedgeflow backtest</title>\n")
            .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
            .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}</style></head><body>\n")
            .append("<h1>hedgeflow backtest</h1>\n<p>").append(SvgChart.escape(title)).append("</p>\n")
            .append(table(result.stats()))
            .append("<h2>Hedging error distribution (one panel per policy, same scales)</h2>\n").append(errors)
            .append("<h2>Cost against error</h2>\n").append(frontier)
            .append("<h2>P&amp;L attribution (mean per path, value at the end)</h2>\n").append(attribution)
            .append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
    }

    static String table(final List<PolicyStats> stats)
    {
        final boolean margin = stats.stream().anyMatch(s -> Double.isFinite(s.sdCostUnconstrained()));
        final StringBuilder t = new StringBuilder("<table><tr><th>policy</th><th>BSM price</th><th>mean cost</th>" +
            "<th>sd cost</th><th>performance</th><th>trades</th><th>costs paid</th><th>CVaR 95%</th>" +
            "<th>variance reduction</th><th>paths</th>" +
            (margin ? "<th>decisions bound by margin</th><th>sd cost added by margin</th>" : "") + "</tr>\n");
        for (final PolicyStats s : stats)
        {
            t.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.4f</td>" +
                "<td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.4f</td><td>%d</td>", SvgChart.escape(s.policy()),
                s.bsmPrice(), s.meanCost(), s.sdCost(), s.performance(), s.meanTrades(), s.costPaid(), s.cvar95(),
                s.varianceReduction(), s.paths()));
            if (margin)
            {
                t.append(Double.isFinite(s.sdCostUnconstrained()) ? String.format(Locale.ROOT,
                    "<td>%.2f%%</td><td>%+.2f</td>", 100.0 * s.marginBound(), s.sdCost() - s.sdCostUnconstrained()) :
                    "<td></td><td></td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    /**
     * Small multiples: one histogram of the hedged P&amp;L per policy, all on the same bins and scales so they
     * compare by position, each with its mean (dashed) and standard deviation in its title.
     */
    static String errors(final MonteCarlo.Result result)
    {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (final double[] pnl : result.pnl())
        {
            for (final double v : pnl)
            {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        final double width = hi > lo ? (hi - lo) / BINS : 1.0;
        final double[][] density = new double[result.pnl().length][BINS];
        double top = 0.0;
        for (int i = 0; i < density.length; i++)
        {
            for (final double v : result.pnl()[i])
            {
                density[i][Math.min(BINS - 1, (int)((v - lo) / width))] += 1.0 / result.pnl()[i].length;
            }
            for (final double d : density[i])
            {
                top = Math.max(top, d);
            }
        }
        final String[] panels = new String[density.length];
        for (int i = 0; i < density.length; i++)
        {
            final double[] pnl = result.pnl()[i];
            final double mean = Arrays.stream(pnl).average().orElse(0.0);
            final double sd = Math.sqrt(Arrays.stream(pnl).map(v -> (v - mean) * (v - mean)).sum() /
                Math.max(1, pnl.length - 1));
            final String colour = SvgChart.COLOURS[i % SvgChart.COLOURS.length];
            final SvgChart chart = new SvgChart(PANEL_WIDTH, PANEL_HEIGHT, SvgChart.fmt("%s: mean %,.0f, sd %,.0f",
                result.stats().get(i).policy(), mean, sd), "hedged P&L per path (present value), USD",
                "fraction of paths", lo, lo + width * BINS, 0.0, top * 1.05);
            for (int b = 0; b < BINS; b++)
            {
                if (density[i][b] > 0.0)
                {
                    chart.rect(lo + b * width, 0.0, lo + (b + 1) * width, density[i][b], colour, 0.8);
                }
            }
            chart.line(mean, 0.0, mean, top * 1.05, "#222");
            panels[i] = chart.end();
        }
        return SvgChart.grid(panels, PANEL_COLUMNS, PANEL_WIDTH, PANEL_HEIGHT);
    }

    /** Each policy at (mean transaction costs, sd of the cost of hedging): lower left dominates. */
    static String frontier(final List<PolicyStats> stats)
    {
        double maxCost = 0.0;
        double minSd = Double.POSITIVE_INFINITY;
        double maxSd = 0.0;
        for (final PolicyStats s : stats)
        {
            maxCost = Math.max(maxCost, s.costPaid());
            minSd = Math.min(minSd, s.sdCost());
            maxSd = Math.max(maxSd, s.sdCost());
        }
        final double margin = 0.08 * (maxSd - minSd);
        final SvgChart chart = new SvgChart(760, 400, "Cost against hedging error (lower left dominates)",
            "mean transaction costs paid, USD", "sd of the cost of hedging, USD", 0.0, maxCost * 1.2,
            Math.max(0.0, minSd - margin), maxSd + margin);
        for (int i = 0; i < stats.size(); i++)
        {
            chart.point(stats.get(i).costPaid(), stats.get(i).sdCost(), SvgChart.COLOURS[i % SvgChart.COLOURS.length],
                stats.get(i).policy());
        }
        return chart.end();
    }

    /** Grouped bars: one group per component, one bar per policy. */
    static String attribution(final List<PolicyStats> stats)
    {
        double lo = 0.0;
        double hi = 0.0;
        for (final PolicyStats s : stats)
        {
            for (final double v : s.attribution())
            {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        final SvgChart chart = new SvgChart(760, 380, "Mean P&L attribution per path", "component", "USD",
            PathResult.COMPONENTS, lo * 1.1, hi * 1.1);
        final double barWidth = 0.8 / Math.max(1, stats.size());
        for (int i = 0; i < stats.size(); i++)
        {
            final String colour = SvgChart.COLOURS[i % SvgChart.COLOURS.length];
            final double[] a = stats.get(i).attribution();
            for (int c = 0; c < a.length; c++)
            {
                final double x = c + 0.1 + i * barWidth;
                chart.rect(x, 0.0, x + barWidth, a[c], colour, 0.85);
            }
            chart.legend(i, colour, stats.get(i).policy());
        }
        return chart.end();
    }
}
