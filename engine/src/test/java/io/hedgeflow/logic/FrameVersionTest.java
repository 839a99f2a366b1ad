package io.hedgeflow.logic;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema versions on input: a version-1 KillSwitch (shorter block, no origin) and a newer version's longer block
 * are read; a block shorter than its own version's, or version 0, is rejected.
 */
class FrameVersionTest
{
    private static final int BLOCK_LENGTH = FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.blockLengthEncodingOffset();
    private static final int VERSION = FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.versionEncodingOffset();

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final FrameChecksum checksum = new FrameChecksum();
    private final HedgeLogic logic = new HedgeLogic(TestContexts.logic());

    @AfterEach
    void close()
    {
        logic.close();
    }

    /** Re-labels the kill switch frame in the buffer with a version and block length, extra bytes after it. */
    private int killSwitch(final boolean engaged, final int version, final int blockLength, final int extra)
    {
        final int length = frames.killSwitch(engaged) + extra;
        frames.buffer.setMemory(length - extra, extra, (byte)0x7F);
        frames.buffer.putShort(BLOCK_LENGTH, (short)blockLength, ByteOrder.LITTLE_ENDIAN);
        frames.buffer.putShort(VERSION, (short)version, ByteOrder.LITTLE_ENDIAN);
        FrameHeader.frameLength(frames.buffer, 0, length);
        checksum.seal(frames.buffer, 0, length);
        return length;
    }

    private void feed(final int length)
    {
        logic.onFrame(frames.buffer, 0, length, 0, out, 0);
    }

    @Test
    void shouldReadAVersionOneKillSwitchWithItsOneByteBlock()
    {
        feed(killSwitch(true, 1, 1, 0));

        assertTrue(logic.killSwitchEngaged());
        assertEquals(0, logic.counters().rejected());
    }

    @Test
    void shouldReadANewerVersionsLongerBlockAndSkipWhatItAdded()
    {
        feed(killSwitch(true, MessageHeaderDecoder.SCHEMA_VERSION + 1, 2 + 8, 8));
        assertTrue(logic.killSwitchEngaged());

        feed(killSwitch(false, MessageHeaderDecoder.SCHEMA_VERSION + 1, 2 + 8, 8));
        assertFalse(logic.killSwitchEngaged());
        assertEquals(0, logic.counters().rejected());
    }

    @Test
    void shouldRejectABlockShorterThanItsOwnVersionsAndVersionZero()
    {
        feed(killSwitch(true, 2, 1, 0));
        feed(killSwitch(true, 1, 0, 0));
        feed(killSwitch(true, 0, 2, 0));
        feed(killSwitch(true, 2, 3, 0));

        assertFalse(logic.killSwitchEngaged());
        assertEquals(3, logic.counters().rejected(RejectReason.MALFORMED_BODY), "short blocks; block past the end");
        assertEquals(1, logic.counters().rejected(RejectReason.WRONG_SCHEMA), "version 0");
    }
}
