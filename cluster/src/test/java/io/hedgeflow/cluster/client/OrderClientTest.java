package io.hedgeflow.cluster.client;

import io.hedgeflow.codecs.NewOrderEncoder;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.sim.SimContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderClientTest
{
    @TempDir
    Path dir;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final FrameEncoder frameEncoder = new FrameEncoder();
    private final NewOrderEncoder order = new NewOrderEncoder();

    @Test
    void shouldSendEachOrderIdOnceAcrossRepeatsAndRestarts() throws Exception
    {
        final Path file = dir.resolve("orders.hwm");
        final SimVenue venue = new SimVenue(new SimContext());
        try (OrderClient client = new OrderClient(OrderHighWaterMark.open(file, false), venue))
        {
            for (final long id : new long[]{1, 2, 2, 3, 1, 5})
            {
                client.onOutputFrame(frame, 0, encode(id));
            }
            assertEquals(4, client.ordersSent());
            assertEquals(2, client.ordersSkipped());
            assertEquals(1, client.missedOrders(), "order 4 never arrived before 5");
        }
        try (OrderClient restarted = new OrderClient(OrderHighWaterMark.open(file, false), venue))
        {
            for (final long id : new long[]{3, 5, 6})
            {
                restarted.onOutputFrame(frame, 0, encode(id));
            }
            assertEquals(1, restarted.ordersSent(), "a restarted client sends only ids above the persisted mark");
        }
        assertEquals(5, venue.orders());
        assertEquals(5, venue.distinctOrderIds());
        assertEquals(0, venue.repeatedOrders());
        assertEquals(1, venue.ordersWithId(6));
        assertEquals(0, venue.ordersWithId(4));
    }

    private int encode(final long orderId)
    {
        frameEncoder.begin(frame, 0, order, 0, orderId, 1_000_000L * orderId);
        order.orderId(orderId).instrumentId(7).side(Side.BUY).quantity(100_000_000L).limitPrice(100_000_000L)
            .triggerSequence(orderId);
        return frameEncoder.end(order);
    }
}
