package io.hedgeflow.gateway.fix;

import uk.co.real_logic.artio.fields.ReadOnlyDecimalFloat;

/**
 * Conversions between FIX decimals and the engine's Fixed8 (value times 10^8), exact for up to 8 decimals.
 */
public final class FixQuantities
{
    /** The scale of Fixed8 values. */
    public static final int SCALE = 8;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L };

    private FixQuantities()
    {
    }

    /**
     * A FIX decimal as Fixed8.
     *
     * @throws IllegalArgumentException when the decimal has more than 8 decimals.
     */
    public static long toFixed8(final ReadOnlyDecimalFloat value)
    {
        final int scale = value.scale();
        if (scale < 0 || scale > SCALE)
        {
            throw new IllegalArgumentException("FIX decimal with " + scale + " decimals, at most 8 supported");
        }
        return Math.multiplyExact(value.value(), POWERS_OF_TEN[SCALE - scale]);
    }
}
