package io.hedgeflow.cli;

import io.hedgeflow.backtest.GbmModel;
import io.hedgeflow.backtest.HestonModel;
import io.hedgeflow.backtest.Jumps;
import io.hedgeflow.backtest.MarketModel;
import io.hedgeflow.backtest.MertonModel;
import picocli.CommandLine.Option;

/** Market model flags of {@code backtest}: {@code --model gbm|heston|merton} and each model's parameters. */
final class ModelOptions
{
    /** The models. */
    enum Model
    {
        gbm, heston, merton
    }

    @Option(names = "--model", description = "gbm, heston or merton (default ${DEFAULT-VALUE}).", defaultValue = "gbm")
    Model model;

    @Option(names = "--mu", description = "Expected return (real-world drift) of the underlying (default: --rate).")
    Double mu;

    @Option(names = "--kappa", description = "Heston: mean reversion speed (default ${DEFAULT-VALUE}).",
        defaultValue = "2.0")
    double kappa;

    @Option(names = "--theta", description = "Heston: long-run variance (default: --vol squared).")
    Double theta;

    @Option(names = "--xi", description = "Heston: volatility of variance (default ${DEFAULT-VALUE}).",
        defaultValue = "0.5")
    double xi;

    @Option(names = "--rho", description = "Heston: correlation of spot and variance (default ${DEFAULT-VALUE}).",
        defaultValue = "-0.7")
    double rho;

    @Option(names = "--v0", description = "Heston: initial variance (default: --vol squared).")
    Double v0;

    @Option(names = "--jump-intensity", description = "Jumps per year: merton (default 1), heston (default 0: " +
        "none; positive: Bates).")
    Double jumpIntensity;

    @Option(names = "--jump-mean", description = "Mean log jump (default ${DEFAULT-VALUE}).", defaultValue = "-0.05")
    double jumpMean;

    @Option(names = "--jump-sd", description = "Standard deviation of the log jump (default ${DEFAULT-VALUE}).",
        defaultValue = "0.1")
    double jumpSd;

    MarketModel build(final double vol, final double rate, final double dividend)
    {
        final double drift = mu == null ? rate : mu;
        try
        {
            return switch (model)
            {
                case gbm -> new GbmModel(drift, dividend, vol);
                case merton -> new MertonModel(drift, dividend, vol, jumps(1.0));
                case heston -> new HestonModel(drift, dividend, v0 == null ? vol * vol : v0, kappa,
                    theta == null ? vol * vol : theta, xi, rho, jumps(0.0));
            };
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
    }

    private Jumps jumps(final double defaultIntensity)
    {
        final double intensity = jumpIntensity == null ? defaultIntensity : jumpIntensity;
        return intensity == 0.0 ? Jumps.NONE : new Jumps(intensity, jumpMean, jumpSd);
    }

    /** One line describing the model, for reports. */
    String describe(final double vol)
    {
        return switch (model)
        {
            case gbm -> "GBM";
            case merton -> "Merton jumps " + jumps(1.0);
            case heston -> "Heston kappa=" + kappa + " theta=" + (theta == null ? vol * vol : theta) + " xi=" + xi +
                " rho=" + rho + " v0=" + (v0 == null ? vol * vol : v0) + (jumps(0.0).intensity() > 0 ? " with " +
                jumps(0.0) : "");
        };
    }
}
