package io.hedgeflow.cluster.client;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.OrderGateway;
import org.agrona.DirectBuffer;

/**
 * The order side of a cluster: takes the logic's output frames from egress and hands each NewOrder to the order
 * gateway (UDP publisher, FIX route or the simulated venue) exactly once per order id: an id at or below the
 * {@link OrderHighWaterMark} was sent already (by this process before a failover, or before a restart) and is
 * skipped; the mark is stored before the send. HedgeLogic numbers its orders 1, 2, 3, ..., so an id more than one
 * above the mark means orders that never reached this client ({@link #missedOrders()}). Single-threaded.
 */
public final class OrderClient implements OutputListener, AutoCloseable
{
    private final OrderHighWaterMark mark;
    private final OrderGateway gateway;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private long decisions;
    private long ordersSent;
    private long ordersSkipped;
    private long missedOrders;
    private long lastOutputNs;

    public OrderClient(final OrderHighWaterMark mark, final OrderGateway gateway)
    {
        this.mark = mark;
        this.gateway = gateway;
    }

    public void onOutputFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        lastOutputNs = System.nanoTime();
        header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        final int templateId = header.templateId();
        if (templateId == HedgeDecisionDecoder.TEMPLATE_ID)
        {
            decisions++;
        }
        else if (templateId == NewOrderDecoder.TEMPLATE_ID)
        {
            order.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
            final long id = order.orderId();
            if (!mark.isNew(id))
            {
                ordersSkipped++;
                return;
            }
            missedOrders += id - mark.value() - 1;
            mark.advance(id);
            gateway.send(buffer, offset, length);
            ordersSent++;
        }
    }

    /** HedgeDecision frames received. */
    public long decisions()
    {
        return decisions;
    }

    /** Orders handed to the gateway. */
    public long ordersSent()
    {
        return ordersSent;
    }

    /** Orders received again (at or below the mark) and not sent. */
    public long ordersSkipped()
    {
        return ordersSkipped;
    }

    /** Order ids above the mark that never arrived before a higher one did. */
    public long missedOrders()
    {
        return missedOrders;
    }

    /** When the last output frame arrived (System.nanoTime), 0 before the first. */
    public long lastOutputNs()
    {
        return lastOutputNs;
    }

    public void close()
    {
        mark.close();
    }
}
