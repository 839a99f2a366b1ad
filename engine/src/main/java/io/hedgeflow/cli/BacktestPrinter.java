package io.hedgeflow.cli;

import io.hedgeflow.backtest.PolicyStats;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints backtest statistics as a text table or JSON (one object per policy, keys as documented). */
final class BacktestPrinter
{
    private BacktestPrinter()
    {
    }

    static void text(final PrintWriter out, final String title, final List<PolicyStats> stats)
    {
        out.println(title);
        out.printf(Locale.ROOT, "%-22s %12s %12s %12s %11s %9s %11s %12s %9s%s%n", "policy", "bsm_price", "mean_cost",
            "sd_cost", "performance", "trades", "cost_paid", "cvar95", "var_red",
            constrained(stats) ? String.format(Locale.ROOT, " %12s %14s", "margin_bound", "sd_cost_extra") : "");
        for (final PolicyStats s : stats)
        {
            out.printf(Locale.ROOT, "%-22s %12.2f %12.2f %12.2f %11.4f %9.2f %11.2f %12.2f %9.4f%s%n", s.policy(),
                s.bsmPrice(), s.meanCost(), s.sdCost(), s.performance(), s.meanTrades(), s.costPaid(), s.cvar95(),
                s.varianceReduction(), !Double.isFinite(s.sdCostUnconstrained()) ? "" : String.format(Locale.ROOT,
                " %12.4f %14.2f", s.marginBound(), s.sdCost() - s.sdCostUnconstrained()));
        }
        out.flush();
    }

    /** True when some policy ran within margin constraints next to its unconstrained run. */
    static boolean constrained(final List<PolicyStats> stats)
    {
        return stats.stream().anyMatch(s -> Double.isFinite(s.sdCostUnconstrained()));
    }

    static void json(final PrintWriter out, final List<PolicyStats> stats, final boolean compare)
    {
        if (!compare)
        {
            out.println(object(stats.getFirst(), false));
        }
        else
        {
            out.println("{\"policies\":[");
            for (int i = 0; i < stats.size(); i++)
            {
                out.print(object(stats.get(i), true));
                out.println(i + 1 < stats.size() ? "," : "");
            }
            out.println("]}");
        }
        out.flush();
    }

    private static String object(final PolicyStats s, final boolean named)
    {
        return String.format(Locale.ROOT, "{%s\"bsm_price\":%s,\"mean_cost\":%s,\"sd_cost\":%s,\"performance\":%s," +
            "\"mean_trades\":%s,\"cost_paid\":%s,\"cvar95\":%s,\"variance_reduction\":%s,\"paths\":%d",
            named ? "\"policy\":\"" + Json.escape(s.policy()) + "\"," : "", num(s.bsmPrice()), num(s.meanCost()),
            num(s.sdCost()), num(s.performance()), num(s.meanTrades()), num(s.costPaid()), num(s.cvar95()),
            num(s.varianceReduction()), s.paths()) + (!Double.isFinite(s.sdCostUnconstrained()) ? "" :
            String.format(Locale.ROOT, ",\"margin_bound\":%s,\"sd_cost_unconstrained\":%s,\"sd_cost_extra\":%s",
            num(s.marginBound()), num(s.sdCostUnconstrained()), num(s.sdCost() - s.sdCostUnconstrained()))) + "}";
    }

    /** Shortest round-trip decimal; JSON has no NaN, so a non-finite value is null. */
    private static String num(final double v)
    {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
