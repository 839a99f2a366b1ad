package io.hedgeflow.cli;

import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.journal.UnfinishedCycleException;
import io.hedgeflow.pipeline.Engine;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.JournalFaultException;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs one engine session for {@code demo} and {@code run}: a warm-up phase, then the measured phase with
 * latency recording and a GC count, and collects the {@link SessionReport}. A journal fault ends the session with
 * its one-line message: exit 2 when the engine refused to start (too little free space), 1 when it stopped.
 */
final class SessionRunner
{
    private SessionRunner()
    {
    }

    /**
     * Runs the session and prints its report; first prints the threading line ("threading SHARED: 2 cores ...") to
     * err, then what opening the journal repaired ("removed unfinished cycle file ..."), one line each, then runs
     * ready: the engine is built (journal open, logic allocated), so a network feed's "listening" line printed there
     * means it takes datagrams at once. SIGTERM or SIGINT ends the session early and cleanly ({@link SignalStop}):
     * the frames taken are processed, a line on err says so, the report is printed and the engine closed before the
     * process exits.
     */
    static void run(
        final PrintWriter err,
        final EngineContext ctx,
        final FrameSource source,
        final long events,
        final long warmupEvents,
        final double rate,
        final Runnable ready,
        final Consumer<SessionReport> print) throws IOException
    {
        err.println(ctx.threadingReason());
        err.flush();
        try (SignalStop stop = SignalStop.install())
        {
            final Engine engine = open(ctx, source);
            stop.onSignal(engine::requestStop);
            for (final String notice : engine.journalNotices())
            {
                err.println(notice);
            }
            err.flush();
            ready.run();
            try (engine)
            {
                final SessionReport report = measure(ctx, engine, source, events, warmupEvents, rate);
                if (stop.requested())
                {
                    err.printf("hedgeflow: stopped by a signal after %,d feed frames, all of them processed; the " +
                        "journal is closed after the report%n", report.events()).flush();
                }
                print.accept(report);
            }
            catch (final JournalFaultException ex)
            {
                throw new CliException(HedgeflowTool.EXIT_FAILURE, ex.getMessage());
            }
        }
    }

    private static Engine open(final EngineContext ctx, final FrameSource source) throws IOException
    {
        try
        {
            return new Engine(ctx, source);
        }
        catch (final JournalFaultException | UnfinishedCycleException ex)
        {
            source.close();
            throw CliException.badInput(ex.getMessage());
        }
    }

    private static SessionReport measure(
        final EngineContext ctx,
        final Engine engine,
        final FrameSource source,
        final long events,
        final long warmupEvents,
        final double rate) throws IOException
    {
        final long warm = engine.run(Math.min(warmupEvents, events), rate);
        engine.startMeasuring();
        final long gcBefore = gcCount();
        final long start = System.nanoTime();
        final long measured = warm < warmupEvents ? 0 : engine.run(events - warm, rate);
        final long elapsedNs = System.nanoTime() - start;
        final long gcCollections = gcCount() - gcBefore;
        if (engine.errors() > 0)
        {
            final Throwable first = engine.firstError();
            throw new CliException(HedgeflowTool.EXIT_FAILURE, engine.errors() + " pipeline error(s), first: " +
                first.getClass().getSimpleName() + ": " + first.getMessage());
        }
        return SessionReport.of(engine.logic(), warm + measured, measured, elapsedNs, engine.latency(), gcCollections,
            engine.sourceRejected(), ctx.journalDir(), journalBytes(ctx.journalDir()), FeedReport.of(source));
    }

    static long gcCount()
    {
        long count = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static long journalBytes(final Path dir) throws IOException
    {
        try (var files = java.nio.file.Files.walk(dir))
        {
            return files.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
