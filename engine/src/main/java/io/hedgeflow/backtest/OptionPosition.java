package io.hedgeflow.backtest;

import io.hedgeflow.greeks.BlackScholes;

/**
 * The single European option position a backtest hedges, with the market conventions the hedger prices it with.
 *
 * @param call     call (true) or put.
 * @param strike   strike, USD.
 * @param maturity years from the start of the path to expiry.
 * @param quantity options held; negative when written (Hull's example: -100,000).
 * @param vol      implied volatility the hedger prices and hedges at (mark IV fed to the logic).
 * @param rate     continuous risk-free rate, also the financing rate of the hedge account.
 * @param dividend continuous dividend yield of the underlying.
 * @param spot     underlying price at the start.
 */
public record OptionPosition(
    boolean call, double strike, double maturity, double quantity, double vol, double rate, double dividend,
    double spot)
{
    public OptionPosition
    {
        require(strike > 0.0 && Double.isFinite(strike), "strike must be positive", strike);
        require(maturity > 0.0 && maturity < 100.0, "maturity must be in (0, 100) years", maturity);
        require(quantity != 0.0 && Double.isFinite(quantity), "position must be non-zero", quantity);
        require(vol > 0.0 && vol < 10.0, "vol must be in (0, 10)", vol);
        require(Double.isFinite(rate) && Math.abs(rate) < 1.0, "rate must be in (-1, 1)", rate);
        require(Double.isFinite(dividend) && Math.abs(dividend) < 1.0, "dividend must be in (-1, 1)", dividend);
        require(spot > 0.0 && Double.isFinite(spot), "spot must be positive", spot);
    }

    private static void require(final boolean ok, final String what, final double value)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(what + ": " + value);
        }
    }

    /** Black-Scholes-Merton price of one option at the start. */
    public double unitPrice()
    {
        return BlackScholes.price(call, spot, strike, maturity, rate, dividend, vol);
    }

    /** Black-Scholes-Merton value of the whole position's absolute size, |quantity| x unit price. */
    public double bsmValue()
    {
        return Math.abs(quantity) * unitPrice();
    }

    /** Option value per option at a spot with the given years left (intrinsic at or after expiry). */
    public double unitValue(final double s, final double yearsLeft, final double sigma)
    {
        return BlackScholes.price(call, s, strike, yearsLeft, rate, dividend, sigma);
    }
}
