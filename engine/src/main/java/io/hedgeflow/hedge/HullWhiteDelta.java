package io.hedgeflow.hedge;

import io.hedgeflow.greeks.BlackScholes;

/**
 * Smile-aware deltas for options. The minimum-variance delta of Hull and White, "Optimal delta hedging for
 * options", Journal of Banking and Finance 82 (2017):
 * <pre>
 *   delta_MV = delta_BS + vega_BS / (S sqrt(T)) (a + b delta_BS + c delta_BS^2)
 * </pre>
 * where the quadratic is the expected implied-volatility move per relative underlying move scaled by sqrt(T):
 * E[d sigma] = (a + b delta_BS + c delta_BS^2) dS / (S sqrt(T)); a, b, c are fitted by {@link HullWhiteFit}.
 * Conventions: vega per 1.00 of volatility (0.01 = one vol point), T in years, delta_BS and vega_BS from
 * {@link BlackScholes} (continuous rate r and carry q). The quadratic takes the call delta as the moneyness
 * measure (the paper fits calls); a put's minimum-variance delta follows from put-call parity, which holds whatever
 * the volatility: delta_MV(put) = delta_MV(call, same strike) - e^{-qT}. Expired options (T &lt;= 0) and S &lt;= 0
 * get the Black-Scholes delta (their vega is 0).
 * <p>
 * {@link #smileDelta} is the sticky-strike / sticky-delta switch (see {@link SmileDynamics}). Nothing is allocated
 * per call.
 */
public final class HullWhiteDelta
{
    private double a, b, c;

    /** Sets the fitted coefficients (from {@link HullWhiteFit} or configuration). */
    public void coefficients(final double a, final double b, final double c)
    {
        this.a = a;
        this.b = b;
        this.c = c;
    }

    public double a()
    {
        return a;
    }

    public double b()
    {
        return b;
    }

    public double c()
    {
        return c;
    }

    /**
     * The Hull-White minimum-variance delta of a call or put.
     *
     * @param call true for a call.
     * @param s    underlying price.
     * @param k    strike.
     * @param t    years to expiry.
     * @param r    continuous rate.
     * @param q    continuous dividend or funding yield.
     * @param vol  implied volatility (per 1.00).
     * @return delta per unit of underlying.
     */
    public double minimumVarianceDelta(
        final boolean call, final double s, final double k, final double t, final double r, final double q,
        final double vol)
    {
        final double callDelta = BlackScholes.delta(true, s, k, t, r, q, vol);
        final double vega = BlackScholes.vega(s, k, t, r, q, vol);
        final double mv = minimumVarianceDelta(callDelta, vega, s, t, a, b, c);
        return call ? mv : mv - Math.exp(-q * Math.max(t, 0.0));
    }

    /**
     * The formula on given Black-Scholes values: delta_BS + vega_BS / (S sqrt(T)) (a + b delta_BS + c delta_BS^2);
     * delta_BS when S or T is not positive.
     */
    public static double minimumVarianceDelta(
        final double deltaBs, final double vegaBs, final double s, final double t, final double a, final double b,
        final double c)
    {
        if (!(s > 0.0) || !(t > 0.0))
        {
            return deltaBs;
        }
        return deltaBs + vegaBs / (s * Math.sqrt(t)) * (a + deltaBs * (b + c * deltaBs));
    }

    /**
     * The delta under the given smile dynamics: delta_BS (sticky strike) or delta_BS - vega_BS (K / S) d sigma/dK
     * (sticky delta).
     *
     * @param smileSlope d sigma / dK of the smile at the strike (vol per 1.00 per unit of strike).
     */
    public static double smileDelta(
        final SmileDynamics dynamics, final boolean call, final double s, final double k, final double t,
        final double r, final double q, final double vol, final double smileSlope)
    {
        final double delta = BlackScholes.delta(call, s, k, t, r, q, vol);
        if (dynamics == SmileDynamics.STICKY_STRIKE || !(s > 0.0))
        {
            return delta;
        }
        return delta + stickyDeltaShift(BlackScholes.vega(s, k, t, r, q, vol), s, k, smileSlope);
    }

    /**
     * The sticky-delta change of the delta on a given vega: vega_BS d sigma / dS = -vega_BS (K / S) d sigma / dK
     * ({@link SmileDynamics#STICKY_DELTA}); 0 when S is not positive.
     */
    public static double stickyDeltaShift(final double vegaBs, final double s, final double k, final double smileSlope)
    {
        return s > 0.0 ? -vegaBs * (k / s) * smileSlope : 0.0;
    }
}
