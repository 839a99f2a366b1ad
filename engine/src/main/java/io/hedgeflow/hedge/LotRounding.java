package io.hedgeflow.hedge;

/**
 * Rounding a signed quantity to a whole number of lots without ever flipping its side: the magnitude is rounded
 * (toward zero, or to the nearest lot with halves away from zero, the rule of the logic's delta hedge) and the sign
 * is put back, so the result is 0 or has the sign of the input. A result below the minimum size is 0. A relative
 * tolerance of {@link #TOLERANCE} lots absorbs binary representation error (0.3 / 0.1 = 2.9999999999999996 is 3
 * lots, not 2).
 */
public final class LotRounding
{
    /** Lots within this of a whole number count as that number. */
    public static final double TOLERANCE = 1e-9;

    private LotRounding()
    {
    }

    /**
     * @param quantity    signed quantity.
     * @param lot         lot size, positive.
     * @param minimumSize smallest tradable magnitude (0 for none).
     * @param nearest     round to the nearest lot (halves away from zero) instead of toward zero.
     * @return a signed multiple of the lot, 0 or of the sign of quantity; 0 for a non-finite input or lot.
     */
    public static double round(final double quantity, final double lot, final double minimumSize, final boolean nearest)
    {
        if (!Double.isFinite(quantity) || !(lot > 0.0) || Double.isInfinite(lot))
        {
            return 0.0;
        }
        final double lots = Math.abs(quantity) / lot;
        final double whole = nearest ? Math.floor(lots + 0.5 + TOLERANCE) : Math.floor(lots + TOLERANCE);
        final double magnitude = whole * lot;
        if (magnitude <= 0.0 || magnitude < minimumSize)
        {
            return 0.0;
        }
        return quantity < 0.0 ? -magnitude : magnitude;
    }
}
