package io.hedgeflow.logic;

import java.util.List;

/**
 * One settlement currency of the account as the logic keeps it, for reports (not on the hot path): equity
 * ({@link Account}), notional and standard margin of its positions ({@link AccountRisk}), orders in flight counted.
 *
 * @param underlyingId       the coin's underlying id of an inverse currency; 0 for USDC (linear).
 * @param inverse            coin-settled (true) or USDC (false).
 * @param equity             equity in the currency; NaN without an AccountSnapshot.
 * @param initialMargin      standard initial margin of the currency's positions.
 * @param maintenanceMargin  standard maintenance margin.
 * @param notional           notional of its perpetuals and futures, in the currency.
 * @param leverage           notional of perpetuals and futures over equity (NaN without equity).
 * @param positions          the currency's perpetual and future positions.
 */
public record AccountReport(
    int underlyingId,
    boolean inverse,
    double equity,
    double initialMargin,
    double maintenanceMargin,
    double notional,
    double leverage,
    List<Position> positions)
{
    /** The margin model the figures are computed with: standard margin, per position. */
    public static final String MARGIN_MODEL = "standard";

    /**
     * A perpetual or future position.
     *
     * @param instrumentId         its wire id.
     * @param contracts            contracts held plus in flight.
     * @param liquidationPrice     estimated liquidation price (margin's {@code Liquidation.price}), NaN when none.
     * @param liquidationDistance  percent of the index between mark and liquidation price, NaN when none.
     */
    public record Position(int instrumentId, double contracts, double liquidationPrice, double liquidationDistance)
    {
    }
}
