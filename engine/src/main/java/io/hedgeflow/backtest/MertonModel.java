package io.hedgeflow.backtest;

import io.hedgeflow.sim.SimRandom;

/**
 * Merton (1976) jump diffusion, exact on any grid: GBM with compensated drift plus {@link Jumps},
 * ln S' = ln S + (mu - q - lambda k - sigma^2 / 2) dt + sigma sqrt(dt) Z + sum of log jumps. Gaps that a discrete
 * delta hedge cannot follow.
 */
public record MertonModel(double mu, double dividend, double sigma, Jumps jumps) implements MarketModel
{
    public void fill(final MarketPath path, final double s0, final SimRandom random)
    {
        final double drift = mu - dividend - jumps.compensator() - 0.5 * sigma * sigma;
        path.spot[0] = s0;
        for (int k = 1, n = path.points(); k < n; k++)
        {
            final double dt = path.time[k] - path.time[k - 1];
            final double diffusion = drift * dt + sigma * Math.sqrt(dt) * random.nextGaussian();
            path.spot[k] = path.spot[k - 1] * StrictMath.exp(diffusion + jumps.logJump(dt, random));
        }
    }
}
