package io.hedgeflow.backtest;

import java.util.Arrays;

/**
 * One market path on a time grid: times (years from the start), spot, and the implied volatility the hedger sees
 * at each point (NaN = the position's vol). Point 0 is the start. Reused across paths: models overwrite it.
 */
public final class MarketPath
{
    final double[] time;
    /** Grid points as logic-time nanoseconds from the start (exact, so interval policies fire on the grid). */
    final long[] timeNs;
    final double[] spot;
    final double[] vol;
    /** Instantaneous variance of a stochastic-volatility model (NaN otherwise), for tests and reports. */
    final double[] variance;
    private int points;

    public MarketPath(final int capacity)
    {
        time = new double[capacity];
        timeNs = new long[capacity];
        spot = new double[capacity];
        vol = new double[capacity];
        variance = new double[capacity];
    }

    /**
     * Sets a grid from 0 to endNs in steps of stepNs nanoseconds (the last step may be shorter); the number of
     * points is {@link #pointsFor}.
     */
    public MarketPath grid(final long stepNs, final long endNs)
    {
        points = pointsFor(stepNs, endNs);
        for (int k = 0; k < points; k++)
        {
            timeNs[k] = k == points - 1 ? endNs : k * stepNs;
            time[k] = Durations.years(timeNs[k]);
        }
        Arrays.fill(vol, 0, points, Double.NaN);
        Arrays.fill(variance, 0, points, Double.NaN);
        return this;
    }

    /** A given path: times in years (the first 0, increasing), spots, and vols (null or NaN entries: none). */
    public static MarketPath of(final double[] time, final double[] spot, final double[] vol)
    {
        final MarketPath path = new MarketPath(time.length);
        for (int k = 0; k < time.length; k++)
        {
            path.time[k] = time[k];
            path.timeNs[k] = Durations.ns(time[k]);
            path.spot[k] = spot[k];
            path.vol[k] = vol == null ? Double.NaN : vol[k];
            path.variance[k] = Double.NaN;
        }
        path.points = time.length;
        return path;
    }

    /**
     * Grid points from 0 to endNs in steps of stepNs, both ends included; a last step shorter than a millionth of
     * a step (nanosecond rounding, e.g. 52 weeks in a 365-day year) is merged into the one before.
     */
    public static int pointsFor(final long stepNs, final long endNs)
    {
        final long steps = (endNs + stepNs - 1) / stepNs;
        final long merged = steps > 1 && endNs - (steps - 1) * stepNs < stepNs / 1_000_000 ? steps - 1 : steps;
        return Math.toIntExact(merged + 1);
    }

    void points(final int n)
    {
        points = n;
    }

    public int points()
    {
        return points;
    }

    public int capacity()
    {
        return time.length;
    }

    public double time(final int k)
    {
        return time[k];
    }

    public long timeNs(final int k)
    {
        return timeNs[k];
    }

    public double spot(final int k)
    {
        return spot[k];
    }

    public double vol(final int k)
    {
        return vol[k];
    }

    public double variance(final int k)
    {
        return variance[k];
    }
}
