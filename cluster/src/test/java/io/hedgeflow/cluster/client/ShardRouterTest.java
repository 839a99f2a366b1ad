package io.hedgeflow.cluster.client;

import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterTopology;
import io.hedgeflow.codecs.HeartbeatEncoder;
import io.hedgeflow.codecs.IndexPriceEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardRouterTest
{
    private static final int CHANNEL = 1;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final FrameEncoder encoder = new FrameEncoder();
    private final FrameChecksum checksum = new FrameChecksum();

    @Test
    void shouldRouteByUnderlyingAndNumberEachClustersShareOfAChannel()
    {
        final Int2IntHashMap shards = new Int2IntHashMap(-1);
        shards.put(1, 10);
        shards.put(2, 20);
        final ShardRouter router = new ShardRouter(new ClusterTopology(
            List.of(new ClusterContext().clusterId(10), new ClusterContext().clusterId(20)), shards));
        assertEquals(2, router.clusterCount());
        assertRouted(router, definition(1, 100, 1), 0, 1);
        assertRouted(router, definition(2, 200, 2), 1, 1);
        assertRouted(router, quote(3, 200), 1, 2);
        assertRouted(router, quote(4, 100), 0, 2);
        assertRouted(router, index(5, 2), 1, 3);
        assertEquals(ShardRouter.DROP, router.route(frame, 0, quote(5, 100)), "the source repeated sequence 5");
        assertRouted(router, quote(7, 200), 1, 5);
        assertRouted(router, quote(8, 100), 0, 4);
        final int heartbeat = heartbeat(9);
        assertEquals(ShardRouter.EVERY, router.route(frame, 0, heartbeat));
        router.sequence(frame, 0, heartbeat, 0);
        assertEquals(5, FrameHeader.sequence(frame, 0), "the gap at 6 reached cluster 10 with its next frame");
        router.sequence(frame, 0, heartbeat, 1);
        assertEquals(6, FrameHeader.sequence(frame, 0));
        assertTrue(checksum.matches(frame, 0, heartbeat));
        assertRouted(router, quote(10, 300), 0, 6);
    }

    @Test
    void shouldPassFramesUnchangedToASingleCluster()
    {
        final ShardRouter router = new ShardRouter(
            new ClusterTopology(List.of(new ClusterContext().clusterId(3)), new Int2IntHashMap(-1)));
        final int length = quote(42, 100);
        assertEquals(0, router.route(frame, 0, length));
        router.sequence(frame, 0, length, 0);
        assertEquals(42, FrameHeader.sequence(frame, 0));
        assertEquals(0, router.route(frame, 0, length), "one cluster's logic drops a repeat itself");
    }

    private void assertRouted(final ShardRouter router, final int length, final int cluster, final long sequence)
    {
        assertEquals(cluster, router.route(frame, 0, length));
        router.sequence(frame, 0, length, cluster);
        assertEquals(sequence, FrameHeader.sequence(frame, 0));
        assertTrue(checksum.matches(frame, 0, length), "resealed");
    }

    private int definition(final long sequence, final int instrumentId, final int underlyingId)
    {
        final InstrumentDefinitionEncoder d = new InstrumentDefinitionEncoder();
        encoder.begin(frame, 0, d, CHANNEL, sequence, sequence);
        d.instrumentId(instrumentId).underlyingId(underlyingId);
        return encoder.end(d);
    }

    private int quote(final long sequence, final int instrumentId)
    {
        final QuoteEncoder q = new QuoteEncoder();
        encoder.begin(frame, 0, q, CHANNEL, sequence, sequence);
        q.instrumentId(instrumentId);
        return encoder.end(q);
    }

    private int index(final long sequence, final int underlyingId)
    {
        final IndexPriceEncoder i = new IndexPriceEncoder();
        encoder.begin(frame, 0, i, CHANNEL, sequence, sequence);
        i.underlyingId(underlyingId);
        return encoder.end(i);
    }

    private int heartbeat(final long sequence)
    {
        final HeartbeatEncoder h = new HeartbeatEncoder();
        encoder.begin(frame, 0, h, CHANNEL, sequence, sequence);
        return encoder.end(h);
    }
}
