package io.hedgeflow.cli;

import io.hedgeflow.hedge.EwmaEstimator;
import io.hedgeflow.hedge.HedgeRatioEstimator;
import io.hedgeflow.hedge.KalmanBetaEstimator;
import io.hedgeflow.hedge.LotRounding;
import io.hedgeflow.hedge.MinimumVarianceHedge;
import io.hedgeflow.hedge.RollingOlsEstimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ratio}: the minimum-variance hedge ratio h* = rho sigma_S / sigma_H of a CSV of price changes (or levels
 * with --levels), by OLS over the last --window rows (default all), EWMA (--half-life) or a Kalman filter
 * (--process-noise, --observation-noise; prior beta 0 with variance 1e6, i.e. diffuse; its correlation and sigmas
 * cover every row). With --exposure and
 * --contract-size, Hull's N* = h* exposure / contract size, rounded to the nearest contract. Numbers are printed to
 * ten significant digits. JSON keys: hedge_ratio, correlation, sigma_spot, sigma_hedge, effectiveness and, with an
 * exposure, contracts.
 */
@Command(name = "ratio", mixinStandardHelpOptions = true,
    description = "Minimum-variance hedge ratio, correlation, sigmas and hedge effectiveness from two price columns.")
final class RatioCommand implements Callable<Integer>
{
    enum Method
    {
        ols, ewma, kalman
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, description = "CSV with a header line.")
    Path input;

    @Option(names = "--spot-column", description = "Column of the exposure (default: the first numeric column).")
    String spotColumn;

    @Option(names = "--hedge-column", description = "Column of the hedge (default: the next numeric column).")
    String hedgeColumn;

    @Option(names = "--method", defaultValue = "ols", description = "ols, ewma or kalman (default ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--levels", description = "The columns are price levels: use their successive differences.")
    boolean levels;

    @Option(names = "--exposure", description = "Units of exposure to hedge (with --contract-size).")
    Double exposure;

    @Option(names = "--contract-size", description = "Units per hedge contract (with --exposure).")
    Double contractSize;

    @Option(names = "--window", defaultValue = "0", description = "ols: rows in the regression, the last ones " +
        "(default 0 = all).")
    int window;

    @Option(names = "--half-life", defaultValue = "20", description = "ewma: rows after which a weight has halved " +
        "(default ${DEFAULT-VALUE}).")
    double halfLife;

    @Option(names = "--process-noise", defaultValue = "1e-4", description = "kalman: variance of the beta random " +
        "walk per row (default ${DEFAULT-VALUE}: beta moves by about 0.01 per row).")
    double processNoise;

    @Option(names = "--observation-noise", description = "kalman: variance of dS around beta dH, in spot units " +
        "squared (default: the residual variance of the OLS fit over all rows).")
    Double observationNoise;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    Format format;

    public Integer call() throws IOException
    {
        if ((exposure == null) != (contractSize == null))
        {
            throw CliException.badInput("--exposure and --contract-size go together");
        }
        if (contractSize != null)
        {
            Options.positive("--contract-size", contractSize);
            if (!Double.isFinite(exposure))
            {
                throw CliException.badInput("--exposure must be a finite number: " + exposure);
            }
        }
        final RatioInput data = RatioInput.read(input, spotColumn, hedgeColumn);
        final int n = levels ? data.rows - 1 : data.rows;
        if (n < 2)
        {
            throw CliException.badInput(input + ": need at least 2 " + (levels ? "changes (3 rows of levels)" :
                "rows of changes") + ", found " + Math.max(n, 0));
        }
        final HedgeRatioEstimator estimator = estimator(data, n);
        for (int i = 0; i < n; i++)
        {
            estimator.update(change(data.spot, i), change(data.hedge, i));
        }
        print(estimator);
        return HedgeflowTool.EXIT_OK;
    }

    private double change(final double[] column, final int i)
    {
        return levels ? column[i + 1] - column[i] : column[i];
    }

    private HedgeRatioEstimator estimator(final RatioInput data, final int n)
    {
        switch (method)
        {
            case ewma:
                Options.positive("--half-life", halfLife);
                return new EwmaEstimator(halfLife);
            case kalman:
                Options.notNegative("--process-noise", processNoise);
                final double r = observationNoise != null ? observationNoise : residualVariance(data, n);
                if (observationNoise == null && !(r > 0.0))
                {
                    throw CliException.badInput(input + ": the OLS residual variance is 0 (a perfect fit): give " +
                        "--observation-noise");
                }
                Options.positive("--observation-noise", r);
                return new KalmanBetaEstimator(processNoise, r, 0.0, 1e6, Double.POSITIVE_INFINITY);
            default:
                if (window < 0 || window == 1)
                {
                    throw CliException.badInput("--window must be 0 (all rows) or at least 2: " + window);
                }
                return new RollingOlsEstimator(window == 0 ? n : window);
        }
    }

    /** Residual variance of the OLS fit over all rows: sigma_S^2 (1 - rho^2) (n - 1) / (n - 2), else sigma_S^2. */
    private double residualVariance(final RatioInput data, final int n)
    {
        final RollingOlsEstimator ols = new RollingOlsEstimator(n);
        for (int i = 0; i < n; i++)
        {
            ols.update(change(data.spot, i), change(data.hedge, i));
        }
        final double variance = ols.sigmaSpot() * ols.sigmaSpot();
        return n > 2 ? variance * (1.0 - ols.effectiveness()) * (n - 1) / (n - 2) : variance;
    }

    private void print(final HedgeRatioEstimator e)
    {
        final PrintWriter out = spec.commandLine().getOut();
        final String contracts = exposure == null ? null : Decimals.format(LotRounding.round(
            MinimumVarianceHedge.contracts(e.hedgeRatio(), exposure, contractSize), 1.0, 0.0, true));
        if (format == Format.json)
        {
            out.print("{\"hedge_ratio\":" + Decimals.format(e.hedgeRatio()) + ",\"correlation\":" +
                Decimals.format(e.correlation()) + ",\"sigma_spot\":" + Decimals.format(e.sigmaSpot()) +
                ",\"sigma_hedge\":" + Decimals.format(e.sigmaHedge()) + ",\"effectiveness\":" +
                Decimals.format(e.effectiveness()) + (contracts == null ? "" : ",\"contracts\":" + contracts) + "}\n");
        }
        else
        {
            out.printf("method         %s over %d observations%n", method, e.count());
            out.printf("hedge ratio    %s%n", Decimals.format(e.hedgeRatio()));
            out.printf("correlation    %s%n", Decimals.format(e.correlation()));
            out.printf("sigma spot     %s%n", Decimals.format(e.sigmaSpot()));
            out.printf("sigma hedge    %s%n", Decimals.format(e.sigmaHedge()));
            out.printf("effectiveness  %s (R squared)%n", Decimals.format(e.effectiveness()));
            if (contracts != null)
            {
                out.printf("contracts      %s (h* x %s / %s = %s)%n", contracts, Decimals.format(exposure),
                    Decimals.format(contractSize),
                    Decimals.format(MinimumVarianceHedge.contracts(e.hedgeRatio(), exposure, contractSize)));
            }
        }
        out.flush();
    }
}
