package io.hedgeflow.cli;

import io.hedgeflow.config.ConfigException;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.config.Defaults;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.WaitStrategyKind;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Options shared by the commands that configure an engine or its logic: a configuration file (else the built-in
 * {@link Defaults}), and flags that override it.
 */
final class EngineOptions
{
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: built-in; keys " +
        "in docs/configuration.md).")
    Path config;

    @Option(names = "--seed", description = "Simulator seed (default: the configuration's, 42).")
    Long seed;

    @Option(names = "--wait-strategy", description = "How pipeline stages wait: BUSY_SPIN, YIELDING, SLEEPING, " +
        "BLOCKING (default: the configuration's, SLEEPING).")
    WaitStrategyKind waitStrategy;

    /** The engine configuration with the journal directory set; exit 2 on a bad configuration file. */
    EngineContext engineContext(final Path journalDir)
    {
        final EngineContext ctx = load(config);
        if (seed != null)
        {
            ctx.simContext().seed(seed);
        }
        if (waitStrategy != null)
        {
            ctx.waitStrategy(waitStrategy);
        }
        return ctx.journalDir(journalDir);
    }

    /** The configuration of a file, or the built-in one when file is null; exit 2 on a bad file. */
    static EngineContext load(final Path config)
    {
        if (config == null)
        {
            return new EngineContext().logicContext(Defaults.logicContext());
        }
        try
        {
            return ConfigFile.load(config);
        }
        catch (final ConfigException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
    }
}
