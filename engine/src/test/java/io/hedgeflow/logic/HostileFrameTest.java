package io.hedgeflow.logic;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truncations, single-bit flips and header corruptions of every inbound message type the simulator produces: each
 * is rejected and counted with its reason, and the logic's state (its snapshot) is exactly what it was without the
 * hostile frame. Header corruptions are re-sealed with a valid checksum so that the structural checks behind the
 * checksum are reached too.
 */
class HostileFrameTest
{
    private static final int FRAMES = 3_000;
    private static final int BLOCK_LENGTH = FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.blockLengthEncodingOffset();
    private static final int TEMPLATE_ID = FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.templateIdEncodingOffset();
    private static final int SCHEMA_ID = FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.schemaIdEncodingOffset();

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final UnsafeBuffer hostile = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final FrameChecksum checksum = new FrameChecksum();

    @Test
    void shouldRejectEveryTruncationAndHeaderCorruptionWithoutChangingState()
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext().seed(3));
        final boolean[] templatesSeen = new boolean[64];
        try (HedgeLogic logic = new HedgeLogic(TestContexts.logic()))
        {
            long sequence = 0;
            for (int n = 0; n < FRAMES; n++)
            {
                final int length = simulator.poll(frame, 0);
                final int templateId = frame.getShort(TEMPLATE_ID, ByteOrder.LITTLE_ENDIAN);
                if (!templatesSeen[templateId])
                {
                    templatesSeen[templateId] = true;
                    final byte[] before = LogicStates.withoutCounters(logic);
                    final long rejectedBefore = logic.counters().rejected();
                    final long checksumRejectsBefore = logic.counters().rejected(RejectReason.BAD_CHECKSUM);
                    int attempts = 0;
                    for (int cut = 0; cut < length; cut++)
                    {
                        attempts += attack(logic, length, sequence, h -> { }, cut);
                    }
                    for (int bit = 0; bit < length * 8; bit++)
                    {
                        final int flip = bit;
                        attempts += attack(logic, length, sequence,
                            h -> h.putByte(flip >> 3, (byte)(h.getByte(flip >> 3) ^ (1 << (flip & 7)))), length);
                    }
                    attempts += attack(logic, length, sequence, h -> h.putInt(0, length + 1), length);
                    attempts += sealed(logic, length, sequence, h -> h.putShort(SCHEMA_ID, (short)1));
                    attempts += sealed(logic, length, sequence, h -> h.putShort(TEMPLATE_ID, (short)99));
                    attempts += sealed(logic, length, sequence, h -> h.putShort(TEMPLATE_ID, (short)21));
                    attempts += sealed(logic, length, sequence,
                        h -> h.putShort(BLOCK_LENGTH, (short)(h.getShort(BLOCK_LENGTH) - 1)));
                    attempts += sealed(logic, length, sequence, h -> h.putShort(BLOCK_LENGTH, (short)1000));
                    attempts += sealed(logic, length, sequence, h -> h.putInt(FrameHeader.CHANNEL_OFFSET, 64));
                    attempts += sealed(logic, length, sequence, h -> h.putInt(FrameHeader.CHANNEL_OFFSET, -1));
                    attempts += sealed(logic, length, sequence, h -> h.putLong(FrameHeader.SEQUENCE_OFFSET, 0));
                    if (templateId == 3)
                    {
                        final int group = FrameHeader.MIN_FRAME_LENGTH + frame.getShort(BLOCK_LENGTH);
                        attempts += sealed(logic, length, sequence, h -> h.putShort(group + 2, (short)500));
                        attempts += sealed(logic, length, sequence, h -> h.putShort(group, (short)1));
                    }
                    assertEquals(checksumRejectsBefore + (length - Integer.BYTES) * 8L,
                        logic.counters().rejected(RejectReason.BAD_CHECKSUM),
                        "every bit flip after the frame length field rejected on its checksum");
                    assertEquals(rejectedBefore + attempts, logic.counters().rejected(), "template " + templateId);
                    assertArrayEquals(before, LogicStates.withoutCounters(logic),
                        "state unchanged, template " + templateId);
                }
                logic.onFrame(frame, 0, length, sequence++, out, 0);
            }
        }
        int types = 0;
        for (final boolean seen : templatesSeen)
        {
            types += seen ? 1 : 0;
        }
        assertTrue(types >= 7, "inbound message types attacked: " + types);
    }

    /** Copies the frame, damages it, feeds it; returns 1 (the frame must be rejected with no output). */
    private int attack(
        final HedgeLogic logic, final int length, final long sequence,
        final java.util.function.Consumer<UnsafeBuffer> damage, final int feedLength)
    {
        hostile.putBytes(0, frame, 0, length);
        damage.accept(hostile);
        final long rejected = logic.counters().rejected();
        assertEquals(0, logic.onFrame(hostile, 0, feedLength, sequence, out, 0), "no output from a hostile frame");
        assertEquals(rejected + 1, logic.counters().rejected(), "rejected and counted (length " + feedLength + ")");
        return 1;
    }

    /** Damages a copy of the frame, re-seals its checksum and feeds it; returns 1 (it must be rejected). */
    private int sealed(
        final HedgeLogic logic, final int length, final long sequence,
        final java.util.function.Consumer<UnsafeBuffer> damage)
    {
        return attack(logic, length, sequence, damage.andThen(h -> checksum.seal(h, 0, length)), length);
    }
}
