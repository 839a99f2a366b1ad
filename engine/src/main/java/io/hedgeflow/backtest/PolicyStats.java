package io.hedgeflow.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Monte Carlo statistics of one policy, reduced in path order (so the same for any thread count). Money amounts are
 * present values at the start for the whole position.
 *
 * @param policy            the policy's label.
 * @param bsmPrice          Black-Scholes-Merton value of the position, |Q| x price (Hull's "theoretical price").
 * @param meanCost          mean cost of holding (writing) the position and hedging it.
 * @param sdCost            standard deviation of that cost (sample, n - 1).
 * @param performance       sdCost / bsmPrice, Hull's performance measure (table 19.4).
 * @param meanTrades        mean number of hedge fills per path.
 * @param costPaid          mean transaction costs (fees) per path.
 * @param cvar95            expected shortfall at 95% of the hedged P&amp;L: mean loss of the worst 5% of paths, as a
 *                          positive number when they lose.
 * @param varianceReduction 1 - var(hedged P&amp;L) / var(unhedged P&amp;L).
 * @param paths             paths simulated.
 * @param attribution       mean P&amp;L at the end of the path per {@link PathResult#COMPONENTS} (empty when not
 *                          computed).
 * @param marginBound       share of the logic's hedge decisions that the margin constraints cut or refused.
 * @param sdCostUnconstrained with margin constraints, sdCost of the same policy without them on the same paths
 *                          (common random numbers); NaN otherwise. sdCost minus it is what the constraints cost
 *                          in hedging error.
 */
public record PolicyStats(
    String policy, double bsmPrice, double meanCost, double sdCost, double performance, double meanTrades,
    double costPaid, double cvar95, double varianceReduction, int paths, double[] attribution, double marginBound,
    double sdCostUnconstrained)
{
    /** Reduces per-path results (index = path) in path order. */
    static PolicyStats of(
        final String policy, final double bsmPrice, final double[] cost, final double[] fees, final int[] trades,
        final double[] pnl, final double[] unhedged, final double[][] attribution, final long decisions,
        final long bound)
    {
        final int n = cost.length;
        final double meanCost = mean(cost);
        final double sdCost = sd(cost, meanCost);
        final double pnlVar = variance(pnl, mean(pnl));
        final double unhedgedVar = variance(unhedged, mean(unhedged));
        double tradeSum = 0.0;
        for (final int t : trades)
        {
            tradeSum += t;
        }
        final double[] meanAttribution = new double[attribution == null ? 0 : PathResult.COMPONENTS.length];
        for (int c = 0; c < meanAttribution.length; c++)
        {
            double sum = 0.0;
            for (int p = 0; p < n; p++)
            {
                sum += attribution[p][c];
            }
            meanAttribution[c] = sum / n;
        }
        return new PolicyStats(policy, bsmPrice, meanCost, sdCost, sdCost / bsmPrice, tradeSum / n, mean(fees),
            cvar95(pnl), unhedgedVar > 0.0 ? 1.0 - pnlVar / unhedgedVar : 0.0, n, meanAttribution,
            decisions > 0 ? (double)bound / decisions : 0.0, Double.NaN);
    }

    /** These statistics next to those of the same policy without margin constraints. */
    public PolicyStats withUnconstrained(final PolicyStats unconstrained)
    {
        return new PolicyStats(policy, bsmPrice, meanCost, sdCost, performance, meanTrades, costPaid, cvar95,
            varianceReduction, paths, attribution, marginBound, unconstrained.sdCost());
    }

    /**
     * Statistics in policy order, each with margin constraints paired with the unconstrained run of the same
     * policy just before it ({@link PolicySpec#withMargin}).
     */
    public static List<PolicyStats> paired(final List<PolicySpec> policies, final List<PolicyStats> stats)
    {
        final List<PolicyStats> paired = new ArrayList<>(stats);
        for (int i = 1; i < stats.size(); i++)
        {
            if (policies.get(i).margin() != null && policies.get(i - 1).margin() == null)
            {
                paired.set(i, stats.get(i).withUnconstrained(stats.get(i - 1)));
            }
        }
        return List.copyOf(paired);
    }

    /** Statistics of one path (standard deviations 0). */
    public static PolicyStats single(final String policy, final double bsmPrice, final PathResult r)
    {
        return of(policy, bsmPrice, new double[]{r.cost}, new double[]{r.fees}, new int[]{r.trades},
            new double[]{r.pnl}, new double[]{r.unhedgedPnl}, new double[][]{r.attribution}, r.decisions,
            r.marginBound);
    }

    static double mean(final double[] x)
    {
        double sum = 0.0;
        for (final double v : x)
        {
            sum += v;
        }
        return sum / x.length;
    }

    static double variance(final double[] x, final double mean)
    {
        if (x.length < 2)
        {
            return 0.0;
        }
        double sum = 0.0;
        for (final double v : x)
        {
            sum += (v - mean) * (v - mean);
        }
        return sum / (x.length - 1);
    }

    static double sd(final double[] x, final double mean)
    {
        return Math.sqrt(variance(x, mean));
    }

    /** Mean of the worst ceil(5% n) P&amp;Ls, negated: the expected loss in the 5% tail. */
    static double cvar95(final double[] pnl)
    {
        final double[] sorted = pnl.clone();
        Arrays.sort(sorted);
        final int tail = Math.max(1, (int)Math.ceil(0.05 * sorted.length));
        double sum = 0.0;
        for (int i = 0; i < tail; i++)
        {
            sum += sorted[i];
        }
        return -sum / tail;
    }
}
