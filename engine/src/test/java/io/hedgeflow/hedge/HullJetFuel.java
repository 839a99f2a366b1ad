package io.hedgeflow.hedge;

/**
 * Hull, Options, Futures, and Other Derivatives ch. 3, "Cross hedging", the data table of the
 * jet-fuel example: 15 monthly changes of the
 * heating-oil futures price (dF, the hedge) and of the jet-fuel price (dS, the exposure), in dollars per gallon.
 * Hull's text: sigma_F = 0.0313, sigma_S = 0.0263, rho = 0.928, h* = 0.7777; hedging 2,000,000 gallons with
 * 42,000-gallon contracts takes N* = 0.7777 x 2,000,000 / 42,000 = 37 contracts.
 */
final class HullJetFuel
{
    static final double[] FUTURES = {
        0.021, 0.035, -0.046, 0.001, 0.044, -0.029, -0.026, -0.029, 0.048, -0.006, -0.036, -0.011, 0.019, -0.027, 0.029,
    };
    static final double[] SPOT = {
        0.029, 0.020, -0.044, 0.008, 0.026, -0.019, -0.010, -0.007, 0.043, 0.011, -0.036, -0.018, 0.009, -0.032, 0.023,
    };
    static final double SIGMA_F = 0.0313, SIGMA_S = 0.0263, RHO = 0.928, HEDGE_RATIO = 0.7777;
    static final double GALLONS = 2_000_000, CONTRACT_GALLONS = 42_000;
    static final long CONTRACTS = 37;

    private HullJetFuel()
    {
    }

    static void feed(final HedgeRatioEstimator estimator)
    {
        for (int i = 0; i < SPOT.length; i++)
        {
            estimator.update(SPOT[i], FUTURES[i]);
        }
    }
}
