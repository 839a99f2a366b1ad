package io.hedgeflow.backtest;

import java.util.Locale;

/**
 * A minimal SVG plot: a frame with a value axis of round ticks ({@link NiceScale}) on the left and, below, either
 * another value axis or category labels (no numbers on a category axis), onto which callers draw rectangles, lines,
 * circles and text in data coordinates (a category axis runs from 0 to the number of categories, category c
 * centred at c + 0.5). Standalone markup (no script, no external style), so charts open without network.
 */
final class SvgChart
{
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int LEFT = 80, RIGHT = 20, TOP = 30, BOTTOM = 50;
    /** Most tick intervals on an axis. */
    private static final int TICKS = 6;

    private final StringBuilder svg = new StringBuilder();
    private final int width;
    private final int height;
    private final double x0, x1, y0, y1;

    /** A chart with two value axes. */
    SvgChart(final int width, final int height, final String title, final String xLabel, final String yLabel,
        final double x0, final double x1, final double y0, final double y1)
    {
        this(width, height, title, xLabel, yLabel, NiceScale.of(x0, x1, TICKS), null, NiceScale.of(y0, y1, TICKS));
    }

    /** A chart with categories along the bottom and a value axis. */
    SvgChart(final int width, final int height, final String title, final String xLabel, final String yLabel,
        final String[] categories, final double y0, final double y1)
    {
        this(width, height, title, xLabel, yLabel, null, categories, NiceScale.of(y0, y1, TICKS));
    }

    private SvgChart(final int width, final int height, final String title, final String xLabel,
        final String yLabel, final NiceScale x, final String[] categories, final NiceScale y)
    {
        this.width = width;
        this.height = height;
        this.x0 = x != null ? x.min : 0.0;
        this.x1 = x != null ? x.max : categories.length;
        this.y0 = y.min;
        this.y1 = y.max;
        svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" " +
            "font-family=\"sans-serif\" font-size=\"11\">\n", width, height, width, height));
        svg.append(fmt("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        text(width / 2.0, 18, title, "middle", 13);
        text(LEFT + (width - LEFT - RIGHT) / 2.0, height - 8, xLabel, "middle", 11);
        svg.append(fmt("<text transform=\"translate(14,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>\n",
            TOP + (height - TOP - BOTTOM) / 2.0, escape(yLabel)));
        svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n", LEFT,
            TOP, width - LEFT - RIGHT, height - TOP - BOTTOM));
        for (int i = 0; i <= y.intervals(); i++)
        {
            final double v = y.tick(i);
            text(LEFT - 4, py(v) + 3, y.label(v), "end", 10);
            gridLine(LEFT + 1, width - RIGHT - 1, py(v), py(v), v == 0.0 ? "#999" : "#eee");
        }
        if (x != null)
        {
            for (int i = 0; i <= x.intervals(); i++)
            {
                final double v = x.tick(i);
                text(px(v), height - BOTTOM + 14, x.label(v), "middle", 10);
                gridLine(px(v), px(v), TOP + 1, height - BOTTOM - 1, v == 0.0 ? "#999" : "#eee");
            }
        }
        else
        {
            for (int c = 0; c < categories.length; c++)
            {
                text(px(c + 0.5), height - BOTTOM + 14, categories[c], "middle", 10);
            }
        }
    }

    private void gridLine(final double xa, final double xb, final double ya, final double yb, final String colour)
    {
        svg.append(fmt("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n", xa, xb, ya, yb,
            colour));
    }

    double px(final double x)
    {
        return LEFT + (x - x0) / (x1 - x0) * (width - LEFT - RIGHT);
    }

    double py(final double y)
    {
        return height - BOTTOM - (y - y0) / (y1 - y0) * (height - TOP - BOTTOM);
    }

    /** A rectangle between data coordinates (xa, ya) and (xb, yb). */
    void rect(final double xa, final double ya, final double xb, final double yb, final String colour,
        final double opacity)
    {
        svg.append(fmt("<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\" fill-opacity=\"%.2f\"/>\n",
            Math.min(px(xa), px(xb)), Math.min(py(ya), py(yb)), Math.abs(px(xb) - px(xa)), Math.abs(py(yb) - py(ya)),
            colour, opacity));
    }

    /** A dashed line between data coordinates, e.g. a mean marker. */
    void line(final double xa, final double ya, final double xb, final double yb, final String colour)
    {
        svg.append(fmt("<line x1=\"%.2f\" x2=\"%.2f\" y1=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" stroke-width=\"1.5\" " +
            "stroke-dasharray=\"4 3\"/>\n", px(xa), px(xb), py(ya), py(yb), colour));
    }

    void point(final double x, final double y, final String colour, final String label)
    {
        svg.append(fmt("<circle cx=\"%.2f\" cy=\"%.2f\" r=\"5\" fill=\"%s\"/>\n", px(x), py(y), colour));
        text(px(x) + 7, py(y) - 6, label, "start", 10);
    }

    /** A legend entry at row i in the top right corner. */
    void legend(final int i, final String colour, final String label)
    {
        final double x = width - RIGHT - 150;
        final double y = TOP + 10 + 15 * i;
        svg.append(fmt("<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>\n", x, y - 9, colour));
        text(x + 14, y, label, "start", 10);
    }

    void text(final double x, final double y, final String text, final String anchor, final int size)
    {
        svg.append(fmt("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>\n", x, y, anchor,
            size, escape(text)));
    }

    String end()
    {
        return svg + "</svg>\n";
    }

    /** Charts side by side, columns per row, as one SVG (each chart a nested svg). */
    static String grid(final String[] charts, final int columns, final int chartWidth, final int chartHeight)
    {
        final int rows = (charts.length + columns - 1) / columns;
        final int width = chartWidth * Math.min(columns, charts.length);
        final int height = chartHeight * rows;
        final StringBuilder svg = new StringBuilder(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" " +
            "height=\"%d\" viewBox=\"0 0 %d %d\">\n", width, height, width, height));
        for (int i = 0; i < charts.length; i++)
        {
            svg.append(fmt("<g transform=\"translate(%d,%d)\">\n", chartWidth * (i % columns), chartHeight * (i / columns)))
                .append(charts[i]).append("</g>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    static String escape(final String s)
    {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String fmt(final String format, final Object... args)
    {
        return String.format(Locale.ROOT, format, args);
    }
}
