package io.hedgeflow.cli;

import io.hedgeflow.hedge.GreekNeutralizer;
import io.hedgeflow.hedge.SmallLeastSquares;
import io.hedgeflow.hedge.SolveStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neutralize}: quantities of the given hedge options that make the portfolio's gamma and/or vega neutral
 * ({@link GreekNeutralizer}: exact, least squares or minimum norm), then the quantity of the underlying (delta 1)
 * that makes delta neutral. Greeks in the engine's units, per unit of each hedge; a missing Greek is 0. A singular
 * or ill-conditioned system is refused with exit 2. JSON keys: hedges (name -&gt; quantity, in the order given),
 * underlying, residual (delta, gamma, vega).
 */
@Command(name = "neutralize", mixinStandardHelpOptions = true,
    description = "Hedge-option quantities that neutralize gamma and/or vega, then the underlying for delta.")
final class NeutralizeCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--portfolio", required = true, paramLabel = "delta=D,gamma=G,vega=V",
        description = "The portfolio's Greeks.")
    String portfolio;

    @Option(names = "--hedge", required = true, paramLabel = "NAME:delta=a,gamma=b,vega=c",
        description = "A hedge option's Greeks per unit (repeatable, at most 8).")
    List<String> hedges;

    @Option(names = "--neutral", defaultValue = "gamma,vega", split = ",",
        description = "Greeks to neutralize: gamma, vega or both (default ${DEFAULT-VALUE}).")
    List<String> neutral;

    @Option(names = "--max-condition", defaultValue = "1e6",
        description = "Refuse a system whose (row-scaled) condition number exceeds this (default ${DEFAULT-VALUE}).")
    double maxCondition;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    Format format;

    public Integer call()
    {
        if (!(maxCondition >= 1.0))
        {
            throw CliException.badInput("--max-condition must be at least 1: " + maxCondition);
        }
        final GreekNeutralizer neutralizer = new GreekNeutralizer(maxCondition);
        final double[] book = greeks("--portfolio", portfolio);
        final List<String> names = new ArrayList<>();
        double scale = Math.max(Math.abs(book[0]), Math.max(Math.abs(book[1]), Math.abs(book[2])));
        for (final String hedge : hedges)
        {
            final int colon = hedge.indexOf(':');
            final String name = colon > 0 ? hedge.substring(0, colon).trim() : "";
            if (name.isEmpty() || names.contains(name))
            {
                throw CliException.badInput("--hedge '" + hedge + "': " + (name.isEmpty() ? "expected NAME:delta=a," +
                    "gamma=b,vega=c" : "duplicate name '" + name + "'"));
            }
            final double[] g = greeks("--hedge " + name, hedge.substring(colon + 1));
            if (neutralizer.addHedge(g[0], g[1], g[2]) < 0)
            {
                throw CliException.badInput("--hedge: at most " + SmallLeastSquares.MAX + " hedges");
            }
            names.add(name);
        }
        for (final String greek : neutral)
        {
            if (!greek.equals("gamma") && !greek.equals("vega"))
            {
                throw CliException.badInput("--neutral: expected gamma and/or vega, found '" + greek + "'");
            }
        }
        final SolveStatus status = neutralizer.solve(book[0], book[1], book[2], neutral.contains("gamma"),
            neutral.contains("vega"));
        if (status != SolveStatus.OK)
        {
            throw CliException.badInput("--hedge: the hedges cannot neutralize " + String.join(",", neutral) + ": " +
                reason(status, neutralizer.condition()));
        }
        for (int i = 0; i < names.size(); i++)
        {
            scale = Math.max(scale, Math.abs(neutralizer.quantity(i)));
        }
        print(names, neutralizer, Math.max(scale, Math.abs(neutralizer.underlying())));
        return HedgeflowTool.EXIT_OK;
    }

    private String reason(final SolveStatus status, final double condition)
    {
        return switch (status)
        {
            case SINGULAR -> "singular system (a Greek no hedge moves, or hedges with proportional Greeks)";
            case ILL_CONDITIONED -> "ill-conditioned system (condition number " + Decimals.format(condition) +
                " above --max-condition " + Decimals.format(maxCondition) + ")";
            default -> "invalid input";
        };
    }

    /** delta=D,gamma=G,vega=V in any order, each at most once, missing ones 0. */
    private static double[] greeks(final String where, final String text)
    {
        final double[] g = new double[3];
        final boolean[] seen = new boolean[3];
        for (final String pair : text.split(",", -1))
        {
            final int eq = pair.indexOf('=');
            final String key = eq > 0 ? pair.substring(0, eq).trim() : pair.trim();
            final int index = switch (key)
            {
                case "delta" -> 0;
                case "gamma" -> 1;
                case "vega" -> 2;
                default -> throw CliException.badInput(where + ": field '" + key + "': expected delta, gamma or vega");
            };
            if (eq < 0 || seen[index])
            {
                throw CliException.badInput(where + ": field '" + key + "': " +
                    (eq < 0 ? "expected " + key + "=NUMBER" : "given twice"));
            }
            seen[index] = true;
            g[index] = number(where, key, pair.substring(eq + 1).trim());
        }
        return g;
    }

    private static double number(final String where, final String key, final String value)
    {
        try
        {
            final double x = Double.parseDouble(value);
            if (Double.isFinite(x))
            {
                return x;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw CliException.badInput(where + ": field '" + key + "': expected a finite number, found '" + value + "'");
    }

    private void print(final List<String> names, final GreekNeutralizer n, final double scale)
    {
        final PrintWriter out = spec.commandLine().getOut();
        final String delta = Decimals.format(n.residualDelta(), scale);
        final String gamma = Decimals.format(n.residualGamma(), scale);
        final String vega = Decimals.format(n.residualVega(), scale);
        if (format == Format.json)
        {
            final StringBuilder json = new StringBuilder(128).append("{\"hedges\":{");
            for (int i = 0; i < names.size(); i++)
            {
                json.append(i == 0 ? "" : ",").append('"').append(Json.escape(names.get(i))).append("\":")
                    .append(Decimals.format(n.quantity(i), scale));
            }
            json.append("},\"underlying\":").append(Decimals.format(n.underlying(), scale))
                .append(",\"residual\":{\"delta\":").append(delta).append(",\"gamma\":").append(gamma)
                .append(",\"vega\":").append(vega).append("}}");
            out.println(json);
        }
        else
        {
            for (int i = 0; i < names.size(); i++)
            {
                out.printf("hedge %-12s %s%n", names.get(i), Decimals.format(n.quantity(i), scale));
            }
            out.printf("underlying         %s%n", Decimals.format(n.underlying(), scale));
            out.printf("residual           delta %s, gamma %s, vega %s%n", delta, gamma, vega);
        }
        out.flush();
    }
}
