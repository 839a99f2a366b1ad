package io.hedgeflow.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations such as {@code 2s}, {@code 500ms}, {@code 1.5s}, {@code 250us}, {@code 1m} or {@code 0}. */
final class DurationConverter implements ITypeConverter<Duration>
{
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m)");

    public Duration convert(final String value)
    {
        if ("0".equals(value))
        {
            return Duration.ZERO;
        }
        final Matcher m = DURATION.matcher(value);
        if (!m.matches())
        {
            throw new TypeConversionException("'" + value + "' is not a duration (e.g. 2s, 500ms, 1m)");
        }
        final long unitNs = switch (m.group(2))
        {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            default -> 60_000_000_000L;
        };
        try
        {
            return Duration.ofNanos(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNs)).longValueExact());
        }
        catch (final ArithmeticException ex)
        {
            throw new TypeConversionException("'" + value + "' is not a whole number of nanoseconds or too long");
        }
    }
}
