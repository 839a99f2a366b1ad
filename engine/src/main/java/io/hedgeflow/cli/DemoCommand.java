package io.hedgeflow.cli;

import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.logic.PolicyType;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.sim.MarketSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code demo}: an embedded simulated session through the real pipeline, closed loop, with a report. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run a simulated BTC/ETH options book through the live pipeline and report.")
final class DemoCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--events", description = "Input frames to process (default ${DEFAULT-VALUE}).",
        defaultValue = "3000000")
    long events;

    @Option(names = "--rate", description = "Frames per second offered by the feed, 0 = as fast as possible " +
        "(default ${DEFAULT-VALUE}).", defaultValue = "200000")
    double rate;

    @Option(names = "--warmup-events", description = "Simulated frames run unpaced through throwaway engines " +
        "(temporary journals, deleted), then a wait for the JIT's compiler threads to go idle, before the session, " +
        "at most --events, so the JIT has compiled the logic (the Greek kernel allocates until it is) before the " +
        "session's own warm-up and measured phase (default ${DEFAULT-VALUE}).", defaultValue = "2000000")
    long warmupEvents;

    @Option(names = "--journal", description = "Journal directory (default: a new directory under ./journals/).")
    Path journal;

    @Option(names = "--account", description = "The account's equity per settlement currency, journaled as " +
        "AccountSnapshot inputs: Deribit private/get_account_summary JSON (or the same keys in YAML).")
    Path account;

    @Mixin
    EngineOptions engine;

    @Option(names = "--format", description = "text or json (default ${DEFAULT-VALUE}).", defaultValue = "text")
    Format format;

    @Option(names = "--policy", description = "Hedging policy of every underlying, replacing the configuration's: " +
        "${COMPLETION-CANDIDATES}.")
    PolicyType policy;

    public Integer call() throws Exception
    {
        Options.positive("--events", events);
        Options.notNegative("--rate", rate);
        Options.notNegative("--warmup-events", warmupEvents);
        final AccountInputs accountInputs = AccountInputs.read(null, account);
        final EngineContext ctx = engine.engineContext(journal, "demo");
        if (policy != null)
        {
            ctx.logicContext().policyTypeOfAll(policy);
        }
        Options.warmUp(spec, ctx, Math.min(warmupEvents, events));
        SessionRunner.run(spec.commandLine().getErr(), ctx,
            accountInputs.inject(new SimFeedSource(new MarketSimulator(ctx.simContext()))),
            events,
            Math.min(events / 10, 500_000), rate, () -> { }, report -> Options.print(spec, format, report));
        return HedgeflowTool.EXIT_OK;
    }
}
