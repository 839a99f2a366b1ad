package io.hedgeflow.cli;

import io.hedgeflow.config.ConfigException;
import io.hedgeflow.config.ConfigFile;
import io.hedgeflow.config.Defaults;
import io.hedgeflow.pipeline.EngineContext;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --config FILE} option: a YAML configuration, else the built-in {@link Defaults}. */
final class ConfigOption
{
    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (default: built-in; keys " +
        "in docs/configuration.md). Replay a session with the configuration it ran with.")
    Path file;

    /** The configuration of the file, or the built-in one; exit 2 on a bad file. */
    EngineContext load()
    {
        if (file == null)
        {
            return new EngineContext().logicContext(Defaults.logicContext());
        }
        try
        {
            return ConfigFile.load(file);
        }
        catch (final ConfigException ex)
        {
            throw CliException.badInput(ex.getMessage());
        }
    }
}
