package io.hedgeflow.pipeline;

import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.logic.TestContexts;
import io.hedgeflow.sim.SimContext;
import io.hedgeflow.sim.SimExchange;
import io.hedgeflow.status.EngineCounters;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalFaultTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRefuseToStartWithLessFreeSpaceThanTheMinimum() throws IOException
    {
        final Path journal = dir.resolve("journal");
        final EngineContext ctx = new EngineContext().journalDir(journal).logicContext(TestContexts.logic())
            .minFreeDiskBytes(Long.MAX_VALUE);
        final CaptureFileSource source = new CaptureFileSource(Sessions.record(dir.resolve("sim.cap"), 7, 10));
        final JournalFaultException ex = assertThrows(JournalFaultException.class, () -> new Engine(ctx, source));
        source.close();
        assertTrue(ex.getMessage().contains(journal.toString()) && ex.getMessage().contains("bytes free"),
            ex.getMessage());
        assertFalse(Files.exists(journal), "nothing written");
    }

    @Test
    void shouldFaultWhenFreeSpaceFallsBelowTheMinimum()
    {
        final JournalFault healthy = new JournalFault(dir, 0);
        new DiskSpacePoller(healthy).close();
        final JournalFault low = new JournalFault(dir, Long.MAX_VALUE);
        try (DiskSpacePoller poller = new DiskSpacePoller(low))
        {
            poller.poll();
        }
        assertFalse(healthy.faulted());
        assertTrue(low.faulted());
        final JournalFaultException ex = assertThrows(JournalFaultException.class, low::throwIfFaulted);
        assertTrue(ex.getMessage().startsWith("journal fault, stopped sending orders: journal " + dir),
            ex.getMessage());
        assertTrue(ex.getMessage().contains("free space fell below the minimum; free space "), ex.getMessage());
    }

    @Test
    void shouldNeitherJournalNorSendAnythingOnceTheJournalFaulted() throws IOException
    {
        final Path capture = Sessions.record(dir.resolve("sim.cap"), 7, 60_000);
        final Path journalDir = dir.resolve("journal");
        final LogicContext ctx = TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0));
        final CountingGateway gateway = new CountingGateway();
        final JournalFault fault = new JournalFault(journalDir, 0);
        final long journaled;
        try (Journal journal = Journal.open(new JournalContext().directory(journalDir)
                .header(Engine.sessionHeader(ctx)));
            EngineCounters counters = new EngineCounters(journalDir);
            HedgeLogic logic = new HedgeLogic(ctx);
            CaptureFileSource source = new CaptureFileSource(capture))
        {
            final SimExchange exchange = new SimExchange(new SimContext());
            final FrameHandler handler = new FrameHandler(new InputJournalHandler(journal.inputsAppender(), counters),
                new LogicHandler(logic, counters, 0, journalDir, 0, 0, null),
                new OrderPublishHandler(journal.inputsAppender(), journal.decisionsAppender(), exchange, gateway,
                    fault), exchange,
                new PipelineExceptionHandler(counters), fault, new long[HedgeLogic.CHANNELS], 0);
            final FeedPoller feed = new FeedPoller(source);
            feed.start(Long.MAX_VALUE, 0, 0);
            final FrameEvent slot = new FrameEvent();
            while (gateway.sent == 0 && feed.poll(slot) > 0)
            {
                handler.onFeedFrame(slot, System.nanoTime());
            }
            assertEquals(1, gateway.sent, "an order left before the fault");
            journaled = inputs(journalDir);
            fault.fault("test fault");
            while (feed.poll(slot) > 0)
            {
                handler.onFeedFrame(slot, System.nanoTime());
            }
            assertEquals(1, gateway.sent, "no order after the fault");
        }
        assertEquals(journaled, inputs(journalDir), "no input journaled after the fault");
    }

    private static long inputs(final Path journalDir)
    {
        try (Journal journal = Journal.openReadOnly(journalDir); JournalReader reader = journal.inputsReader())
        {
            return reader.count();
        }
    }

    private static final class CountingGateway implements OrderGateway
    {
        private int sent;

        public void send(final DirectBuffer buffer, final int offset, final int length)
        {
            sent++;
        }

        public void close()
        {
        }
    }
}
