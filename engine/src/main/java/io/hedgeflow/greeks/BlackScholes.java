package io.hedgeflow.greeks;

/**
 * Scalar Black-Scholes-Merton with continuous carry and Black-76, linear and inverse: {@link #greeks} is the
 * reference implementation that the vector kernel ({@link GreekKernel}) reproduces operation for operation, bit
 * for bit. The one-output functions ({@link #price}, {@link #delta}, {@link #gamma}, {@link #vega}) have the same
 * definitions on {@link Math#exp} and {@link Math#log}, so they agree with it to rounding, not to the bit.
 * <p>
 * Arguments: call (true) or put, underlying price S (spot, or the forward F for Black-76), strike K, time to
 * expiry t in years (Actual/365), rate r, continuous dividend or funding yield q, volatility v.
 * Black-76 is BSM on F with q = r; it differs only in rho, which holds F (not S) fixed: rho76 = -t price.
 * <p>
 * Units (linear, USD-settled): price in quote currency; delta per unit of underlying; gamma per unit squared;
 * vega per 1.00 of volatility; theta per year of calendar time (-dV/dt, usually negative); rho per 1.00 of rate;
 * vanna = d(delta)/d(vol); volga = d(vega)/d(vol); charm = -d(delta)/dt per year.
 * <p>
 * Inverse (coin-settled, Deribit style): P = V / S is the value in coin and the reported delta is the
 * premium-adjusted coin delta D = delta_BS - P (= S dP/dS). The other outputs are derivatives of those two:
 * gamma = dD/dS = gamma_BS - D / S; vanna = dD/dv = vanna_BS - vega_BS / S; charm = -dD/dt = charm_BS - theta_BS / S;
 * vega, theta, rho and volga are the coin value's: the USD Greek divided by S.
 * <p>
 * Degenerate inputs are defined, never NaN (for finite inputs with |r t| and |q t| below 700):
 * <ul>
 * <li>t &lt;= 0 (expired): t is taken as 0; price is intrinsic max(+/-(S - K), 0), delta the in-the-money
 * indicator (1/2 at the money, sign of the option), every other Greek 0;</li>
 * <li>v sqrt(t) below {@link #MIN_TOTAL_VOL} (so v &lt;= 0), S &lt;= 0 or K &lt;= 0: the option is worth its
 * deterministic discounted-forward intrinsic w (S e^{-qt} - K e^{-rt}) with weight w = 1 in the money, 1/2 at
 * the money, 0 out of it (S &lt;= 0 taken as 0); delta, theta, rho and charm are that expression's exact
 * derivatives; gamma, vega, vanna and volga are 0. This is the v -&gt; 0 limit of the closed form;</li>
 * <li>inverse with S &lt;= 0: no coin value exists; every output is 0.</li>
 * </ul>
 */
public final class BlackScholes
{
    /** Below this total volatility v sqrt(t) the option is treated as deterministic (see the class notes). */
    public static final double MIN_TOTAL_VOL = 1e-100;

    /** Index of each output in the array filled by {@link #greeks}. */
    public static final int PRICE = 0, DELTA = 1, GAMMA = 2, VEGA = 3, THETA = 4, RHO = 5, VANNA = 6, VOLGA = 7,
        CHARM = 8, OUTPUTS = 9;

    private BlackScholes()
    {
    }

    /**
     * All nine outputs at once, sharing d1, d2, the densities and discount factors. exp and log are
     * {@link PortableMath}'s, so the result has the same bits on every run and equals the vector kernel's bit for
     * bit ({@link GreekKernel} does these operations in this order).
     *
     * @param call    call (true) or put.
     * @param s       underlying price: spot for BSM, forward for Black-76.
     * @param k       strike.
     * @param t       years to expiry.
     * @param r       continuous rate.
     * @param q       continuous dividend or funding yield (Black-76: pass r).
     * @param v       volatility.
     * @param black76 rho holds the forward fixed (Black-76) rather than the spot and q.
     * @param inverse coin-settled outputs (see the class notes).
     * @param out     receives the outputs at {@link #PRICE} .. {@link #CHARM}; length at least {@link #OUTPUTS}.
     */
    public static void greeks(
        final boolean call, final double s, final double k, final double t, final double r, final double q,
        final double v, final boolean black76, final boolean inverse, final double[] out)
    {
        final double phi = call ? 1.0 : -1.0;
        final double tc = t < 0.0 ? 0.0 : t;
        final double sqtc = Math.sqrt(tc);
        final boolean reg = s > 0.0 && k > 0.0 && v * sqtc >= MIN_TOTAL_VOL;
        final double sqt = reg ? sqtc : 1.0;
        final double vs = reg ? v : 1.0;
        final double ts = reg ? tc : 1.0;
        final double vst = vs * sqt;
        final double x = reg ? PortableMath.log(s) - PortableMath.log(k) : 0.0;
        final double inv = 1.0 / vst;
        final double d1 = Math.fma(Math.fma(r - q, ts, x), inv, vst * 0.5);
        final double d2 = d1 - vst;
        final double dr = PortableMath.exp(-r * tc);
        final double dq = PortableMath.exp(-q * tc);
        final double nd1 = PortableMath.exp(d1 * -0.5 * d1) * Normal.INV_SQRT_2PI;
        final double ratio = (reg ? s : 1.0) * dq / ((reg ? k : 1.0) * dr);
        final double fwd = (s > 0.0 ? s : 0.0) * dq;
        final double kd = k * dr;
        final double mny = fwd - kd;
        final double w = phi * mny > 0.0 ? 1.0 : mny == 0.0 ? 0.5 : 0.0;
        final double n1 = reg ? Normal.cdf(phi * d1, nd1) : w;
        final double p1 = reg ? nd1 : 0.0;
        final double kdn2 = kd * (reg ? Normal.cdf(phi * d2, nd1 * ratio) : w);
        final double coinS = s > 0.0 ? 1.0 / s : 0.0;
        final double a = fwd * p1;
        final double rsq = vs * inv;
        final double rv = sqt * inv;
        final boolean live = t > 0.0;

        final double price = phi * Math.fma(fwd, n1, -kdn2);
        final double delta = phi * dq * n1;
        final double gamma = dq * p1 * inv * coinS;
        final double vega = a * sqt;
        final double theta = live ? phi * Math.fma(q * fwd, n1, -(r * kdn2)) - a * 0.5 * vs * rsq : 0.0;
        final double rho = phi * tc * Math.fma(-((black76 ? 1.0 : 0.0) * fwd), n1, kdn2);
        final double vanna = -dq * p1 * d2 * rv;
        final double volga = vega * d1 * d2 * rv;
        final double charm = live ?
            phi * q * dq * n1 - dq * p1 * Math.fma(r - q, ts, -(d2 * 0.5 * vst)) * inv * rsq * rsq : 0.0;
        if (inverse)
        {
            final double coinPrice = price * coinS;
            final double coinDelta = s > 0.0 ? delta - coinPrice : 0.0;
            fill(out, coinPrice, coinDelta, Math.fma(-coinDelta, coinS, gamma), vega * coinS, theta * coinS,
                rho * coinS, Math.fma(-vega, coinS, vanna), volga * coinS,
                s > 0.0 ? Math.fma(-theta, coinS, charm) : 0.0);
        }
        else
        {
            fill(out, price, delta, gamma, vega, theta, rho, vanna, volga, charm);
        }
    }

    private static void fill(
        final double[] out, final double price, final double delta, final double gamma, final double vega,
        final double theta, final double rho, final double vanna, final double volga, final double charm)
    {
        out[PRICE] = price;
        out[DELTA] = delta;
        out[GAMMA] = gamma;
        out[VEGA] = vega;
        out[THETA] = theta;
        out[RHO] = rho;
        out[VANNA] = vanna;
        out[VOLGA] = volga;
        out[CHARM] = charm;
    }

    /** True when the closed form applies; otherwise the degenerate definitions in the class notes hold. */
    static boolean regular(final double s, final double k, final double t, final double v)
    {
        return s > 0.0 && k > 0.0 && t > 0.0 && v * Math.sqrt(t) >= MIN_TOTAL_VOL;
    }

    static double d1(final double s, final double k, final double t, final double r, final double q, final double v)
    {
        return (Math.log(s / k) + (r - q + 0.5 * v * v) * t) / (v * Math.sqrt(t));
    }

    /** Linear BSM price; same definitions as {@link #greeks} (out[PRICE]) for one output. */
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

    /** Linear BSM delta; same definitions as {@link #greeks} (out[DELTA]) for one output. */
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

    /** Linear BSM gamma; same definitions as {@link #greeks} (out[GAMMA]) for one output. */
    public static double gamma(
        final double s, final double k, final double t, final double r, final double q, final double v)
    {
        if (!regular(s, k, t, v))
        {
            return 0.0;
        }
        return Math.exp(-q * t) * Normal.pdf(d1(s, k, t, r, q, v)) / (s * v * Math.sqrt(t));
    }

    /** Linear BSM vega per 1.00 of volatility; same definitions as {@link #greeks} (out[VEGA]) for one output. */
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
