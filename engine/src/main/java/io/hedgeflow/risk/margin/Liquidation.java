package io.hedgeflow.risk.margin;

/**
 * Estimated liquidation price of a futures or perpetual position: the mark price at which the account's equity
 * falls to its maintenance margin when only this position's P&amp;L and maintenance margin change (the other
 * positions' value and maintenance margin, otherMaintenance, held as they are). Deribit liquidates when equity is
 * below maintenance margin; docs/margin.md derives the formulas.
 * <ul>
 * <li>Inverse (coin-settled; size Q in USD, equity E in coin, x = 1/P): E + Q/P0 - Q x = MMo + |Q| r0 x +
 * i Q^2 x^2 / s, a quadratic in x solved in its stable form, the root on the adverse side (a long's below P0, a
 * short's above).</li>
 * <li>Linear (USDC-settled; size Q in coin, equity E in USDC): E + Q (P - P0) = MMo + |Q| P r, r the maintenance
 * rate at size |Q|, so P = (MMo - E + Q P0) / (Q - |Q| r).</li>
 * </ul>
 * r0, i, s: {@link MarginContext#futureMaintenanceRate()}, {@link MarginContext#futureRateIncrement()},
 * {@link MarginContext#futureIncrementSize()}. The result is NaN when no positive liquidation price exists: size 0,
 * a mark that is not positive, or a position the equity covers at every price (a short inverse position whose loss,
 * at most |Q| / P0 coin, the equity exceeds; a linear long whose equity covers a fall to zero).
 */
public final class Liquidation
{
    private Liquidation()
    {
    }

    /**
     * @param inverse          coin-settled (size in USD) rather than linear (size in coin).
     * @param size             the position, negative when short.
     * @param mark             its mark price P0.
     * @param equity           the account's equity in the settlement currency.
     * @param otherMaintenance maintenance margin of every other position, settlement currency.
     * @param ctx              the futures maintenance rates.
     * @return the estimated liquidation mark price, or NaN when none exists.
     */
    public static double price(
        final boolean inverse, final double size, final double mark, final double equity,
        final double otherMaintenance, final MarginContext ctx)
    {
        if (size == 0.0 || !(mark > 0.0))
        {
            return Double.NaN;
        }
        final double r0 = ctx.futureMaintenanceRate();
        final double increment = ctx.futureRateIncrement() / ctx.futureIncrementSize();
        final double abs = Math.abs(size);
        final double price;
        if (inverse)
        {
            final double a = increment * size * size;
            final double b = size + abs * r0;
            final double f = equity + size / mark - otherMaintenance;
            final double root = Math.sqrt(b * b + 4.0 * a * f);
            final double x = 2.0 * f / (size > 0.0 ? b + root : b - root);
            price = 1.0 / x;
        }
        else
        {
            final double rate = r0 + increment * abs;
            price = (otherMaintenance - equity + size * mark) / (size - abs * rate);
        }
        return price > 0.0 && Double.isFinite(price) ? price : Double.NaN;
    }

    /**
     * Distance from the mark to the liquidation price as an index move, percent of the index (the basis held):
     * positive while the position is safe, negative once past it.
     *
     * @param size        the position, negative when short.
     * @param mark        its mark price.
     * @param liquidation {@link #price}.
     * @param index       the underlying's index price.
     * @return sign(size) x (mark - liquidation) / index x 100, NaN when either price is NaN or the index is not
     *         positive.
     */
    public static double distancePercent(
        final double size, final double mark, final double liquidation, final double index)
    {
        if (!(index > 0.0) || size == 0.0)
        {
            return Double.NaN;
        }
        return Math.signum(size) * (mark - liquidation) / index * 100.0;
    }
}
