package io.hedgeflow.backtest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backtest durations in logic-time nanoseconds on the logic's Actual/365 clock: {@code y} = 365 days,
 * {@code w} = 1/52 year (Hull's weekly rebalancing; 20 weeks is 20/52 year), {@code d} = 1 day (1/365 year),
 * {@code h} = 1 hour. Fractions are allowed ({@code 0.25w}); each unit is a whole number of nanoseconds and a
 * duration is that unit times the value, rounded half up.
 */
public final class Durations
{
    /** Nanoseconds per year of the logic's Actual/365 clock. */
    public static final double NS_PER_YEAR = 365.0 * 86_400e9;
    public static final long YEAR_NS = 365L * 86_400_000_000_000L;
    public static final long WEEK_NS = YEAR_NS / 52;
    public static final long DAY_NS = 86_400_000_000_000L;
    public static final long HOUR_NS = 3_600_000_000_000L;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)([ywdh])");

    private Durations()
    {
    }

    /** Parses e.g. {@code 1w}, {@code 0.25w}, {@code 2d}, {@code 4h}, {@code 0.5y}; IllegalArgumentException else. */
    public static long parse(final String text)
    {
        final Matcher m = DURATION.matcher(text.trim());
        if (!m.matches())
        {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 1w, 0.25w, 2d, 4h, 0.5y)");
        }
        final long unit = switch (m.group(2))
        {
            case "y" -> YEAR_NS;
            case "w" -> WEEK_NS;
            case "d" -> DAY_NS;
            default -> HOUR_NS;
        };
        final BigDecimal ns = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
        if (ns.signum() <= 0 || ns.compareTo(BigDecimal.valueOf(100 * YEAR_NS)) > 0)
        {
            throw new IllegalArgumentException("'" + text + "' must be positive and at most 100y");
        }
        return ns.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Years to nanoseconds, rounded to the nearest. */
    public static long ns(final double years)
    {
        return Math.round(years * NS_PER_YEAR);
    }

    /** Nanoseconds to years. */
    public static double years(final long ns)
    {
        return ns / NS_PER_YEAR;
    }
}
