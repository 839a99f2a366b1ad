package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.journal.JournalAppender;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import java.nio.ByteOrder;

/**
 * Pipeline stage gated on both the input journaler and the logic, so no order leaves before the input that
 * caused it is journaled: appends every output frame to the decisions journal (stamped with logic time and the
 * trigger's ring sequence), then hands NewOrder frames to the order ring towards the simulated exchange, or sends
 * them to the order gateway (UDP datagrams or a FIX venue) when there is one.
 */
final class OrderPublishHandler implements EventHandler<FrameEvent>
{
    private static final int ORDER_MSG_TYPE = 1;

    private final JournalAppender decisions;
    private final RingBuffer orders;
    private final OrderGateway gateway;
    private final long base;

    OrderPublishHandler(
        final JournalAppender decisions, final RingBuffer orders, final OrderGateway gateway, final long base)
    {
        this.base = base;
        this.decisions = decisions;
        this.orders = orders;
        this.gateway = gateway;
    }

    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        int offset = 0;
        while (offset < event.outputLength)
        {
            final int length = FrameHeader.frameLength(event.output, offset);
            decisions.append(event.output, offset, length, FrameHeader.sendingTimeNs(event.output, offset),
                base + sequence);
            final int templateId = event.output.getShort(offset + FrameHeader.MESSAGE_OFFSET +
                MessageHeaderDecoder.templateIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
            if (templateId == NewOrderDecoder.TEMPLATE_ID && gateway != null)
            {
                gateway.send(event.output, offset, length);
            }
            else if (templateId == NewOrderDecoder.TEMPLATE_ID)
            {
                while (!orders.write(ORDER_MSG_TYPE, event.output, offset, length))
                {
                    Thread.onSpinWait();
                }
            }
            offset += length;
        }
        if (endOfBatch)
        {
            decisions.pretouch();
        }
    }
}
