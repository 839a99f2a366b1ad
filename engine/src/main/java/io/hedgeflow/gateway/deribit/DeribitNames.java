package io.hedgeflow.gateway.deribit;

/**
 * The shape of Deribit instrument names: {@code BTC_USDC} (spot), {@code BTC-PERPETUAL} and
 * {@code BTC_USDC-PERPETUAL} (perpetuals), {@code BTC-16JUN23} (futures), {@code BTC-16JUN23-25000-C} and
 * {@code XRP_USDC-16JUN23-0d625-P} (options; 'd' is the decimal point of a fractional strike).
 */
final class DeribitNames
{
    private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";

    private DeribitNames()
    {
    }

    /** True when name has the shape of a spot pair, perpetual, future or option name. */
    static boolean isInstrumentName(final String name)
    {
        final String[] parts = name.split("-", -1);
        if (!isCurrencies(parts[0]))
        {
            return false;
        }
        return switch (parts.length)
        {
            case 1 -> parts[0].indexOf('_') > 0;
            case 2 -> parts[1].equals("PERPETUAL") || isDate(parts[1]);
            case 4 -> isDate(parts[1]) && isStrike(parts[2]) && (parts[3].equals("C") || parts[3].equals("P"));
            default -> false;
        };
    }

    private static boolean isCurrencies(final String prefix)
    {
        final int underscore = prefix.indexOf('_');
        return underscore < 0 ? isCode(prefix) :
            isCode(prefix.substring(0, underscore)) && isCode(prefix.substring(underscore + 1));
    }

    private static boolean isCode(final String code)
    {
        if (code.isEmpty() || code.length() > 10)
        {
            return false;
        }
        for (int i = 0; i < code.length(); i++)
        {
            final char c = code.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'))
            {
                return false;
            }
        }
        return true;
    }

    /** DMMMYY with a one- or two-digit day: 16JUN23, 1SEP23. */
    private static boolean isDate(final String date)
    {
        final int dayDigits = date.length() - 5;
        if (dayDigits < 1 || dayDigits > 2 || !isDigits(date, 0, dayDigits) || !isDigits(date, dayDigits + 3, 2))
        {
            return false;
        }
        final int day = Integer.parseInt(date.substring(0, dayDigits));
        final int month = MONTHS.indexOf(date.substring(dayDigits, dayDigits + 3));
        return day >= 1 && day <= 31 && month >= 0 && month % 3 == 0;
    }

    private static boolean isStrike(final String strike)
    {
        final int point = strike.indexOf('d');
        return point < 0 ? isDigits(strike, 0, strike.length()) :
            point > 0 && isDigits(strike, 0, point) && isDigits(strike, point + 1, strike.length() - point - 1);
    }

    private static boolean isDigits(final String text, final int from, final int count)
    {
        if (count < 1)
        {
            return false;
        }
        for (int i = from; i < from + count; i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
