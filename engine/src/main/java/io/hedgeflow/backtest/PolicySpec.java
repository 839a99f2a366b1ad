package io.hedgeflow.backtest;

import io.hedgeflow.logic.HedgeTo;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.logic.PolicyType;

import java.util.List;

/**
 * A hedging policy to backtest, as written on the command line ({@code --compare interval:1w,band:0.05,ww:1e-5}) and
 * turned into the logic's own policy configuration ({@link PolicyContext}): the backtest never decides a hedge, the
 * logic does.
 * <pre>
 *   interval:DURATION        TIME_INTERVAL: rebalance to delta neutral every DURATION of logic time (1w, 0.25w, 2d)
 *   band:WIDTH               FIXED_BAND: when |net delta| exceeds WIDTH shares per option (0.05 = 5% of |Q|), to 0
 *   band-edge:WIDTH          the same band, trading only back to its edge
 *   gamma:SIGMAS:HORIZON     GAMMA_BAND: band = SIGMAS x |book gamma| x S x sigma x sqrt(HORIZON), to 0
 *   ww:RISK_AVERSION         WHALLEY_WILMOTT (1997) band, lambda = --cost-bps one way, to the edge
 *   zakamouline:RISK_AVERSION ZAKAMOULINE (2006) H0 + Hw band, lambda = --cost-bps one way, to the edge
 *   none                     never hedge
 *   ...+leland               any of them with Leland's (1985) volatility, dt = the interval (interval policies) or
 *                            the simulation step (others)
 * </pre>
 * RISK_AVERSION is the absolute risk aversion of the exponential utility, per USD of the whole position.
 *
 * @param label      the text it was parsed from, used in tables and charts.
 * @param kind       which policy.
 * @param intervalNs interval policies: logic time between rebalances.
 * @param parameter  band width (delta per option), gamma band sigmas, or risk aversion.
 * @param horizonNs  gamma band horizon; Leland's dt (0 until set by {@link #snapTo}).
 * @param leland     with Leland's adjusted volatility.
 * @param margin     the margin constraints the logic hedges within, or null for none ({@link #withMargin}).
 */
public record PolicySpec(
    String label, Kind kind, long intervalNs, double parameter, long horizonNs, boolean leland, MarginSpec margin)
{
    /** Appended to the label of a policy run with margin constraints. */
    public static final String MARGIN_SUFFIX = " +margin";

    private static final String LELAND = "+leland";

    /** Policy families. */
    public enum Kind
    {
        INTERVAL, BAND, BAND_EDGE, GAMMA, WHALLEY_WILMOTT, ZAKAMOULINE, NONE
    }

    /** Parses one policy; IllegalArgumentException with the reason. */
    public static PolicySpec parse(final String text)
    {
        final String label = text.trim();
        final boolean leland = label.endsWith(LELAND);
        final String spec = leland ? label.substring(0, label.length() - LELAND.length()) : label;
        final String[] parts = spec.split(":", -1);
        final String name = parts[0];
        return switch (name)
        {
            case "interval" -> new PolicySpec(label, Kind.INTERVAL, Durations.parse(arg(label, parts, 1)), 0.0,
                0L, leland, null);
            case "band" -> new PolicySpec(label, Kind.BAND, 0L, positive(label, arg(label, parts, 1)), 0L, leland,
                null);
            case "band-edge" -> new PolicySpec(label, Kind.BAND_EDGE, 0L, positive(label, arg(label, parts, 1)), 0L,
                leland, null);
            case "gamma" -> new PolicySpec(label, Kind.GAMMA, 0L, positive(label, arg(label, parts, 1)),
                Durations.parse(arg(label, parts, 2)), leland, null);
            case "ww" -> new PolicySpec(label, Kind.WHALLEY_WILMOTT, 0L, positive(label, arg(label, parts, 1)), 0L,
                leland, null);
            case "zakamouline" -> new PolicySpec(label, Kind.ZAKAMOULINE, 0L, positive(label, arg(label, parts, 1)),
                0L, leland, null);
            case "none" -> new PolicySpec(label, Kind.NONE, 0L, 0.0, 0L, false, null);
            default -> throw new IllegalArgumentException("unknown policy '" + label + "' (expected interval:DURATION," +
                " band:WIDTH, band-edge:WIDTH, gamma:SIGMAS:HORIZON, ww:RISK_AVERSION, zakamouline:RISK_AVERSION or " +
                "none, optionally +leland)");
        };
    }

    private static String arg(final String label, final String[] parts, final int i)
    {
        if (parts.length <= i || parts[i].isBlank())
        {
            throw new IllegalArgumentException("policy '" + label + "' needs parameter " + i + " after ':'");
        }
        return parts[i];
    }

    private static double positive(final String label, final String arg)
    {
        final double value;
        try
        {
            value = Double.parseDouble(arg);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("policy '" + label + "': '" + arg + "' is not a number");
        }
        if (!(value > 0.0 && value < 1e6))
        {
            throw new IllegalArgumentException("policy '" + label + "': '" + arg + "' must be positive");
        }
        return value;
    }

    /** True when the policy's formula needs the proportional cost (--cost-bps &gt; 0). */
    public boolean needsCost()
    {
        return leland || kind == Kind.WHALLEY_WILMOTT || kind == Kind.ZAKAMOULINE;
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
     * steps (0.25w four times is 1w, whatever the nanosecond rounding), so it fires on the grid; Leland's dt is the
     * interval, or the step for the band policies.
     */
    public PolicySpec snapTo(final long stepNs)
    {
        long interval = intervalNs;
        if (kind == Kind.INTERVAL)
        {
            final double ratio = (double)intervalNs / stepNs;
            final long whole = Math.round(ratio);
            interval = whole >= 1 && Math.abs(ratio - whole) < 1e-6 * whole ? whole * stepNs : intervalNs;
        }
        final long horizon = horizonNs > 0 ? horizonNs : kind == Kind.INTERVAL ? interval : stepNs;
        return new PolicySpec(label, kind, interval, parameter, horizon, leland, margin);
    }

    /** This policy hedging within the given margin constraints, labelled with {@link #MARGIN_SUFFIX}. */
    public PolicySpec withMargin(final MarginSpec limits)
    {
        return new PolicySpec(label + MARGIN_SUFFIX, kind, intervalNs, parameter, horizonNs, leland, limits);
    }

    /** The logic's own policy for this spec on the given position, with the one-way proportional cost. */
    PolicyContext logicPolicy(final OptionPosition position, final double costBps)
    {
        final double shares = Math.abs(position.quantity());
        final PolicyContext p = new PolicyContext().delta().leland(leland);
        if (margin != null)
        {
            p.margin().targetLeverage(margin.targetLeverage()).margin().maxMarginUsage(margin.maxMarginUsage());
        }
        if (costBps > 0.0)
        {
            p.trigger().costFraction(costBps * 1e-4);
        }
        if (horizonNs > 0)
        {
            p.trigger().horizonNs(horizonNs);
        }
        return switch (kind)
        {
            case INTERVAL -> p.type(PolicyType.TIME_INTERVAL).trigger().intervalNs(intervalNs);
            case BAND -> p.type(PolicyType.FIXED_BAND).trigger().bandUnderlying(parameter * shares)
                .trigger().hedgeTo(HedgeTo.TARGET);
            case BAND_EDGE -> p.type(PolicyType.FIXED_BAND).trigger().bandUnderlying(parameter * shares)
                .trigger().hedgeTo(HedgeTo.EDGE);
            case GAMMA -> p.type(PolicyType.GAMMA_BAND).trigger().gammaBandSigmas(parameter)
                .trigger().hedgeTo(HedgeTo.TARGET);
            case WHALLEY_WILMOTT -> p.type(PolicyType.WHALLEY_WILMOTT).trigger().riskAversion(parameter);
            case ZAKAMOULINE -> p.type(PolicyType.ZAKAMOULINE).trigger().riskAversion(parameter);
            case NONE -> p.type(PolicyType.NONE);
        };
    }
}
