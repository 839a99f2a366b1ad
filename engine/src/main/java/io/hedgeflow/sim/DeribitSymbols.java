package io.hedgeflow.sim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Deribit-style option symbols, built once at start-up: {@code PREFIX-DMMMYY-STRIKE-C|P}, for example
 * {@code BTC-12JAN26-95000-C}; the day has no leading zero and a fractional strike uses 'd' for the point
 * ({@code XRP_USDC-12JAN26-2d5-P}).
 */
final class DeribitSymbols
{
    private static final String[] MONTHS =
        {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

    private DeribitSymbols()
    {
    }

    static String option(final String prefix, final long expiryNs, final long strike, final boolean call)
    {
        return prefix + '-' + date(expiryNs) + '-' + strike(strike) + '-' + (call ? 'C' : 'P');
    }

    static String date(final long timeNs)
    {
        final LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(timeNs, SimUniverse.NS_PER_DAY));
        return String.format(Locale.ROOT, "%d%s%02d",
            date.getDayOfMonth(), MONTHS[date.getMonthValue() - 1], date.getYear() % 100);
    }

    static String strike(final long strike)
    {
        return BigDecimal.valueOf(strike, 8).stripTrailingZeros().toPlainString().replace('.', 'd');
    }
}
