package io.hedgeflow.hedge;

/**
 * How the implied volatility of an option moves when the underlying moves, for {@link HullWhiteDelta#smileDelta}.
 * With the smile written as a function of strike, sigma(K) (slope d sigma / dK):
 * <ul>
 * <li>{@link #STICKY_STRIKE}: sigma(K) stays put as S moves, d sigma / dS = 0: the delta is the Black-Scholes
 * delta;</li>
 * <li>{@link #STICKY_DELTA}: the smile moves with the underlying (sigma depends on K / S only, so on delta), hence
 * d sigma / dS = -(K / S) d sigma / dK and the delta is delta_BS + vega_BS d sigma / dS (Derman, "Regimes of
 * volatility", Risk, April 1999, where sticky delta is "sticky moneyness").</li>
 * </ul>
 */
public enum SmileDynamics
{
    STICKY_STRIKE, STICKY_DELTA
}
