package io.hedgeflow.greeks;

/**
 * Scalar Black-Scholes-Merton with continuous carry: the reference implementation.
 * Arguments: call (true) or put, spot S, strike K, time to expiry t in years (Actual/365), rate r, continuous
 * dividend or funding yield q, volatility v. Units: delta per unit of underlying, gamma per unit squared,
 * vega per 1.00 of volatility.
 * <p>
 * Degenerate inputs are defined, never NaN: when t &lt;= 0 or v &lt;= 0 the option is worth its discounted
 * forward intrinsic value max(+/-(S e^{-qt} - K e^{-rt}), 0) (t clamped at 0), delta is the discounted
 * indicator of being in the money (half at the money), gamma and vega are 0. S &lt;= 0 is treated as S = 0.
 */
public final class BlackScholes
{
    private BlackScholes()
    {
    }

    /** True when the closed form applies; otherwise the degenerate definitions above hold. */
    static boolean regular(final double s, final double k, final double t, final double v)
    {
        return t > 0.0 && v > 0.0 && s > 0.0 && k > 0.0;
    }

    static double d1(final double s, final double k, final double t, final double r, final double q, final double v)
    {
        return (Math.log(s / k) + (r - q + 0.5 * v * v) * t) / (v * Math.sqrt(t));
    }

    public static double price(
        final boolean call, final double s, final double k, final double t, final double r, final double q, final double v)
    {
        final double tt = Math.max(t, 0.0);
        final double df = Math.exp(-r * tt);
        final double fwd = Math.max(s, 0.0) * Math.exp(-q * tt);
        if (!regular(s, k, t, v))
        {
            return Math.max(call ? fwd - k * df : k * df - fwd, 0.0);
        }
        final double d1 = d1(s, k, t, r, q, v);
        final double d2 = d1 - v * Math.sqrt(t);
        return call ?
            fwd * Normal.cdf(d1) - k * df * Normal.cdf(d2) :
            k * df * Normal.cdf(-d2) - fwd * Normal.cdf(-d1);
    }

    public static double delta(
        final boolean call, final double s, final double k, final double t, final double r, final double q, final double v)
    {
        final double tt = Math.max(t, 0.0);
        final double carry = Math.exp(-q * tt);
        if (!regular(s, k, t, v))
        {
            final double moneyness = Math.max(s, 0.0) * carry - k * Math.exp(-r * tt);
            final double itm = moneyness > 0.0 ? 1.0 : moneyness < 0.0 ? 0.0 : 0.5;
            return call ? carry * itm : -carry * (1.0 - itm);
        }
        final double nd1 = Normal.cdf(d1(s, k, t, r, q, v));
        return call ? carry * nd1 : carry * (nd1 - 1.0);
    }

    public static double gamma(
        final double s, final double k, final double t, final double r, final double q, final double v)
    {
        if (!regular(s, k, t, v))
        {
            return 0.0;
        }
        return Math.exp(-q * t) * Normal.pdf(d1(s, k, t, r, q, v)) / (s * v * Math.sqrt(t));
    }

    public static double vega(
        final double s, final double k, final double t, final double r, final double q, final double v)
    {
        if (!regular(s, k, t, v))
        {
            return 0.0;
        }
        return s * Math.exp(-q * t) * Normal.pdf(d1(s, k, t, r, q, v)) * Math.sqrt(t);
    }
}
