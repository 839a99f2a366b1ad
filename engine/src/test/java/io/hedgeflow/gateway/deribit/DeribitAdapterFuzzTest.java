package io.hedgeflow.gateway.deribit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.FramePrinter;
import io.hedgeflow.logic.RejectReason;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.TestContexts;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzz target: the Deribit gateway. Any bytes, cut into packets (each a u16 little-endian length, then that many
 * bytes), through the {@link DeribitAdapter} and the normalization: it must never throw, and every engine frame it
 * produces must be accepted by the logic (a frame the logic rejects would count as a lost frame on its channel).
 * Regression inputs: src/test/resources/io/hedgeflow/gateway/deribit/DeribitAdapterFuzzTestInputs/onPackets
 * (packets of the real capture, crafted gaps, duplicates and damaged packets); fuzzing: scripts/fuzz.
 */
class DeribitAdapterFuzzTest
{
    @FuzzTest
    void onPackets(final byte[] data)
    {
        final DeribitFrameSource source = DeribitFrameSource.forPushedPackets(TestContexts.logic());
        final HedgeLogic logic = new HedgeLogic(TestContexts.logic());
        final UnsafeBuffer input = new UnsafeBuffer(data);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[1 << 16]);
        long ringSequence = 0;
        for (int at = 0; at + 2 <= data.length; )
        {
            final int length = Math.min(input.getShort(at, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF,
                data.length - at - 2);
            source.onPacket(new UnsafeBuffer(data, at + 2, length), 0, length, 0);
            at += 2 + length;
            int frameLength;
            while ((frameLength = source.poll(frame, 0, frame.capacity())) > 0)
            {
                logic.onFrame(frame, 0, frameLength, ringSequence++, out, 0);
                if (logic.counters().rejected() > 0)
                {
                    final StringBuilder line = new StringBuilder();
                    new FramePrinter().print(frame, 0, frameLength, 0, 0, FramePrinter.Format.TEXT, line);
                    fail("the logic rejected a normalized frame: " + reasons(logic) + line);
                }
            }
        }
    }

    private static String reasons(final HedgeLogic logic)
    {
        final StringBuilder sb = new StringBuilder();
        for (final RejectReason reason : RejectReason.values())
        {
            if (logic.counters().rejected(reason) > 0)
            {
                sb.append(reason).append(' ');
            }
        }
        return sb.toString();
    }
}
