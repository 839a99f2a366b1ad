package io.hedgeflow.cluster.client;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.OrderGateway;
import io.hedgeflow.sim.SimContext;
import io.hedgeflow.sim.SimExchange;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * The simulated exchange as the order client's venue, closing the loop of a cluster run as {@code run --feed sim}
 * does: it sees the market frames the feed client sends the cluster, takes the orders, and its execution reports
 * go back to the cluster as input frames. It counts every order it receives by order id, so a test can prove that
 * each id arrived exactly once across failovers. Single-threaded.
 */
public final class SimVenue implements OrderGateway
{
    private final SimExchange exchange;
    private final Long2LongHashMap ordersById = new Long2LongHashMap(0);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private long orders;
    private long repeatedOrders;

    public SimVenue(final SimContext ctx)
    {
        exchange = new SimExchange(ctx);
    }

    /** A market frame on its way to the cluster: the exchange learns specifications and the top of book. */
    public void onMarketFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        exchange.onMarketFrame(buffer, offset, length);
    }

    /**
     * Writes the next execution report due at or before logic time nowNs.
     *
     * @return its length, 0 when none is due.
     */
    public int poll(final long nowNs, final MutableDirectBuffer buffer, final int offset)
    {
        return exchange.poll(nowNs, buffer, offset);
    }

    public void send(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        order.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        final long id = order.orderId();
        final long before = ordersById.get(id);
        ordersById.put(id, before + 1);
        orders++;
        if (before > 0)
        {
            repeatedOrders++;
        }
        exchange.onOrder(buffer, offset, length);
    }

    /** Orders received. */
    public long orders()
    {
        return orders;
    }

    /** Orders received with an id received before: 0 when every id arrived once. */
    public long repeatedOrders()
    {
        return repeatedOrders;
    }

    /** How many times an order id was received. */
    public long ordersWithId(final long orderId)
    {
        return ordersById.get(orderId);
    }

    /** Distinct order ids received. */
    public int distinctOrderIds()
    {
        return ordersById.size();
    }

    public void close()
    {
    }
}
