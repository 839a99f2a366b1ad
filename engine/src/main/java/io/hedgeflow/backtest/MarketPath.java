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
            timeNs[k] = Math.min(k * stepNs, endNs);
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

    /** Grid points from 0 to endNs in steps of stepNs, both ends included. */
    public static int pointsFor(final long stepNs, final long endNs)
    {
        return (int)((endNs + stepNs - 1) / stepNs) + 1;
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
