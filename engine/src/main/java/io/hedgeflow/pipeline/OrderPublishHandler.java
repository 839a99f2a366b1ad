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
 * journaled: appends every output frame to the decisions journal's current batch (stamped with logic time and the
 * trigger's journal sequence), then hands NewOrder frames to the simulated exchange (same thread: it closes the
 * loop in logic time, see {@link FrameHandler}), or sends them to the order gateway (UDP datagrams or a FIX venue)
 * when there is one. Fail closed: before an order or a kill switch notice leaves the process, the inputs journal's
 * batch and then the decisions journal's are committed, so an order leaves only after its input and decision
 * records are in the queues, and never once the journal faulted ({@link JournalFault}, checked before every order:
 * the disk-space poller may set it between two appends). The simulated exchange is in the process: what it was
 * given is rebuilt from the journal after a crash ({@link Recovery}), so its orders wait for no commit.
 */
final class OrderPublishHandler
{
    private final JournalAppender inputs;
    private final JournalAppender decisions;
    private final SimExchange exchange;
    private final OrderGateway gateway;
    private final JournalFault fault;

    OrderPublishHandler(
        final JournalAppender inputs, final JournalAppender decisions, final SimExchange exchange,
        final OrderGateway gateway, final JournalFault fault)
    {
        this.inputs = inputs;
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
            decisions.appendToBatch(event.output, offset, length, FrameHeader.sendingTimeNs(event.output, offset),
                sequence);
            final int templateId = templateId(event.output, offset);
            if (fault.faulted())
            {
                return;
            }
            if (templateId == NewOrderDecoder.TEMPLATE_ID && gateway != null)
            {
                commit();
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
            commit();
            gateway.onKillSwitch(engaged);
        }
    }

    private static int templateId(final DirectBuffer frame, final int offset)
    {
        return frame.getShort(offset + FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.templateIdEncodingOffset(),
            ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /** Writes the staged inputs, then the staged decisions, to the journal: each queue's batch as one excerpt. */
    void commit()
    {
        inputs.commitBatch();
        decisions.commitBatch();
    }

    /** End of a batch (its inputs committed): commits its decisions and pre-touches the next decisions page. */
    void onBatchEnd()
    {
        decisions.commitBatch();
        decisions.pretouch();
    }

    /**
     * No frame this duty cycle (staged inputs committed): commits decisions staged outside a batch, then touches the
     * next decisions journal page ahead of the writer, if any is left.
     */
    void onIdle()
    {
        decisions.commitBatch();
        decisions.pretouch();
    }
}
