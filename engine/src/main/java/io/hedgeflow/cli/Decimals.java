package io.hedgeflow.cli;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting of the hedge commands: ten significant digits, plain notation (valid JSON), no "-0". */
final class Decimals
{
    private static final MathContext TEN_DIGITS = new MathContext(10);

    private Decimals()
    {
    }

    /** x to ten significant digits; 0 when |x| is at most 1e-12 of scale (rounding noise of a solve). */
    static String format(final double x, final double scale)
    {
        if (!Double.isFinite(x))
        {
            return "null";
        }
        if (Math.abs(x) <= 1e-12 * Math.abs(scale) || x == 0.0)
        {
            return "0";
        }
        return new BigDecimal(x).round(TEN_DIGITS).stripTrailingZeros().toPlainString();
    }

    static String format(final double x)
    {
        return format(x, 0.0);
    }
}
