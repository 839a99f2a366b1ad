package io.hedgeflow.cli;

import io.hedgeflow.backtest.BacktestHost;
import io.hedgeflow.backtest.Durations;
import io.hedgeflow.backtest.HtmlReport;
import io.hedgeflow.backtest.Ledger;
import io.hedgeflow.backtest.MarketModel;
import io.hedgeflow.backtest.MarginSpec;
import io.hedgeflow.backtest.MarketPath;
import io.hedgeflow.backtest.MonteCarlo;
import io.hedgeflow.backtest.OptionPosition;
import io.hedgeflow.backtest.PathFile;
import io.hedgeflow.backtest.PathResult;
import io.hedgeflow.backtest.PolicySpec;
import io.hedgeflow.backtest.PolicyStats;
import io.hedgeflow.sim.SimRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code backtest}: hedging policies evaluated by the production logic over simulated paths (Monte Carlo) or one
 * given path, with a ledger, statistics, a comparison table and an HTML report.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
    description = "Evaluate hedging policies with the engine's own logic over simulated or given paths.")
final class BacktestCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    PositionOptions option;
    @Mixin
    ModelOptions model;
    @Option(names = "--path", description = "CSV with columns time (years), spot and optional vol: hedge this path.")
    Path pathFile;
    @Option(names = "--policy", description = "interval, band, band-edge or none (default ${DEFAULT-VALUE}).",
        defaultValue = "interval")
    String policy;
    @Option(names = "--every", description = "Interval policy: time between rebalances, e.g. 1w, 0.25w, 2d, 4h " +
        "(default ${DEFAULT-VALUE}).", defaultValue = "1w")
    String every;
    @Option(names = "--band", description = "Band policies: half width in delta per option (default " +
        "${DEFAULT-VALUE}).", defaultValue = "0.05")
    double band;
    @Option(names = "--compare", split = ",", description = "Policies run on the same paths, e.g. " +
        "interval:1w,band:0.05,band-edge:0.05,gamma:1:1w,ww:5e-5,zakamouline:5e-5,interval:1w+leland.")
    List<String> compare;
    @Option(names = "--step", description = "Simulation step (default: the shortest interval policy, at most 1d " +
        "when a band policy runs).")
    String step;
    @Option(names = "--cost-bps", description = "Proportional cost, bps of traded notional (default " +
        "${DEFAULT-VALUE}).", defaultValue = "0")
    double costBps;
    @Option(names = "--delta-rounding", description = "Hedge granularity, shares per option, e.g. 0.001 (default " +
        "none).", defaultValue = "0")
    double deltaRounding;
    @Option(names = "--paths", description = "Monte Carlo paths (default ${DEFAULT-VALUE}).", defaultValue = "10000")
    int paths;
    @Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;
    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    Integer threads;
    @Option(names = "--ledger", description = "Write the step-by-step ledger CSV of the single path here.")
    Path ledger;
    @Option(names = "--report", description = "Write an HTML report with SVG charts into this directory.")
    Path report;
    @Option(names = "--format", description = "text or json (default ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;
    @Option(names = "--equity", description = "Account equity, USD: with --target-leverage and/or " +
        "--max-margin-usage every policy also runs within those margin constraints, on the same paths.")
    Double equity;
    @Option(names = "--target-leverage", description = "With --equity: largest hedge notional / equity.",
        defaultValue = "0")
    double targetLeverage;
    @Option(names = "--max-margin-usage", description = "With --equity: largest initial margin (Deribit standard " +
        "margin) / equity, a fraction.", defaultValue = "0")
    double maxMarginUsage;
    @Option(names = "--progress", description = "Progress bar on stderr: auto (when on a terminal), always or " +
        "never (default ${DEFAULT-VALUE}).", defaultValue = "auto")
    String progress;

    public Integer call() throws Exception
    {
        final List<PolicySpec> policies = policies();
        final MarketPath given = pathFile == null ? null : readPath();
        final OptionPosition pos = option.position(given);
        final boolean single = given != null || (paths == 1 && ledger != null);
        if (ledger != null && (!single || policies.size() != 1))
        {
            throw CliException.badInput("--ledger needs one path (--path, or --paths 1) and one policy");
        }
        Options.positive("--paths", paths);
        Options.notNegative("--cost-bps", costBps);
        Options.notNegative("--delta-rounding", deltaRounding);
        if (costBps > 100)
        {
            throw CliException.badInput("--cost-bps must be at most 100: " + costBps);
        }
        for (final PolicySpec p : policies)
        {
            if (p.needsCost() && costBps == 0.0)
            {
                throw CliException.badInput("policy '" + p.label() + "' needs a proportional cost: --cost-bps > 0");
            }
        }
        final MarketModel market = model.build(option.vol, option.rate, option.dividend);
        final long stepNs = stepNs(policies);
        final List<PolicySpec> snapped = withMargin(policies.stream().map(p -> p.snapTo(stepNs)).toList());
        final String title = String.format(Locale.ROOT, "backtest: %s %s K=%s T=%s Q=%s vol=%s r=%s q=%s S0=%s, %s, " +
            "cost %s bps, seed %d", given != null ? "path " + pathFile : model.describe(option.vol), option.type, option.strike,
            option.maturity, option.position, option.vol, option.rate, option.dividend, pos.spot(), single ? "1 path" : paths + " paths, step " + step(stepNs),
            costBps, seed);
        final MonteCarlo.Result result = single ?
            singlePath(pos, given != null ? given : simulated(market, pos, stepNs), snapped) :
            monteCarlo(pos, market, snapped, stepNs);
        print(result.stats(), title);
        if (report != null)
        {
            HtmlReport.write(report, title, result);
        }
        return HedgeflowTool.EXIT_OK;
    }

    private MonteCarlo.Result monteCarlo(
        final OptionPosition pos, final MarketModel market, final List<PolicySpec> policies, final long stepNs)
        throws Exception
    {
        final int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Options.positive("--threads", workers);
        final ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), showProgress(), paths, "paths");
        final long start = System.nanoTime();
        final MonteCarlo.Result result = MonteCarlo.run(new MonteCarlo.Setup(pos, market, policies, stepNs, costBps,
            deltaRounding, paths, seed, workers, report != null), bar::update);
        final double seconds = (System.nanoTime() - start) * 1e-9;
        bar.finish();
        if (format == Format.text)
        {
            spec.commandLine().getOut().printf(Locale.ROOT, "throughput: %d path-steps through the logic in %.2f s " +
                "= %.0f path-steps/s on %d thread(s), %.0f per thread%n", result.pathSteps(), seconds,
                result.pathSteps() / seconds, workers, result.pathSteps() / seconds / workers);
        }
        return result;
    }

    private MonteCarlo.Result singlePath(
        final OptionPosition pos, final MarketPath path, final List<PolicySpec> policies) throws IOException
    {
        final List<PolicyStats> stats = new ArrayList<>();
        final List<PathResult> results = new ArrayList<>();
        final Ledger rows = ledger == null ? null : new Ledger();
        for (final PolicySpec policy : policies)
        {
            final PathResult r = new PathResult();
            new BacktestHost(pos, policy, costBps, deltaRounding).run(path, r, rows, report != null);
            if (format == Format.text)
            {
                spec.commandLine().getOut().printf(Locale.ROOT, "%s: cost of writing and hedging at the end of " +
                    "the path %.2f (present value %.2f), %d trades, fees %.2f%n", policy.label(), r.costAtEnd,
                    r.cost, r.trades, r.fees);
            }
            stats.add(PolicyStats.single(policy.label(), pos.bsmValue(), r));
            results.add(r);
        }
        final List<PolicyStats> paired = PolicyStats.paired(policies, stats);
        if (rows != null)
        {
            try (Writer w = Files.newBufferedWriter(ledger))
            {
                rows.writeCsv(w);
            }
        }
        final double[][] pnl = new double[policies.size()][];
        for (int i = 0; i < pnl.length; i++)
        {
            pnl[i] = new double[]{results.get(i).pnl};
        }
        return new MonteCarlo.Result(paired, pnl, path.points() - 1L);
    }

    private MarketPath simulated(final MarketModel market, final OptionPosition pos, final long stepNs)
    {
        final long endNs = Durations.ns(pos.maturity());
        final MarketPath path = new MarketPath(MarketPath.pointsFor(stepNs, endNs)).grid(stepNs, endNs);
        market.fill(path, pos.spot(), new SimRandom(MonteCarlo.pathSeed(seed, 0)));
        return path;
    }

    private void print(final List<PolicyStats> stats, final String title)
    {
        if (format == Format.json)
        {
            BacktestPrinter.json(spec.commandLine().getOut(), stats, compare != null || equity != null);
        }
        else
        {
            BacktestPrinter.text(spec.commandLine().getOut(), title, stats);
        }
    }

    /** With --equity, each policy followed by itself within the margin constraints ({@link MarginSpec}). */
    private List<PolicySpec> withMargin(final List<PolicySpec> policies)
    {
        if (equity == null)
        {
            if (targetLeverage != 0.0 || maxMarginUsage != 0.0)
            {
                throw CliException.badInput("--target-leverage and --max-margin-usage need --equity");
            }
            return policies;
        }
        final MarginSpec limits;
        try
        {
            limits = new MarginSpec(equity, targetLeverage, maxMarginUsage);
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
        final List<PolicySpec> both = new ArrayList<>();
        for (final PolicySpec p : policies)
        {
            both.add(p);
            both.add(p.withMargin(limits));
        }
        return both;
    }

    private boolean showProgress()
    {
        return switch (progress)
        {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> ProgressBar.terminal();
            default -> throw CliException.badInput("--progress must be auto, always or never: " + progress);
        };
    }

    private List<PolicySpec> policies()
    {
        final List<String> texts = compare != null ? compare : List.of(switch (policy)
        {
            case "interval" -> "interval:" + every;
            case "band", "band-edge" -> policy + ":" + band;
            default -> policy;
        });
        final List<PolicySpec> specs = new ArrayList<>();
        for (final String text : texts)
        {
            try
            {
                specs.add(PolicySpec.parse(text));
            }
            catch (final IllegalArgumentException ex)
            {
                throw CliException.badInput(ex.getMessage());
            }
        }
        return specs;
    }

    private long stepNs(final List<PolicySpec> policies)
    {
        try
        {
            if (step != null)
            {
                return Durations.parse(step);
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput("--step: " + ex.getMessage());
        }
        return PolicySpec.defaultStepNs(policies);
    }

    private static String step(final long ns)
    {
        return String.format(Locale.ROOT, "%.6g years (%.4g days)", Durations.years(ns), ns / (double)Durations.DAY_NS);
    }

    private MarketPath readPath() throws IOException
    {
        try
        {
            return PathFile.read(Options.inputFile(pathFile));
        }
        catch (final PathFile.FormatException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
    }
}
