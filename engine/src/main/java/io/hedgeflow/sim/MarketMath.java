package io.hedgeflow.sim;

import io.hedgeflow.greeks.BlackScholes;

/**
 * The simulator's pricing conventions, shared with its tests: Actual/365 year fractions from nanoseconds, the
 * implied volatility smile, and option marks in the settlement currency.
 * <p>
 * Smile: with standardised log-moneyness x = ln(K / F) / (atm * sqrt(T)), clamped to [-4, 4],
 * iv = atm * (1 + skew * x + curvature * x^2), floored at {@link #MIN_IV}. F = S e^{rT}.
 * Marks: Black-Scholes-Merton on the index with rate r and no dividend yield, in USD for linear options and in coin
 * (USD value / S) for inverse ones.
 */
final class MarketMath
{
    static final double NS_PER_YEAR = 365.0 * 86_400.0 * 1e9;
    static final double MIN_IV = 0.01;
    private static final double MAX_MONEYNESS = 4.0;
    private static final double MIN_YEARS = 1e-9;

    private MarketMath()
    {
    }

    static double years(final long fromNs, final long toNs)
    {
        return (toNs - fromNs) / NS_PER_YEAR;
    }

    static double smileIv(
        final double atm,
        final double skew,
        final double curvature,
        final double spot,
        final double strike,
        final double years,
        final double rate)
    {
        final double t = Math.max(years, MIN_YEARS);
        final double raw = (Math.log(strike / spot) - rate * t) / (atm * Math.sqrt(t));
        final double x = Math.max(-MAX_MONEYNESS, Math.min(MAX_MONEYNESS, raw));
        return Math.max(MIN_IV, atm * (1.0 + skew * x + curvature * x * x));
    }

    static double mark(
        final boolean call,
        final boolean inverse,
        final double spot,
        final double strike,
        final double years,
        final double rate,
        final double iv)
    {
        final double usd = BlackScholes.price(call, spot, strike, years, rate, 0.0, iv);
        return inverse ? usd / spot : usd;
    }
}
