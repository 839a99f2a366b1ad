package io.hedgeflow.logic;

/**
 * The no-trade bands and the volatility adjustment of the cost-aware policies, as pure functions (no allocation).
 * Conventions shared by all of them:
 * <pre>
 *   S       underlying price, USD
 *   gamma   portfolio gamma: change of the portfolio's delta (underlying units) per 1 USD move of S
 *   sigma   volatility per sqrt(year) (0.55 = 55 vol points);  tau, dt: years (Actual/365)
 *   lambda  ONE-WAY proportional cost: trading n units costs lambda x |n| x S (fees + half spread)
 *   k       ROUND-TRIP proportional cost (Leland): k = 2 x lambda
 *   riskAversion  absolute risk aversion of the exponential utility U(W) = -exp(-riskAversion x W), per USD
 *   result  half width of the band in underlying units (delta), or a volatility
 * </pre>
 */
public final class HedgeBands
{
    /** One second in years: the floor of tau in {@link #zakamouline}. */
    static final double MIN_TAU = 1.0 / (365.0 * 86_400.0);
    /** sqrt(2 / pi), Leland's constant. */
    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);

    private HedgeBands()
    {
    }

    /**
     * Gamma-scaled band: the delta change of a {@code sigmas}-standard-deviation move of the underlying over the
     * horizon, to first order (dDelta = Gamma dS with sd(dS) = S sigma sqrt(dt); Hull, Options, Futures and Other
     * Derivatives, chapter "The Greek letters", gamma):
     * <pre>  H = sigmas x |Gamma| x S x sigma x sqrt(dt)</pre>
     */
    public static double gammaBand(
        final double sigmas, final double gamma, final double s, final double sigma, final double dt)
    {
        return sigmas * Math.abs(gamma) * s * sigma * Math.sqrt(Math.max(dt, 0.0));
    }

    /**
     * Whalley and Wilmott (1997), "An asymptotic analysis of an optimal hedging model for option pricing with
     * transaction costs", Mathematical Finance 7(3) 307-324: for small one-way cost lambda the utility-optimal
     * hedger keeps delta within H of the Black-Scholes delta, trading to the edge when it leaves,
     * <pre>  H = ( 3/2 x e^{-r tau} x lambda x S x Gamma^2 / riskAversion )^(1/3)</pre>
     * with Gamma the gamma of the whole book (the paper's portfolio gamma, the sum over its options: the band is
     * not the sum of per-option bands) and tau the time to the horizon.
     */
    public static double whalleyWilmott(
        final double lambda, final double riskAversion, final double s, final double gamma, final double rate,
        final double tau)
    {
        return Math.cbrt(1.5 * Math.exp(-rate * Math.max(tau, 0.0)) * lambda * s * gamma * gamma / riskAversion);
    }

    /**
     * Zakamouline (2006), "Efficient analytic approximation of the optimal hedging strategy for a European call
     * option with transaction costs", Quantitative Finance 6(5) 435-445: the band around the (modified-volatility)
     * delta is H = H0 + Hw, fitted to the exact utility-based strategy; the hedger trades to the nearest edge.
     * <pre>
     *   H0 = lambda / (riskAversion x S x sigma^2 x tau)
     *   Hw = 1.12 x lambda^0.31 x tau^0.05 x (e^{-r tau} / sigma)^0.25 x (|Gamma| / riskAversion)^0.5
     * </pre>
     * tau is floored at one second so that H0 stays finite at expiry.
     */
    public static double zakamouline(
        final double lambda, final double riskAversion, final double s, final double gamma, final double sigma,
        final double rate, final double tau)
    {
        final double t = Math.max(tau, MIN_TAU);
        final double h0 = lambda / (riskAversion * s * sigma * sigma * t);
        final double hw = 1.12 * Math.pow(lambda, 0.31) * Math.pow(t, 0.05) *
            Math.pow(Math.exp(-rate * t) / sigma, 0.25) * Math.sqrt(Math.abs(gamma) / riskAversion);
        return h0 + hw;
    }

    /**
     * Leland (1985), "Option pricing and replication with transactions costs", Journal of Finance 40(5)
     * 1283-1301: hedging every dt with ROUND-TRIP proportional cost k is priced and hedged with the volatility
     * <pre>  sigma_L^2 = sigma^2 x (1 + sqrt(2/pi) x k / (sigma x sqrt(dt)))     (short gamma: option writer)
     *   sigma_L^2 = sigma^2 x (1 - sqrt(2/pi) x k / (sigma x sqrt(dt)))     (long gamma)</pre>
     * Leland's number Le = sqrt(2/pi) k / (sigma sqrt(dt)); for long gamma with Le &gt;= 1 the adjusted variance
     * would be negative and 0 is returned (the method breaks down there).
     */
    public static double lelandVolatility(final double sigma, final double k, final double dt, final boolean shortGamma)
    {
        if (!(sigma > 0.0) || !(dt > 0.0))
        {
            return Math.max(sigma, 0.0);
        }
        final double le = SQRT_2_OVER_PI * k / (sigma * Math.sqrt(dt));
        return sigma * Math.sqrt(Math.max(shortGamma ? 1.0 + le : 1.0 - le, 0.0));
    }
}
