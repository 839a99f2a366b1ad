package io.hedgeflow.backtest;

/**
 * The margin constraints of a backtest ({@code --equity}, {@code --target-leverage}, {@code --max-margin-usage}):
 * the account's USD equity at the start, journaled to the logic as an AccountSnapshot, and the policy keys
 * targetLeverage and maxMarginUsage (0: off) the logic cuts hedges with, as in a live session.
 *
 * @param equity          account equity at the start, USD, positive.
 * @param targetLeverage  largest hedge notional / equity, 0 for none.
 * @param maxMarginUsage  largest initial margin / equity, 0 for none.
 */
public record MarginSpec(double equity, double targetLeverage, double maxMarginUsage)
{
    /** Checks the values; IllegalArgumentException naming the flag. */
    public MarginSpec
    {
        if (!(equity > 0.0) || Double.isInfinite(equity))
        {
            throw new IllegalArgumentException("--equity must be positive and finite: " + equity);
        }
        if (!(targetLeverage >= 0.0) || !(maxMarginUsage >= 0.0) || Double.isInfinite(targetLeverage + maxMarginUsage))
        {
            throw new IllegalArgumentException(!(targetLeverage >= 0.0) || Double.isInfinite(targetLeverage) ?
                "--target-leverage must be positive and finite: " + targetLeverage :
                "--max-margin-usage must be positive and finite: " + maxMarginUsage);
        }
        if (targetLeverage == 0.0 && maxMarginUsage == 0.0)
        {
            throw new IllegalArgumentException("--equity needs --target-leverage or --max-margin-usage");
        }
    }
}
