package io.hedgeflow.backtest;

import io.hedgeflow.sim.SimRandom;

/**
 * Geometric Brownian motion with the exact log-normal step: S' = S exp((mu - q - sigma^2 / 2) dt + sigma sqrt(dt) Z),
 * mu the expected total return (real-world drift, Hull's 13%) and q the dividend yield.
 */
public record GbmModel(double mu, double dividend, double sigma) implements MarketModel
{
    public void fill(final MarketPath path, final double s0, final SimRandom random)
    {
        path.spot[0] = s0;
        for (int k = 1, n = path.points(); k < n; k++)
        {
            final double dt = path.time[k] - path.time[k - 1];
            path.spot[k] = path.spot[k - 1] *
                StrictMath.exp((mu - dividend - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * random.nextGaussian());
        }
    }
}
