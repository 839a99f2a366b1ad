package io.hedgeflow.backtest;

import java.util.Locale;

/**
 * An axis range widened to round tick values: steps of 1, 2 or 5 times a power of ten (Heckbert's "nice numbers"),
 * the smallest that gives at most the asked number of intervals, with the range extended to whole steps. Labels
 * carry as many decimals as the step needs and group thousands (-500,000, 0.25, 1.5e-05 only below 1e-4).
 */
final class NiceScale
{
    private static final double[] STEPS = {1.0, 2.0, 5.0};

    final double min;
    final double max;
    final double step;

    private NiceScale(final double min, final double max, final double step)
    {
        this.min = min;
        this.max = max;
        this.step = step;
    }

    /** A scale covering lo to hi in at most intervals steps; an empty range is widened around its value. */
    static NiceScale of(final double lo, final double hi, final int intervals)
    {
        final double pad = hi > lo ? 0.0 : Math.max(1.0, Math.abs(lo) * 0.1);
        final double a = lo - pad;
        final double b = hi + pad;
        final double raw = (b - a) / intervals;
        final double magnitude = Math.pow(10.0, Math.floor(Math.log10(raw)));
        double step = 10.0 * magnitude;
        for (final double s : STEPS)
        {
            if (s * magnitude >= raw)
            {
                step = s * magnitude;
                break;
            }
        }
        while (Math.round((Math.ceil(b / step) - Math.floor(a / step))) > intervals)
        {
            step = next(step);
        }
        final double min = Math.floor(a / step) * step;
        final double max = Math.ceil(b / step) * step;
        return new NiceScale(min, max, step);
    }

    /** The next nice step above this one (1 - 2 - 5 - 10 ...). */
    private static double next(final double step)
    {
        final double magnitude = Math.pow(10.0, Math.floor(Math.log10(step) + 1e-9));
        final double leading = Math.round(step / magnitude);
        return (leading == 1.0 ? 2.0 : leading == 2.0 ? 5.0 : 10.0) * magnitude;
    }

    /** Number of intervals between min and max. */
    int intervals()
    {
        return (int)Math.round((max - min) / step);
    }

    /** The i-th tick value, rounded to the step's precision (no 0.30000000000000004). */
    double tick(final int i)
    {
        final double v = min + i * step;
        final double scale = Math.pow(10.0, decimals());
        return Math.round(v * scale) / scale;
    }

    String label(final double v)
    {
        if (step < 1e-4)
        {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return String.format(Locale.ROOT, "%,." + decimals() + "f", v == 0.0 ? 0.0 : v);
    }

    private int decimals()
    {
        return Math.max(0, (int)Math.ceil(-Math.log10(step) - 1e-9));
    }
}
