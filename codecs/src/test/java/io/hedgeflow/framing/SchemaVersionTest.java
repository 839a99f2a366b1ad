package io.hedgeflow.framing;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.HedgeDecisionEncoder;
import io.hedgeflow.codecs.HedgePolicy;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Schema evolution: the current decoders read a version 1 HedgeDecision (the block before the version 2 fields). */
class SchemaVersionTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(FrameHeader.MAX_FRAME_LENGTH));

    @Test
    void shouldReadAVersionOneHedgeDecision()
    {
        final HedgeDecisionEncoder encoder = new HedgeDecisionEncoder();
        new FrameEncoder().begin(buffer, 0, encoder, 100, 1L, 11L);
        encoder.decisionId(9).policy(HedgePolicy.DELTA_BAND).band(75.75).orderId(14).triggerValue(99.0);
        // what a version 1 encoder wrote: the version 1 block only
        final int versionOneBlock = HedgeDecisionEncoder.triggerValueEncodingOffset();
        new MessageHeaderEncoder().wrap(buffer, FrameHeader.MESSAGE_OFFSET).blockLength(versionOneBlock).version(1);

        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, FrameHeader.MESSAGE_OFFSET);
        final HedgeDecisionDecoder d = new HedgeDecisionDecoder()
            .wrap(buffer, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());

        assertEquals(2, HedgeDecisionDecoder.SCHEMA_VERSION);
        assertEquals(9, d.decisionId());
        assertEquals(HedgePolicy.DELTA_BAND, d.policy());
        assertEquals(75.75, d.band());
        assertEquals(14, d.orderId());
        assertTrue(Double.isNaN(d.triggerValue()), "a field of version 2 reads as its null value");
        assertTrue(Double.isNaN(d.volatility()));
        assertEquals(versionOneBlock, d.encodedLength());
    }
}
