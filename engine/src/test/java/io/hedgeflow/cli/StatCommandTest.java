package io.hedgeflow.cli;

import io.hedgeflow.gateway.SimFeedSource;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.UdpFrameSource;
import io.hedgeflow.logic.TestContexts;
import io.hedgeflow.pipeline.Engine;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import io.hedgeflow.status.CountersFile;
import io.hedgeflow.status.EngineCounters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatCommandTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadTheCountersOfAnEngineFromAnotherProcess() throws Exception
    {
        final SimContext sim = new SimContext().seed(5);
        try (Engine engine = new Engine(new EngineContext().journalDir(dir).simContext(sim)
            .logicContext(TestContexts.logic()),
            new SimFeedSource(new MarketSimulator(sim))))
        {
            assertEquals(50_000, engine.run(50_000, 0));
            final long frames = engine.logic().counters().frames();
            assertTrue(frames > 50_000, "50,000 market frames and the exchange's execution reports: " + frames);

            final Process stat = childJvm("stat", "--dir", dir.toString());
            assertTrue(stat.waitFor(60, TimeUnit.SECONDS), "stat finished");
            final String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, stat.exitValue(), out);
            assertTrue(out.contains("engine pid " + ProcessHandle.current().pid()), out);
            assertTrue(out.matches("(?s).*\\b" + String.format("%,d", frames).replace(",", "[,.\\u00a0]") +
                "\\s+frames: input frames processed.*"), out);
        }
    }

    @Test
    void shouldShowTheKernelDropsOfAUdpFeedSocket() throws Exception
    {
        try (UdpFrameSource feed = new UdpFrameSource(UdpEndpoint.parse("udp://127.0.0.1:0"), 1 << 16, 0);
            EngineCounters counters = new EngineCounters(dir))
        {
            counters.udpFeed(feed.localPort()).increment();
            final Process stat = childJvm("stat", "--dir", dir.toString());
            assertTrue(stat.waitFor(60, TimeUnit.SECONDS), "stat finished");
            final String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, stat.exitValue(), out);
            assertTrue(out.matches("(?s).*\\s1\\s+feed datagrams: UDP datagrams received.*"), out);
            assertTrue(out.matches("(?s).*\\s0\\s+feed kernel drops: .*"), out);
        }
    }

    @Test
    void shouldExitTwoWithoutACountersFile() throws Exception
    {
        final Process stat = childJvm("stat", "--dir", dir.resolve("nothing").toString());
        assertTrue(stat.waitFor(60, TimeUnit.SECONDS));
        final String err = new String(stat.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, stat.exitValue(), err);
        assertTrue(err.contains(CountersFile.NAME), err);
    }

    /** A JVM like this one (same java, class path and project flags) running the command line. */
    private static Process childJvm(final String... args) throws IOException
    {
        return new ProcessBuilder(ChildJvm.command(args)).start();
    }
}
