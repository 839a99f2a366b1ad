package io.hedgeflow.backtest;

import io.hedgeflow.logic.HedgeTo;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.logic.PolicyType;

import java.util.List;

/**
 * A hedging policy to backtest, as written on the command line ({@code --compare interval:1w,band:0.05}) and turned
 * into the logic's own policy configuration: the backtest never decides a hedge, the logic does.
 * <pre>
 *   interval:DURATION     rebalance to delta neutral every DURATION of logic time (1w, 0.25w, 2d, 4h)
 *   band:WIDTH            rebalance to neutral when |net delta| exceeds WIDTH shares per option (0.05 = 5% of Q)
 *   band-edge:WIDTH       the same band, trading only back to its edge
 *   none                  never hedge
 * </pre>
 *
 * @param label      the text it was parsed from, used in tables and charts.
 * @param kind       which policy.
 * @param intervalNs interval policies: logic time between rebalances.
 * @param band       band policies: half width in delta per option.
 */
public record PolicySpec(String label, Kind kind, long intervalNs, double band)
{
    /** Policy families. */
    public enum Kind
    {
        INTERVAL, BAND, BAND_EDGE, NONE
    }

    /** Parses one policy; IllegalArgumentException with the reason. */
    public static PolicySpec parse(final String text)
    {
        final String spec = text.trim();
        final int colon = spec.indexOf(':');
        final String name = colon < 0 ? spec : spec.substring(0, colon);
        final String arg = colon < 0 ? null : spec.substring(colon + 1);
        return switch (name)
        {
            case "interval" -> new PolicySpec(spec, Kind.INTERVAL, Durations.parse(required(spec, arg)), 0.0);
            case "band" -> new PolicySpec(spec, Kind.BAND, 0L, width(spec, arg));
            case "band-edge" -> new PolicySpec(spec, Kind.BAND_EDGE, 0L, width(spec, arg));
            case "none" -> new PolicySpec(spec, Kind.NONE, 0L, 0.0);
            default -> throw new IllegalArgumentException("unknown policy '" + spec +
                "' (expected interval:DURATION, band:WIDTH, band-edge:WIDTH or none)");
        };
    }

    private static String required(final String spec, final String arg)
    {
        if (arg == null || arg.isBlank())
        {
            throw new IllegalArgumentException("policy '" + spec + "' needs a parameter after ':'");
        }
        return arg;
    }

    private static double width(final String spec, final String arg)
    {
        final double width;
        try
        {
            width = Double.parseDouble(required(spec, arg));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("policy '" + spec + "': '" + arg + "' is not a number");
        }
        if (!(width > 0.0 && width < 1e6))
        {
            throw new IllegalArgumentException("policy '" + spec + "': band width must be positive");
        }
        return width;
    }

    /**
     * The simulation step when none is given: the shortest interval policy's interval, and at most a day when a
     * band policy runs (bands watch the market between rebalances).
     */
    public static long defaultStepNs(final List<PolicySpec> policies)
    {
        long shortest = Long.MAX_VALUE;
        boolean band = false;
        for (final PolicySpec p : policies)
        {
            if (p.kind == Kind.INTERVAL)
            {
                shortest = Math.min(shortest, p.intervalNs);
            }
            else
            {
                band = true;
            }
        }
        return band ? Math.min(shortest, Durations.DAY_NS) : shortest;
    }

    /**
     * This policy on a grid of stepNs: an interval within 1 ppm of a whole number of steps becomes exactly that many
     * steps (0.25w four times is 1w, whatever the nanosecond rounding), so it fires on the grid.
     */
    public PolicySpec snapTo(final long stepNs)
    {
        if (kind != Kind.INTERVAL)
        {
            return this;
        }
        final double ratio = (double)intervalNs / stepNs;
        final long whole = Math.round(ratio);
        return whole >= 1 && Math.abs(ratio - whole) < 1e-6 * whole ?
            new PolicySpec(label, kind, whole * stepNs, band) : this;
    }

    /**
     * The logic's own policy for this spec on a position of the given size: TIME_INTERVAL, FIXED_BAND in underlying
     * units (band x |Q| shares) to the target or the band edge, or NONE.
     */
    PolicyContext logicPolicy(final OptionPosition position)
    {
        final PolicyContext p = new PolicyContext();
        return switch (kind)
        {
            case INTERVAL -> p.type(PolicyType.TIME_INTERVAL).intervalNs(intervalNs);
            case BAND -> p.type(PolicyType.FIXED_BAND).bandUnderlying(band * Math.abs(position.quantity()))
                .hedgeTo(HedgeTo.TARGET);
            case BAND_EDGE -> p.type(PolicyType.FIXED_BAND).bandUnderlying(band * Math.abs(position.quantity()))
                .hedgeTo(HedgeTo.EDGE);
            case NONE -> p.type(PolicyType.NONE);
        };
    }
}
