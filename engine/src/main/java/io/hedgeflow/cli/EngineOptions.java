package io.hedgeflow.cli;

import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.ThreadLayout;
import io.hedgeflow.pipeline.WaitStrategyKind;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Options shared by the commands that run an engine: a configuration file ({@link ConfigOption}) and flags that
 * override it.
 */
final class EngineOptions
{
    @Mixin
    ConfigOption config;

    @Option(names = "--seed", description = "Simulator seed (default: the configuration's, 42).")
    Long seed;

    @Option(names = "--wait-strategy", description = "How pipeline stages wait: BUSY_SPIN, YIELDING, SLEEPING, " +
        "BLOCKING (default: the configuration's, SLEEPING).")
    WaitStrategyKind waitStrategy;

    @Option(names = "--thread-layout", description = "Pipeline handler threads: SPLIT (three) or COMBINED (one) " +
        "(default: the configuration's, COMBINED).")
    ThreadLayout threadLayout;

    /** The engine configuration with the journal directory set; exit 2 on a bad configuration file. */
    EngineContext engineContext(final Path journalDir)
    {
        final EngineContext ctx = config.load();
        if (seed != null)
        {
            ctx.simContext().seed(seed);
        }
        if (waitStrategy != null)
        {
            ctx.waitStrategy(waitStrategy);
        }
        if (threadLayout != null)
        {
            ctx.threadLayout(threadLayout);
        }
        return ctx.journalDir(journalDir);
    }
}
