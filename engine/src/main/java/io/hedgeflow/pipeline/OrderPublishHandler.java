package io.hedgeflow.pipeline;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.sim.SimExchange;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Pipeline stage after the input journaler and the logic, so no order leaves before the input that caused it is
 * journaled: appends every output frame to the decisions journal (stamped with logic time and the
 * trigger's journal sequence), then hands NewOrder frames to the simulated exchange (same thread: it closes the
 * loop in logic time, see {@link FrameHandler}), or sends them to the order gateway (UDP datagrams or a FIX venue) when there is one.
 * Fail closed: an order leaves only after its decision record was appended, and never once the journal faulted
 * ({@link JournalFault}, checked before every order: the disk-space poller may set it between two appends).
 */
final class OrderPublishHandler
{
    private final JournalAppender decisions;
    private final SimExchange exchange;
    private final OrderGateway gateway;
    private final JournalFault fault;

    OrderPublishHandler(
        final JournalAppender decisions, final SimExchange exchange, final OrderGateway gateway,
        final JournalFault fault)
    {
        this.decisions = decisions;
        this.fault = fault;
        this.exchange = exchange;
        this.gateway = gateway;
    }

    /** Journals and sends the output frames of the input at this journal sequence. */
    void onInput(final FrameEvent event, final long sequence)
    {
        int offset = 0;
        while (offset < event.outputLength)
        {
            final int length = FrameHeader.frameLength(event.output, offset);
            decisions.append(event.output, offset, length, FrameHeader.sendingTimeNs(event.output, offset),
                sequence);
            final int templateId = templateId(event.output, offset);
            if (fault.faulted())
            {
                return;
            }
            if (templateId == NewOrderDecoder.TEMPLATE_ID && gateway != null)
            {
                gateway.send(event.output, offset, length, event.receiveNs);
            }
            else if (templateId == NewOrderDecoder.TEMPLATE_ID)
            {
                exchange.onOrder(event.output, offset, length);
            }
            offset += length;
        }
    }

    /** The kill switch changed: the order gateway hears of it after the orders made before (a FIX mass cancel). */
    void onKillSwitch(final boolean engaged)
    {
        if (gateway != null && !fault.faulted())
        {
            gateway.onKillSwitch(engaged);
        }
    }

    private static int templateId(final DirectBuffer frame, final int offset)
    {
        return frame.getShort(offset + FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.templateIdEncodingOffset(),
            ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /** End of a batch: pre-touches the next decisions journal page. */
    void onBatchEnd()
    {
        decisions.pretouch();
    }

    /** No frame this duty cycle: touches the next decisions journal page ahead of the writer, if any is left. */
    void onIdle()
    {
        decisions.pretouch();
    }
}
