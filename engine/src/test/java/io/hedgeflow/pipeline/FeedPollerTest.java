package io.hedgeflow.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import io.hedgeflow.sim.SimExchange;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedPollerTest
{
    private final RingBuffer<FrameEvent> ring = RingBuffer.createSingleProducer(FrameEvent::new, 64);
    private final OneToOneRingBuffer orders = new OneToOneRingBuffer(new UnsafeBuffer(
        BufferUtil.allocateDirectAligned(4096 + RingBufferDescriptor.TRAILER_LENGTH, 64)));
    private final AtomicLong stageErrors = new AtomicLong();
    private final long[] processed = new long[HedgeLogic.CHANNELS];

    private FeedPoller poller(final FrameSource source)
    {
        final SimContext sim = new SimContext();
        return new FeedPoller(ring, source, new SimExchange(sim), orders, () -> Long.MAX_VALUE, sim.latencyNs(),
            processed, stageErrors::get, null);
    }

    @Test
    void shouldEngageTheKillSwitchThroughTheInputStreamAfterAStageError()
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext());
        processed[FeedPoller.CONTROL_CHANNEL] = 4;
        final FeedPoller poller = poller(new FrameSource()
        {
            public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
            {
                return simulator.poll(buffer, offset);
            }
        });
        assertEquals(3, poller.run(3, 0, 0));
        stageErrors.set(2);
        assertEquals(2, poller.run(2, 0, 0));

        final FrameEvent event = ring.get(3);
        assertEquals(FeedPoller.CONTROL_CHANNEL, FrameHeader.channelId(event.input, 0));
        assertEquals(5, FrameHeader.sequence(event.input, 0), "control sequence continues after a restart");
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(event.input, FrameHeader.MESSAGE_OFFSET);
        assertEquals(KillSwitchDecoder.TEMPLATE_ID, header.templateId());
        assertEquals(1, new KillSwitchDecoder().wrap(event.input, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(),
            header.version()).engaged());
        assertEquals(MarketSimulator.CHANNEL_ID, FrameHeader.channelId(ring.get(4).input, 0));
    }

    @Test
    void shouldSkipFramesTheJournalAlreadyHolds()
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext());
        processed[MarketSimulator.CHANNEL_ID] = 10;
        final FeedPoller poller = poller((buffer, offset, maxLength) -> simulator.poll(buffer, offset));
        assertEquals(1, poller.run(1, 0, 0));
        assertEquals(11, FrameHeader.sequence(ring.get(0).input, 0));
    }
}
