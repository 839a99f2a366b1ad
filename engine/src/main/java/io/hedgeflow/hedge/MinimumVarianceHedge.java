package io.hedgeflow.hedge;

/**
 * The minimum-variance hedge of Hull, Options, Futures, and Other Derivatives, ch. 3 ("Cross hedging"):
 * <pre>
 *   h* = rho sigma_S / sigma_F                (hedge ratio: hedge per unit of exposure)
 *   N* = h* Q_A / Q_F                          (contracts: Q_A units of exposure, Q_F units per contract)
 * </pre>
 * Hull's jet-fuel example: sigma_S = 0.0263, sigma_F = 0.0313, rho = 0.928 give h* = 0.78 (0.7777 from the data
 * of its table) and, for 2,000,000 gallons hedged with 42,000-gallon heating-oil futures, N* = 37 contracts.
 */
public final class MinimumVarianceHedge
{
    private MinimumVarianceHedge()
    {
    }

    /** h* = rho sigma_S / sigma_H; 0 when sigma_H is not positive. */
    public static double hedgeRatio(final double correlation, final double sigmaSpot, final double sigmaHedge)
    {
        return sigmaHedge > 0.0 ? correlation * sigmaSpot / sigmaHedge : 0.0;
    }

    /**
     * N* = h* Q_A / Q_F, unrounded (see {@link LotRounding} for rounding that keeps the side). Hull's N* is the size
     * of the futures position; the hedge takes the side opposite to the exposure's price risk (the airline that will
     * buy jet fuel buys futures; a holder of the asset sells them).
     *
     * @param hedgeRatio   h*.
     * @param exposure     Q_A, units of the exposure.
     * @param contractSize Q_F, units per contract, positive.
     * @return h* Q_A / Q_F (0 when the contract size is not positive).
     */
    public static double contracts(final double hedgeRatio, final double exposure, final double contractSize)
    {
        return contractSize > 0.0 ? hedgeRatio * exposure / contractSize : 0.0;
    }
}
