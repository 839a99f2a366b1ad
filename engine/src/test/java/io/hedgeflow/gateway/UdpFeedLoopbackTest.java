package io.hedgeflow.gateway;

import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.TestContexts;
import io.hedgeflow.pipeline.Engine;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.IdleStrategyKind;
import io.hedgeflow.pipeline.ThreadingMode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acceptance: a capture sent over loopback UDP drives the engine to the same decisions as the file itself. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UdpFeedLoopbackTest
{
    private static final int FRAMES = 30_000;
    private static final double RATE = 20_000;
    private static final int WINDOW = 1_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    void shouldMakeByteIdenticalDecisionsFromUdpAndFromTheCaptureFile(final ThreadingMode mode) throws Exception
    {
        final Path capture = TestCaptures.record(dir.resolve("sim.cap"), 7, FRAMES);
        final Path fileJournal = dir.resolve("file");
        final long fileOrders;
        try (Engine engine = new Engine(context(fileJournal, mode), new CaptureFileSource(capture)))
        {
            engine.run(Long.MAX_VALUE, 0);
            fileOrders = engine.logic().counters().orders();
            assertEquals(0, engine.errors());
        }
        assertTrue(fileOrders > 10, "the capture must make the engine trade: " + fileOrders);

        final Path udpJournal = dir.resolve("udp");
        final ExecutorService sender = Executors.newSingleThreadExecutor();
        try (UdpFrameSource source = new UdpFrameSource(UdpEndpoint.parse("udp://127.0.0.1:0"), 8 << 20,
            TimeUnit.MILLISECONDS.toNanos(500));
            Engine engine = new Engine(context(udpJournal, mode), source))
        {
            final UdpEndpoint to = UdpEndpoint.parse("udp://127.0.0.1:" + source.localPort());
            final Future<Long> sent = sender.submit(() -> send(capture, to, source));
            engine.run(Long.MAX_VALUE, 0);
            assertEquals(FRAMES, sent.get(60, TimeUnit.SECONDS));
            assertEquals(FRAMES, source.received(), "every datagram arrived");
            assertEquals(0, source.rejected());
            assertEquals(0, engine.errors());
            assertEquals(fileOrders, engine.logic().counters().orders());
        }
        finally
        {
            sender.shutdownNow();
        }

        final List<byte[]> expected = TestCaptures.decisions(fileJournal);
        final List<byte[]> actual = TestCaptures.decisions(udpJournal);
        assertEquals(expected.size(), actual.size(), "decision records");
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(expected.get(i), actual.get(i), "decision record " + i);
        }
    }

    /**
     * Plays the capture at the rate, but never more than WINDOW datagrams ahead of the receiver: a stall of the
     * engine on a loaded machine must not overflow the socket buffer (that loss would be a gap, another test).
     */
    private static long send(final Path capture, final UdpEndpoint to, final UdpFrameSource receiver)
        throws IOException
    {
        try (CaptureFileSource capturedFrames = new CaptureFileSource(capture);
            UdpFramePublisher publisher = new UdpFramePublisher(to, FrameHeader.MAX_FRAME_LENGTH))
        {
            final FrameSource windowed = (buffer, offset, maxLength) ->
            {
                while (publisher.sent() - receiver.received() >= WINDOW)
                {
                    Thread.yield();
                }
                return capturedFrames.poll(buffer, offset, maxLength);
            };
            return new CapturePlayer(publisher).play(windowed, RATE);
        }
    }

    private static EngineContext context(final Path journal, final ThreadingMode mode)
    {
        return new EngineContext().journalDir(journal).ringSize(1024).threadingMode(mode)
            .idleStrategy(IdleStrategyKind.BACKOFF)
            .logicContext(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0)));
    }
}
