package io.hedgeflow.gateway.fix;

/**
 * ClOrdID (11) of an engine order: its order id in decimal ASCII, so the same order has the same ClOrdID after a
 * restart. Encodes into one reused array (no allocation) and parses back.
 */
final class ClOrdIdEncoder
{
    private static final int MAX_DIGITS = 20;

    private final byte[] digits = new byte[MAX_DIGITS];
    private int length;

    /** Encodes a non-negative order id; the result is valid until the next call. */
    byte[] encode(final long orderId)
    {
        if (orderId < 0)
        {
            throw new IllegalArgumentException("order id must not be negative: " + orderId);
        }
        long value = orderId;
        int start = MAX_DIGITS;
        do
        {
            digits[--start] = (byte)('0' + value % 10);
            value /= 10;
        }
        while (value != 0);
        length = MAX_DIGITS - start;
        System.arraycopy(digits, start, digits, 0, length);
        return digits;
    }

    /** Length of the last encoded ClOrdID. */
    int length()
    {
        return length;
    }

    /** The order id in a ClOrdID, or -1 when it is not one of ours (empty, not decimal, too long). */
    static long parse(final char[] clOrdId, final int length)
    {
        if (length == 0 || length > MAX_DIGITS - 1)
        {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = clOrdId[i];
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
