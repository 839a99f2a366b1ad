package io.hedgeflow.backtest;

import io.hedgeflow.sim.SimRandom;

/**
 * Merton (1976) jumps: a Poisson number of jumps with intensity lambda per year, each multiplying the spot by
 * exp(J), J ~ N(mean, sd^2). The drift compensator lambda k with k = E[e^J] - 1 = exp(mean + sd^2 / 2) - 1 keeps the
 * expected return of the diffusion part unchanged.
 */
public record Jumps(double intensity, double mean, double sd)
{
    public static final Jumps NONE = new Jumps(0.0, 0.0, 0.0);

    public Jumps
    {
        if (!(intensity >= 0.0 && intensity < 1e4) || !Double.isFinite(mean) || !(sd >= 0.0 && sd < 10.0))
        {
            throw new IllegalArgumentException("jumps need intensity in [0, 1e4), finite mean and sd in [0, 10)");
        }
    }

    /** k = E[e^J] - 1, the mean relative jump. */
    public double compensator()
    {
        return intensity * (StrictMath.exp(mean + 0.5 * sd * sd) - 1.0);
    }

    /** Sum of the log jumps over dt years (0 when none occur). */
    public double logJump(final double dt, final SimRandom random)
    {
        if (intensity == 0.0)
        {
            return 0.0;
        }
        final int n = poisson(intensity * dt, random);
        return n == 0 ? 0.0 : n * mean + sd * Math.sqrt(n) * random.nextGaussian();
    }

    /** Poisson deviate by Knuth's product of uniforms (fine for the small means of one step). */
    static int poisson(final double lambda, final SimRandom random)
    {
        final double limit = StrictMath.exp(-lambda);
        int n = 0;
        double product = random.nextDouble();
        while (product > limit)
        {
            n++;
            product *= random.nextDouble();
        }
        return n;
    }
}
