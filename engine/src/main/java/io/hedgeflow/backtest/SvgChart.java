package io.hedgeflow.backtest;

import java.util.Locale;

/**
 * A minimal SVG plot: a frame with linear axes, ticks and labels, onto which callers draw rectangles, circles and
 * text in data coordinates. Standalone markup (no script, no external style), so charts open without network.
 */
final class SvgChart
{
    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int LEFT = 80, RIGHT = 20, TOP = 30, BOTTOM = 50;

    private final StringBuilder svg = new StringBuilder();
    private final int width;
    private final int height;
    private final double x0, x1, y0, y1;

    SvgChart(final int width, final int height, final String title, final String xLabel, final String yLabel,
        final double x0, final double x1, final double y0, final double y1)
    {
        this.width = width;
        this.height = height;
        final double xPad = x1 > x0 ? 0.0 : Math.max(1.0, Math.abs(x0));
        final double yPad = y1 > y0 ? 0.0 : Math.max(1.0, Math.abs(y0));
        this.x0 = x0 - xPad;
        this.x1 = x1 + xPad;
        this.y0 = y0 - yPad;
        this.y1 = y1 + yPad;
        svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" " +
            "font-family=\"sans-serif\" font-size=\"11\">\n", width, height, width, height));
        svg.append(fmt("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", width, height));
        text(width / 2.0, 18, title, "middle", 13);
        text(LEFT + (width - LEFT - RIGHT) / 2.0, height - 8, xLabel, "middle", 11);
        svg.append(fmt("<text transform=\"translate(14,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>\n",
            TOP + (height - TOP - BOTTOM) / 2.0, escape(yLabel)));
        axes();
    }

    private void axes()
    {
        svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n", LEFT,
            TOP, width - LEFT - RIGHT, height - TOP - BOTTOM));
        for (int i = 0; i <= 5; i++)
        {
            final double xv = x0 + (x1 - x0) * i / 5;
            final double yv = y0 + (y1 - y0) * i / 5;
            text(px(xv), height - BOTTOM + 14, number(xv), "middle", 10);
            text(LEFT - 4, py(yv) + 3, number(yv), "end", 10);
            svg.append(fmt("<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>\n", LEFT + 1,
                width - RIGHT - 1, py(yv), py(yv)));
        }
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

    static String number(final double v)
    {
        final double a = Math.abs(v);
        return a != 0.0 && (a >= 1e6 || a < 1e-2) ? fmt("%.2e", v) : fmt(a >= 100 ? "%.0f" : "%.3g", v);
    }

    static String escape(final String s)
    {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String fmt(final String format, final Object... args)
    {
        return String.format(Locale.ROOT, format, args);
    }
}
