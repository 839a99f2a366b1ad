package io.hedgeflow.pipeline;

import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.UdpFramePublisher;
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
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrameHandlerTest
{
    @TempDir
    Path dir;

    @Test
    void shouldEngageTheKillSwitchWithAJournaledInputRightAfterAStageException() throws IOException
    {
        final Path capture = Sessions.record(dir.resolve("sim.cap"), 7, 60_000);
        final Path journalDir = dir.resolve("journal");
        final LogicContext ctx = TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0));
        final UdpFramePublisher closedGateway =
            new UdpFramePublisher(UdpEndpoint.parse("udp://127.0.0.1:9"), FrameHeader.MAX_FRAME_LENGTH);
        closedGateway.close();
        try (Journal journal = Journal.open(new JournalContext().directory(journalDir)
                .header(Engine.sessionHeader(ctx)));
            EngineCounters counters = new EngineCounters(journalDir);
            HedgeLogic logic = new HedgeLogic(ctx);
            CaptureFileSource source = new CaptureFileSource(capture))
        {
            final SimExchange exchange = new SimExchange(new SimContext());
            final PipelineExceptionHandler errors = new PipelineExceptionHandler(counters);
            final JournalFault fault = new JournalFault(journalDir, 0);
            final long[] processed = new long[HedgeLogic.CHANNELS];
            for (int channel = 0; channel < processed.length; channel++)
            {
                processed[channel] = logic.lastSequence(channel);
            }
            final FrameHandler handler = new FrameHandler(new InputJournalHandler(journal.inputsAppender(), counters),
                new LogicHandler(logic, counters, 0, journalDir, 0, 0, null),
                new OrderPublishHandler(journal.inputsAppender(), journal.decisionsAppender(), exchange,
                    closedGateway, fault), exchange, errors, fault, processed, 0);
            final FeedPoller feed = new FeedPoller(source);
            feed.start(Long.MAX_VALUE, 0, 0);
            final FrameEvent slot = new FrameEvent();
            while (errors.errors() == 0 && feed.poll(slot) > 0)
            {
                handler.onFeedFrame(slot, System.nanoTime());
            }
            assertEquals(1, errors.errors(), "the first order's send failed");
            assertInstanceOf(UncheckedIOException.class, errors.first());
            assertTrue(logic.killSwitchEngaged(), "the logic took the kill switch input");
        }
        assertLastInputIsAnEngagedStageErrorKillSwitch(journalDir);
    }

    private static void assertLastInputIsAnEngagedStageErrorKillSwitch(final Path journalDir)
    {
        final UnsafeBuffer last = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        try (Journal journal = Journal.openReadOnly(journalDir); JournalReader reader = journal.inputsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) ->
                last.putBytes(0, buffer, offset, length)))
            {
                assertTrue(last.capacity() > 0);
            }
        }
        assertEquals(FrameHandler.CONTROL_CHANNEL, FrameHeader.channelId(last, 0));
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(last, FrameHeader.MESSAGE_OFFSET);
        assertEquals(KillSwitchDecoder.TEMPLATE_ID, header.templateId());
        final KillSwitchDecoder killSwitch = new KillSwitchDecoder().wrap(last, FrameHeader.MIN_FRAME_LENGTH,
            header.blockLength(), header.version());
        assertEquals(1, killSwitch.engaged());
        assertEquals(KillSwitchOrigin.STAGE_ERROR, killSwitch.origin());
    }
}
