package io.hedgeflow.cluster.client;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.OrderGateway;
import org.agrona.DirectBuffer;

/**
 * The order side of a cluster: takes the logic's output frames in output sequence order ({@link OutputSequencer})
 * and hands each NewOrder to the order gateway (UDP publisher, FIX route or the simulated venue) exactly once: an
 * output at or below the {@link OrderHighWaterMark} was handled already (by this process before a failover, or
 * before a restart) and is skipped; the mark is stored before the send. HedgeLogic numbers its orders 1, 2, 3, ...,
 * so an order id more than one above the previous one this process sent means orders that never reached it
 * ({@link #missedOrders()}). The kill switch, as the cluster's acknowledgements tell it, goes to the gateway on each
 * change (engaged: a FIX gateway sends one OrderMassCancelRequest and holds orders until released), as the engine's
 * order publisher does; a client that connects while it is engaged relays that at once, as a restarted engine does.
 * Single-threaded.
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
    private long lastOrderId;
    private long lastOutputNs;
    private boolean killSwitchEngaged;
    private long killSwitchChanges;

    public OrderClient(final OrderHighWaterMark mark, final OrderGateway gateway)
    {
        this.mark = mark;
        this.gateway = gateway;
    }

    public long lastOutput()
    {
        return mark.value();
    }

    public void startAfter(final long outputSequence)
    {
        mark.advance(outputSequence);
    }

    public void onOutput(final long outputSequence, final DirectBuffer buffer, final int offset, final int length)
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
            if (!mark.isNew(outputSequence))
            {
                ordersSkipped++;
                return;
            }
            final long id = order.orderId();
            missedOrders += lastOrderId > 0 ? Math.max(0, id - lastOrderId - 1) : 0;
            lastOrderId = id;
            mark.advance(outputSequence);
            gateway.send(buffer, offset, length);
            ordersSent++;
        }
    }

    public void onKillSwitch(final boolean engaged)
    {
        if (engaged != killSwitchEngaged)
        {
            killSwitchEngaged = engaged;
            killSwitchChanges++;
            gateway.onKillSwitch(engaged);
        }
    }

    /** Kill switch changes relayed to the gateway. */
    public long killSwitchChanges()
    {
        return killSwitchChanges;
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

    /** Orders at or below the mark (handled before a restart), not sent again. */
    public long ordersSkipped()
    {
        return ordersSkipped;
    }

    /** Order ids skipped between two orders this process sent: orders that never reached it. */
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
