package io.hedgeflow.backtest;

import io.hedgeflow.greeks.BlackScholes;

/**
 * Splits a hedged book's P&amp;L, step by step, into {@link PathResult#COMPONENTS}, with the Black-Scholes Greeks at
 * the hedger's vol at the start of each step (a report: the logic's decisions do not depend on it):
 * <pre>
 *   delta     = (Q delta + hedge) dS          gamma = Q gamma dS^2 / 2      theta = Q theta dt
 *   vega      = Q vega dvol                   financing = interest on the premium - interest on the cumulative cost
 *   residual  = Q dV - Q delta dS - gamma - theta - vega                   costs: added by the host, -fees
 * </pre>
 * The components add up exactly to the book's value change, so over a path to premium x e^{rT} - cost at the end.
 */
final class PnlAttribution
{
    private final OptionPosition position;
    private final double[] greeks = new double[BlackScholes.OUTPUTS];
    private final double[] previous = new double[BlackScholes.OUTPUTS];

    PnlAttribution(final OptionPosition position)
    {
        this.position = position;
    }

    /** The Greeks at the first point of a path. */
    void start(final double spot, final double yearsLeft, final double vol)
    {
        greeks(spot, yearsLeft, vol, previous);
    }

    /**
     * Adds the step to the next point (spot, years left, vol) to a, given the move from the previous spot, the
     * hedge held over the step, the step's start time and length, and the interest charged on the cumulative cost.
     */
    void step(
        final double[] a, final double spot, final double yearsLeft, final double vol, final double ds,
        final double dVol, final double hedge, final double startYears, final double dt, final double interest)
    {
        greeks(spot, yearsLeft, vol, greeks);
        final double q = position.quantity();
        final double optionDelta = q * previous[BlackScholes.DELTA] * ds;
        final double gamma = 0.5 * q * previous[BlackScholes.GAMMA] * ds * ds;
        final double theta = q * previous[BlackScholes.THETA] * dt;
        final double vega = q * previous[BlackScholes.VEGA] * dVol;
        final double premium = -q * position.unitPrice() * Math.exp(position.rate() * startYears);
        a[PathResult.DELTA] += optionDelta + hedge * ds;
        a[PathResult.GAMMA] += gamma;
        a[PathResult.THETA] += theta;
        a[PathResult.VEGA] += vega;
        a[PathResult.FINANCING] += premium * Math.expm1(position.rate() * dt) - interest;
        a[PathResult.RESIDUAL] += q * (greeks[BlackScholes.PRICE] - previous[BlackScholes.PRICE]) - optionDelta -
            gamma - theta - vega;
        System.arraycopy(greeks, 0, previous, 0, greeks.length);
    }

    private void greeks(final double spot, final double yearsLeft, final double vol, final double[] out)
    {
        BlackScholes.greeks(position.call(), spot, position.strike(), yearsLeft, position.rate(), position.dividend(),
            vol, false, false, out);
    }
}
