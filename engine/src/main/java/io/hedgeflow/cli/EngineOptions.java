package io.hedgeflow.cli;

import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.IdleStrategyKind;
import io.hedgeflow.pipeline.ThreadingMode;
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

    @Option(names = "--threading-mode", description = "SHARED (one thread runs everything) or DEDICATED (feed " +
        "receiver and processor threads with a ring between them) (default: the configuration's, else by cores: " +
        "DEDICATED from 3).")
    ThreadingMode threadingMode;

    @Option(names = "--idle-strategy", description = "How the feed thread waits: BUSY_SPIN, NO_OP, YIELDING, " +
        "BACKOFF, SLEEPING (default: the configuration's, else BUSY_SPIN with a core to spare, BACKOFF without).")
    IdleStrategyKind idleStrategy;

    @Option(names = "--processor-idle-strategy", description = "DEDICATED: how the processor thread waits " +
        "(default: the configuration's, else as --idle-strategy).")
    IdleStrategyKind processorIdleStrategy;

    /**
     * The engine configuration with its journal directory: the given one, or a new one under ./journals/ named
     * after prefix, created only once the configuration and options are valid (so bad ones leave no empty directory).
     */
    EngineContext engineContext(final Path journal, final String prefix)
    {
        final EngineContext ctx = engineContext();
        return ctx.journalDir(Options.newJournalDir(journal, prefix));
    }

    /** The engine configuration without a journal directory; exit 2 on a bad configuration file or mode. */
    EngineContext engineContext()
    {
        final EngineContext ctx = config.load();
        if (seed != null)
        {
            ctx.simContext().seed(seed);
        }
        if (threadingMode != null)
        {
            ctx.threadingMode(threadingMode);
        }
        if (idleStrategy != null)
        {
            ctx.idleStrategy(idleStrategy);
        }
        if (processorIdleStrategy != null)
        {
            ctx.processorIdleStrategy(processorIdleStrategy);
        }
        if (ctx.threadingMode() == ThreadingMode.INVOKER)
        {
            throw CliException.badInput("threading mode INVOKER is for embedding (the caller drives the engine); " +
                "the command line runs SHARED or DEDICATED");
        }
        return ctx;
    }
}
