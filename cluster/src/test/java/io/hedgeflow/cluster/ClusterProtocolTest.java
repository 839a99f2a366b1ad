package io.hedgeflow.cluster;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterProtocolTest
{
    @Test
    void shouldTellAcknowledgementsFromFramesAndRoundTripTheirEntries()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ClusterProtocol.MAX_ACK_LENGTH + 8]);
        ClusterProtocol.writeAckHeader(buffer, 8, 2, 1234);
        ClusterProtocol.writeAckEntry(buffer, 8, 0, 3, 77);
        ClusterProtocol.writeAckEntry(buffer, 8, 1, 63, Long.MAX_VALUE);

        assertTrue(ClusterProtocol.isAck(buffer, 8, ClusterProtocol.ackLength(2)));
        assertEquals(2, ClusterProtocol.ackEntryCount(buffer, 8));
        assertEquals(1234, ClusterProtocol.ackAppliedInputs(buffer, 8));
        assertEquals(63, ClusterProtocol.ackChannel(buffer, 8, 1));
        assertEquals(77, ClusterProtocol.ackSequence(buffer, 8, 0));
        assertEquals(Long.MAX_VALUE, ClusterProtocol.ackSequence(buffer, 8, 1));

        FrameHeader.write(buffer, 0, FrameHeader.MIN_FRAME_LENGTH, 100, 1, 5);
        assertFalse(ClusterProtocol.isAck(buffer, 0, FrameHeader.MIN_FRAME_LENGTH));
    }
}
