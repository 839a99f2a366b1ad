package io.hedgeflow.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.UdpEndpoint;
import io.hedgeflow.gateway.UdpFramePublisher;
import io.hedgeflow.gateway.UdpFrameSource;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import io.hedgeflow.status.EngineCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReceiverAgentTest
{
    private static final int RING = 64;
    private static final int DATAGRAMS = 200;

    @TempDir
    Path dir;

    @Test
    void shouldDrainTheSocketWithoutWaitingForTheProcessorUntilTheRingIsFull() throws Exception
    {
        final RingBuffer<FrameEvent> ring = RingBuffer.createSingleProducer(FrameEvent::new, RING);
        final Sequence heldProcessor = new Sequence();
        ring.addGatingSequences(heldProcessor);
        try (EngineCounters counters = new EngineCounters(dir);
            UdpFrameSource source = new UdpFrameSource(UdpEndpoint.parse("udp://127.0.0.1:0"), 4 << 20, 0);
            UdpFramePublisher sender = new UdpFramePublisher(
                UdpEndpoint.parse("udp://127.0.0.1:" + source.localPort()), FrameHeader.MAX_FRAME_LENGTH))
        {
            final long[] sequences = send(sender);
            final FeedPoller feed = new FeedPoller(source);
            feed.start(Long.MAX_VALUE, 0, 0);
            final ReceiverAgent receiver = new ReceiverAgent(feed, ring, counters.backPressure());
            while (source.received() < RING)
            {
                receiver.doWork();
            }
            for (int i = 0; i < 100; i++)
            {
                assertEquals(0, receiver.doWork(), "the ring is full: nothing more taken");
            }
            assertEquals(RING, source.received(), "the rest waits in the socket buffer");
            assertEquals(RING - 1, ring.getCursor(), "every slot published to the processor");
            assertEquals(1, counters.backPressure().get(), "one back-pressure episode");

            while (source.received() < DATAGRAMS)
            {
                heldProcessor.set(ring.getCursor());
                receiver.doWork();
            }
            assertEquals(DATAGRAMS - 1, ring.getCursor());
            assertEquals(sequences[DATAGRAMS - 1], FrameHeader.sequence(ring.get(DATAGRAMS - 1).input, 0),
                "the frames in the order sent");
            assertTrue(source.kernelDrops() <= 0, "nothing dropped by the kernel (-1: no /proc table to read)");
        }
    }

    private static long[] send(final UdpFramePublisher sender)
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext());
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        final long[] sequences = new long[DATAGRAMS];
        for (int i = 0; i < DATAGRAMS; i++)
        {
            final int length = simulator.poll(frame, 0);
            sequences[i] = FrameHeader.sequence(frame, 0);
            sender.send(frame, 0, length);
        }
        return sequences;
    }
}
