package io.hedgeflow.hedge;

/**
 * Multi-instrument neutralization (Hull, Options, Futures, and Other Derivatives, ch. 19 "The Greek letters":
 * "Making a portfolio gamma neutral" and the gamma-vega example): choose quantities w_i of the hedge options so that
 * the selected Greeks (gamma, vega or both) of portfolio plus hedges are zero, then the quantity of the underlying
 * (delta 1, gamma and vega 0) that makes delta zero:
 * <pre>
 *   for each selected Greek g:   sum_i w_i g_i = -G_portfolio          (one row per Greek, one column per hedge)
 *   underlying = -(Delta_portfolio + sum_i w_i delta_i)
 * </pre>
 * Each row is divided by its largest absolute hedge coefficient before solving (gamma and vega differ in units by
 * orders of magnitude), which leaves an exactly determined solution unchanged, makes the condition number
 * unit-free, and in the least-squares case (more Greeks than hedges) weights each Greek's miss relative to its
 * largest hedge's Greek. More hedges than Greeks: the minimum-norm quantities (sum w_i^2 smallest). Solved by
 * {@link SmallLeastSquares}; refused with {@link SolveStatus#SINGULAR} (a selected Greek no hedge moves, or hedges
 * with proportional Greeks) or {@link SolveStatus#ILL_CONDITIONED} (condition number of the scaled system above
 * the threshold, default {@link #DEFAULT_MAX_CONDITION}); on refusal nothing is traded: every quantity is 0 and the
 * residual is the portfolio. Quantities are in units of each hedge (its Greeks are per unit) and of the underlying.
 * Garbage-free: hedges are set into preallocated arrays, results are read by index.
 */
public final class GreekNeutralizer
{
    /**
     * Default largest condition number of the scaled system: a relative error e in the Greeks can move the
     * quantities by up to 1e6 e (Greeks of marked options are rarely known to better than 1e-6 relative).
     */
    public static final double DEFAULT_MAX_CONDITION = 1e6;

    private final SmallLeastSquares solver = new SmallLeastSquares();
    private final double[] deltas = new double[SmallLeastSquares.MAX];
    private final double[] gammas = new double[SmallLeastSquares.MAX];
    private final double[] vegas = new double[SmallLeastSquares.MAX];
    private final double[] quantities = new double[SmallLeastSquares.MAX];
    private final double maxCondition;
    private int hedges;
    private double underlying, residualDelta, residualGamma, residualVega, condition;

    public GreekNeutralizer()
    {
        this(DEFAULT_MAX_CONDITION);
    }

    /** @param maxCondition largest acceptable condition number of the row-scaled system (at least 1). */
    public GreekNeutralizer(final double maxCondition)
    {
        if (!(maxCondition >= 1.0))
        {
            throw new IllegalArgumentException("max condition must be at least 1: " + maxCondition);
        }
        this.maxCondition = maxCondition;
    }

    /** Forgets the hedge instruments. */
    public void clearHedges()
    {
        hedges = 0;
    }

    /**
     * Adds a hedge option with its Greeks per unit (delta per unit of underlying, gamma per unit squared, vega per
     * 1.00 of vol, the units of the portfolio's Greeks).
     *
     * @return its index, or -1 when {@link SmallLeastSquares#MAX} hedges are already set.
     */
    public int addHedge(final double delta, final double gamma, final double vega)
    {
        if (hedges == SmallLeastSquares.MAX)
        {
            return -1;
        }
        deltas[hedges] = delta;
        gammas[hedges] = gamma;
        vegas[hedges] = vega;
        return hedges++;
    }

    /** Hedges set. */
    public int hedges()
    {
        return hedges;
    }

    /**
     * Solves for the hedge quantities and the underlying.
     *
     * @param delta        portfolio delta.
     * @param gamma        portfolio gamma.
     * @param vega         portfolio vega.
     * @param neutralGamma make gamma neutral.
     * @param neutralVega  make vega neutral (neither: only the underlying trades, for delta).
     * @return the status; results are read with {@link #quantity}, {@link #underlying} and the residuals.
     */
    public SolveStatus solve(
        final double delta,
        final double gamma,
        final double vega,
        final boolean neutralGamma,
        final boolean neutralVega)
    {
        final int rows = (neutralGamma ? 1 : 0) + (neutralVega ? 1 : 0);
        SolveStatus status = Double.isFinite(delta) && Double.isFinite(gamma) && Double.isFinite(vega) ?
            SolveStatus.OK : SolveStatus.INVALID_INPUT;
        if (status == SolveStatus.OK && rows > 0)
        {
            solver.dimensions(rows, hedges);
            int row = 0;
            if (neutralGamma)
            {
                row = setRow(row, gammas, gamma);
            }
            if (neutralVega)
            {
                setRow(row, vegas, vega);
            }
            status = hedges == 0 ? SolveStatus.INVALID_INPUT : solver.solve(maxCondition);
            condition = hedges == 0 ? 0.0 : solver.condition();
        }
        else
        {
            condition = 0.0;
        }
        double hedgedDelta = delta, hedgedGamma = gamma, hedgedVega = vega;
        for (int i = 0; i < hedges; i++)
        {
            quantities[i] = status == SolveStatus.OK && rows > 0 ? solver.x(i) : 0.0;
            hedgedDelta += quantities[i] * deltas[i];
            hedgedGamma += quantities[i] * gammas[i];
            hedgedVega += quantities[i] * vegas[i];
        }
        underlying = status == SolveStatus.OK ? -hedgedDelta : 0.0;
        residualDelta = hedgedDelta + underlying;
        residualGamma = hedgedGamma;
        residualVega = hedgedVega;
        return status;
    }

    private int setRow(final int row, final double[] greek, final double portfolio)
    {
        double scale = 0.0;
        for (int i = 0; i < hedges; i++)
        {
            scale = Math.max(scale, Math.abs(greek[i]));
        }
        final double f = scale > 0.0 && Double.isFinite(scale) ? 1.0 / scale : 1.0;
        for (int i = 0; i < hedges; i++)
        {
            solver.a(row, i, greek[i] * f);
        }
        solver.b(row, -portfolio * f);
        return row + 1;
    }

    /** Quantity of hedge {@code index} (units of that option; negative = sell). */
    public double quantity(final int index)
    {
        return quantities[index];
    }

    /** Quantity of the underlying (delta 1 per unit; negative = sell). */
    public double underlying()
    {
        return underlying;
    }

    /** Delta after the hedges and the underlying. */
    public double residualDelta()
    {
        return residualDelta;
    }

    /** Gamma after the hedges. */
    public double residualGamma()
    {
        return residualGamma;
    }

    /** Vega after the hedges. */
    public double residualVega()
    {
        return residualVega;
    }

    /** Condition number of the last scaled system (infinite when singular; 0 when no system was solved). */
    public double condition()
    {
        return condition;
    }
}
