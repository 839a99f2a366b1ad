package io.hedgeflow.hedge;

import java.util.Arrays;

/**
 * The least-squares fit of a, b, c of {@link HullWhiteDelta} (Hull and White 2017, the regression of their
 * empirical tests): for each observed interval of an option,
 * <pre>
 *   dF - delta_BS dS = vega_BS / sqrt(T) (dS / S) (a + b delta_BS + c delta_BS^2) + e
 * </pre>
 * (dF the option's price change, dS the underlying's, delta_BS, vega_BS, S and T at the start of the interval;
 * vega per 1.00 of vol, T in years; the paper fits calls, delta_BS the call delta). Regressors
 * z = x (1, delta_BS, delta_BS^2) with x = vega_BS dS / (S sqrt(T)), no intercept. Observations accumulate into the
 * 3x3 normal equations Z'Z and Z'y (O(1), no allocation); {@link #solve} solves them through
 * {@link SmallLeastSquares}, refusing a singular or ill-conditioned fit (for instance all observations at one
 * delta). The coefficients are those of the last successful solve.
 */
public final class HullWhiteFit
{
    /**
     * Largest condition number of the normal equations accepted by {@link #solve} (the square of the regressors'
     * condition number, so 1e6 on Z).
     */
    public static final double MAX_CONDITION = 1e12;

    private final double[] zz = new double[9];
    private final double[] zy = new double[3];
    private final SmallLeastSquares solver = new SmallLeastSquares();
    private long n;
    private double a, b, c;

    /**
     * Adds one observation; ignored when S or T is not positive or any value is not finite.
     *
     * @param deltaBs call delta at the start of the interval.
     * @param vegaBs  vega per 1.00 of vol at the start.
     * @param s       underlying price at the start.
     * @param t       years to expiry at the start.
     * @param dS      underlying price change over the interval.
     * @param dF      option price change over the interval.
     */
    public void add(
        final double deltaBs, final double vegaBs, final double s, final double t, final double dS, final double dF)
    {
        if (!(s > 0.0) || !(t > 0.0))
        {
            return;
        }
        final double x = vegaBs * dS / (s * Math.sqrt(t));
        final double y = dF - deltaBs * dS;
        final double z0 = x, z1 = x * deltaBs, z2 = z1 * deltaBs;
        if (!Double.isFinite(y) || !Double.isFinite(z2))
        {
            return;
        }
        accumulate(0, z0, z0, z1, z2, y);
        accumulate(3, z1, z0, z1, z2, y);
        accumulate(6, z2, z0, z1, z2, y);
        n++;
    }

    private void accumulate(final int row, final double zi, final double z0, final double z1, final double z2,
        final double y)
    {
        zz[row] += zi * z0;
        zz[row + 1] += zi * z1;
        zz[row + 2] += zi * z2;
        zy[row / 3] += zi * y;
    }

    /** Solves the normal equations; on {@link SolveStatus#OK} a, b and c are updated, else they are kept. */
    public SolveStatus solve()
    {
        solver.dimensions(3, 3);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                solver.a(i, j, zz[i * 3 + j]);
            }
            solver.b(i, zy[i]);
        }
        final SolveStatus status = n < 3 ? SolveStatus.SINGULAR : solver.solve(MAX_CONDITION);
        if (status == SolveStatus.OK)
        {
            a = solver.x(0);
            b = solver.x(1);
            c = solver.x(2);
        }
        return status;
    }

    public double a()
    {
        return a;
    }

    public double b()
    {
        return b;
    }

    public double c()
    {
        return c;
    }

    /** Observations accumulated. */
    public long count()
    {
        return n;
    }

    /** Forgets the observations and the coefficients. */
    public void reset()
    {
        Arrays.fill(zz, 0.0);
        Arrays.fill(zy, 0.0);
        n = 0;
        a = b = c = 0.0;
    }
}
