package io.hedgeflow.gateway;

import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.TestContexts;
import io.hedgeflow.pipeline.Engine;
import io.hedgeflow.pipeline.EngineContext;
import io.hedgeflow.pipeline.IdleStrategyKind;
import io.hedgeflow.pipeline.ThreadingMode;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With an order gateway, NewOrder frames leave as datagrams instead of reaching the simulated exchange. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class UdpOrderGatewayTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    void shouldSendEveryJournaledNewOrderAsOneDatagramAndNothingToTheSimulatedExchange(final ThreadingMode mode)
        throws Exception
    {
        final Path capture = TestCaptures.record(dir.resolve("sim.cap"), 7, 30_000);
        final Path journal = dir.resolve("journal");
        final List<byte[]> datagrams = new ArrayList<>();
        try (UdpFrameSource gateway = new UdpFrameSource(UdpEndpoint.parse("udp://127.0.0.1:0"), 1 << 20, 0))
        {
            final long orders;
            try (Engine engine = new Engine(new EngineContext().journalDir(journal).ringSize(1024).threadingMode(mode)
                .idleStrategy(IdleStrategyKind.BACKOFF)
                .logicContext(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0)))
                .orderGateway(UdpEndpoint.parse("udp://127.0.0.1:" + gateway.localPort())),
                new CaptureFileSource(capture)))
            {
                engine.run(Long.MAX_VALUE, 0);
                orders = engine.logic().counters().orders();
                assertEquals(0, engine.logic().counters().fills(), "no execution reports without the sim exchange");
                assertEquals(0, engine.errors());
            }
            assertTrue(orders > 0, "the capture must make the engine trade");
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
            final long start = System.nanoTime();
            while (datagrams.size() < orders)
            {
                final int length = gateway.poll(buffer, 0, FrameHeader.MAX_FRAME_LENGTH);
                if (length > 0)
                {
                    datagrams.add(Arrays.copyOf(buffer.byteArray(), length));
                }
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "orders within the deadline");
            }
            assertEquals(0, gateway.poll(buffer, 0, FrameHeader.MAX_FRAME_LENGTH), "one datagram per order");
        }
        final List<byte[]> journaled = new ArrayList<>();
        for (final byte[] record : TestCaptures.decisions(journal))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(record);
            if (frame.getShort(FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.templateIdEncodingOffset(),
                ByteOrder.LITTLE_ENDIAN) == NewOrderDecoder.TEMPLATE_ID)
            {
                journaled.add(Arrays.copyOf(record, FrameHeader.frameLength(frame, 0)));
            }
        }
        assertEquals(journaled.size(), datagrams.size());
        for (int i = 0; i < journaled.size(); i++)
        {
            assertArrayEquals(journaled.get(i), datagrams.get(i), "order " + i);
        }
    }
}
