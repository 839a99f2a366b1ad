package io.hedgeflow.greeks;

/** Shared fixtures for the Greeks tests. */
final class BlackScholesTestSupport
{
    private BlackScholesTestSupport()
    {
    }

    /** Coin price of a Black-76 inverse call: forward 60000, strike 65000, 0.25 years, rate 3%, vol 70%. */
    static double coinPrice()
    {
        final double[] out = new double[BlackScholes.OUTPUTS];
        BlackScholes.greeks(true, 60_000.0, 65_000.0, 0.25, 0.03, 0.03, 0.7, true, true, out);
        return out[BlackScholes.PRICE];
    }
}
