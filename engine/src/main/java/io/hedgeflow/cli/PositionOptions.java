package io.hedgeflow.cli;

import io.hedgeflow.backtest.MarketPath;
import io.hedgeflow.backtest.OptionPosition;
import picocli.CommandLine.Option;

/** The option position flags of {@code backtest}. */
final class PositionOptions
{
    @Option(names = "--type", description = "call or put (default ${DEFAULT-VALUE}).", defaultValue = "call")
    String type;
    @Option(names = "--strike", required = true, description = "Strike.")
    double strike;
    @Option(names = "--maturity", required = true, description = "Years to expiry (e.g. 0.3846 for 20 weeks).")
    double maturity;
    @Option(names = "--position", description = "Options held, negative when written (default ${DEFAULT-VALUE}).",
        defaultValue = "-1")
    double position;
    @Option(names = "--vol", description = "Implied volatility the hedger uses (default ${DEFAULT-VALUE}).",
        defaultValue = "0.2")
    double vol;
    @Option(names = "--rate", description = "Risk-free rate (default ${DEFAULT-VALUE}).", defaultValue = "0")
    double rate;
    @Option(names = "--dividend", description = "Dividend yield (default ${DEFAULT-VALUE}).", defaultValue = "0")
    double dividend;
    @Option(names = "--spot", description = "Initial spot (required unless --path).")
    Double spot;

    /** The position; the spot is the given path's first when there is one. Exit 2 on a bad value. */
    OptionPosition position(final MarketPath given)
    {
        if (!type.equals("call") && !type.equals("put"))
        {
            throw CliException.badInput("--type must be call or put: " + type);
        }
        if (given == null && spot == null)
        {
            throw CliException.badInput("--spot is required without --path");
        }
        try
        {
            return new OptionPosition(type.equals("call"), strike, maturity, position, vol, rate, dividend,
                given != null ? given.spot(0) : spot);
        }
        catch (final IllegalArgumentException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
    }
}
