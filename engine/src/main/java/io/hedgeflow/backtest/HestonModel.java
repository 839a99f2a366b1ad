package io.hedgeflow.backtest;

import io.hedgeflow.sim.SimRandom;

/**
 * Heston (1993) stochastic volatility, dv = kappa (theta - v) dt + xi sqrt(v) dW_v, d ln S = (mu - q - v / 2) dt +
 * sqrt(v) dW_S, corr(dW_S, dW_v) = rho, optionally with {@link Jumps} (Bates 1996; drift compensated).
 * <p>
 * Discretised with Andersen's Quadratic-Exponential scheme (L. Andersen, "Simple and efficient simulation of the
 * Heston stochastic volatility model", J. Computational Finance 11(3), 2008): the variance step matches the exact
 * conditional mean and variance of v, with the quadratic branch for psi = s^2 / m^2 &lt;= 1.5 and the exponential
 * branch (a mass at zero) above it, so v stays non-negative and the scheme stays stable when the Feller condition
 * 2 kappa theta &gt;= xi^2 fails; ln S uses Andersen's central discretisation (gamma1 = gamma2 = 1/2, eq. 33).
 */
public record HestonModel(
    double mu, double dividend, double v0, double kappa, double theta, double xi, double rho, Jumps jumps)
    implements MarketModel
{
    private static final double PSI_CRITICAL = 1.5;

    public HestonModel
    {
        if (!(v0 >= 0.0) || !(kappa > 0.0) || !(theta > 0.0) || !(xi > 0.0) || !(rho >= -1.0 && rho <= 1.0))
        {
            throw new IllegalArgumentException(
                "heston needs v0 >= 0, kappa > 0, theta > 0, xi > 0 and rho in [-1, 1]");
        }
    }

    /** E[v_t] = theta + (v0 - theta) e^{-kappa t}. */
    public double meanVariance(final double t)
    {
        return theta + (v0 - theta) * StrictMath.exp(-kappa * t);
    }

    public void fill(final MarketPath path, final double s0, final SimRandom random)
    {
        final double drift = mu - dividend - jumps.compensator();
        double v = v0;
        double logS = StrictMath.log(s0);
        path.spot[0] = s0;
        path.variance[0] = v0;
        for (int k = 1, n = path.points(); k < n; k++)
        {
            final double dt = path.time[k] - path.time[k - 1];
            final double next = nextVariance(v, dt, random);
            final double k0 = -rho * kappa * theta * dt / xi;
            final double k1 = 0.5 * dt * (kappa * rho / xi - 0.5) - rho / xi;
            final double k2 = 0.5 * dt * (kappa * rho / xi - 0.5) + rho / xi;
            final double k3 = 0.5 * dt * (1.0 - rho * rho);
            logS += drift * dt + k0 + k1 * v + k2 * next + Math.sqrt(k3 * (v + next)) * random.nextGaussian() +
                jumps.logJump(dt, random);
            v = next;
            path.spot[k] = StrictMath.exp(logS);
            path.variance[k] = v;
        }
    }

    private double nextVariance(final double v, final double dt, final SimRandom random)
    {
        final double e = StrictMath.exp(-kappa * dt);
        final double m = theta + (v - theta) * e;
        final double s2 = v * xi * xi * e * (1.0 - e) / kappa + theta * xi * xi * (1.0 - e) * (1.0 - e) / (2.0 * kappa);
        final double psi = s2 / (m * m);
        if (psi <= PSI_CRITICAL)
        {
            final double twoOverPsi = 2.0 / psi;
            final double b2 = twoOverPsi - 1.0 + Math.sqrt(twoOverPsi) * Math.sqrt(twoOverPsi - 1.0);
            final double a = m / (1.0 + b2);
            final double z = Math.sqrt(b2) + random.nextGaussian();
            return a * z * z;
        }
        final double p = (psi - 1.0) / (psi + 1.0);
        final double beta = (1.0 - p) / m;
        final double u = random.nextDouble();
        return u <= p ? 0.0 : StrictMath.log((1.0 - p) / (1.0 - u)) / beta;
    }
}
