package io.hedgeflow.cluster;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterProtocolTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ClusterProtocol.MAX_OUTPUT_LENGTH + 8]);

    @Test
    void shouldTellAcknowledgementsFromFramesAndRoundTripTheirEntries()
    {
        ClusterProtocol.writeAckHeader(buffer, 8, 2, 1234, 567, true, true);
        ClusterProtocol.writeAckEntry(buffer, 8, 0, 3, 77);
        ClusterProtocol.writeAckEntry(buffer, 8, 1, 63, Long.MAX_VALUE);

        assertTrue(ClusterProtocol.isAck(buffer, 8, ClusterProtocol.ackLength(2)));
        assertFalse(ClusterProtocol.isOutput(buffer, 8, ClusterProtocol.ackLength(2)));
        assertEquals(2, ClusterProtocol.ackEntryCount(buffer, 8));
        assertEquals(1234, ClusterProtocol.ackAppliedInputs(buffer, 8));
        assertEquals(567, ClusterProtocol.ackOutputs(buffer, 8));
        assertTrue(ClusterProtocol.ackKillSwitchEngaged(buffer, 8));
        assertTrue(ClusterProtocol.ackEveryChannel(buffer, 8));
        assertEquals(63, ClusterProtocol.ackChannel(buffer, 8, 1));
        assertEquals(77, ClusterProtocol.ackSequence(buffer, 8, 0));
        assertEquals(Long.MAX_VALUE, ClusterProtocol.ackSequence(buffer, 8, 1));
        ClusterProtocol.writeAckHeader(buffer, 8, 2, 1234, 567, false, false);
        assertFalse(ClusterProtocol.ackKillSwitchEngaged(buffer, 8));
        assertFalse(ClusterProtocol.ackEveryChannel(buffer, 8));
        assertEquals(63, ClusterProtocol.ackChannel(buffer, 8, 1), "the entries stay after the header");

        FrameHeader.write(buffer, 0, FrameHeader.MIN_FRAME_LENGTH, 100, 1, 5);
        assertFalse(ClusterProtocol.isAck(buffer, 0, FrameHeader.MIN_FRAME_LENGTH));
        assertFalse(ClusterProtocol.isOutput(buffer, 0, FrameHeader.MIN_FRAME_LENGTH));
        assertFalse(ClusterProtocol.isResendRequest(buffer, 0, FrameHeader.MIN_FRAME_LENGTH));
    }

    @Test
    void shouldCarryTheOutputSequenceInFrontOfTheFrame()
    {
        FrameHeader.write(buffer, 8 + ClusterProtocol.OUTPUT_HEADER_LENGTH, FrameHeader.MIN_FRAME_LENGTH, 2, 9, 100);
        ClusterProtocol.writeOutputHeader(buffer, 8, 1L << 40, true);
        final int length = ClusterProtocol.OUTPUT_HEADER_LENGTH + FrameHeader.MIN_FRAME_LENGTH;

        assertTrue(ClusterProtocol.isOutput(buffer, 8, length));
        assertFalse(ClusterProtocol.isOutput(buffer, 8, length - 1), "shorter than a header and the smallest frame");
        assertFalse(ClusterProtocol.isAck(buffer, 8, length));
        assertFalse(ClusterProtocol.isResendEnd(buffer, 8, length));
        assertEquals(1L << 40, ClusterProtocol.outputSequence(buffer, 8));
        assertTrue(ClusterProtocol.isResent(buffer, 8));
        ClusterProtocol.writeOutputHeader(buffer, 8, 1L << 40, false);
        assertFalse(ClusterProtocol.isResent(buffer, 8));
        assertEquals(1L << 40, ClusterProtocol.outputSequence(buffer, 8));
        assertEquals(FrameHeader.MIN_FRAME_LENGTH,
            FrameHeader.frameLength(buffer, 8 + ClusterProtocol.OUTPUT_HEADER_LENGTH));
        assertEquals(9, FrameHeader.sequence(buffer, 8 + ClusterProtocol.OUTPUT_HEADER_LENGTH));
    }

    @Test
    void shouldRoundTripTheResendRequestAndItsEnd()
    {
        final int requestLength = ClusterProtocol.writeResendRequest(buffer, 4, 41);
        assertEquals(ClusterProtocol.RESEND_REQUEST_LENGTH, requestLength);
        assertTrue(ClusterProtocol.isResendRequest(buffer, 4, requestLength));
        assertFalse(ClusterProtocol.isResendRequest(buffer, 4, requestLength + 1), "only its exact length");
        assertFalse(ClusterProtocol.isResendEnd(buffer, 4, requestLength));
        assertEquals(41, ClusterProtocol.afterOutput(buffer, 4));

        final int endLength = ClusterProtocol.writeResendEnd(buffer, 4, 41, 42, 1065);
        assertEquals(ClusterProtocol.RESEND_END_LENGTH, endLength);
        assertTrue(ClusterProtocol.isResendEnd(buffer, 4, endLength));
        assertFalse(ClusterProtocol.isResendRequest(buffer, 4, endLength));
        assertFalse(ClusterProtocol.isAck(buffer, 4, endLength));
        assertFalse(ClusterProtocol.isOutput(buffer, 4, endLength));
        assertEquals(41, ClusterProtocol.afterOutput(buffer, 4));
        assertEquals(42, ClusterProtocol.resendFirstOutput(buffer, 4));
        assertEquals(1065, ClusterProtocol.resendLastOutput(buffer, 4));
    }
}
