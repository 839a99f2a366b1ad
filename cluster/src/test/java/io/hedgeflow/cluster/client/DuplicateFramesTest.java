package io.hedgeflow.cluster.client;

import io.hedgeflow.config.Defaults;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.RejectReason;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the resend window relies on: HedgeLogic drops a frame whose channel sequence it already applied, so a client
 * that resends frames the cluster had applied before a failover changes neither decisions nor state.
 */
class DuplicateFramesTest
{
    private static final int FRAMES = 20_000;
    private static final int RESEND_EVERY = 97;
    private static final int WINDOW = 64;

    @Test
    void shouldDecideTheSameWhenAppliedFramesAreResent()
    {
        final UnsafeBuffer frames = new UnsafeBuffer(new byte[FRAMES * FrameHeader.MAX_FRAME_LENGTH]);
        final int[] offsets = new int[FRAMES + 1];
        final MarketSimulator simulator = new MarketSimulator(new SimContext().seed(7));
        for (int i = 0; i < FRAMES; i++)
        {
            offsets[i + 1] = offsets[i] + simulator.poll(frames, offsets[i]);
        }
        final ExpandableArrayBuffer once = new ExpandableArrayBuffer();
        final ExpandableArrayBuffer resent = new ExpandableArrayBuffer();
        final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
        try (HedgeLogic a = new HedgeLogic(Defaults.logicContext());
            HedgeLogic b = new HedgeLogic(Defaults.logicContext()))
        {
            int onceLength = 0;
            int resentLength = 0;
            long duplicates = 0;
            for (int i = 0; i < FRAMES; i++)
            {
                final int length = offsets[i + 1] - offsets[i];
                final int n = a.onFrame(frames, offsets[i], length, i, out, 0);
                once.putBytes(onceLength, out, 0, n);
                onceLength += n;
                final int m = b.onFrame(frames, offsets[i], length, i, out, 0);
                resent.putBytes(resentLength, out, 0, m);
                resentLength += m;
                if (i % RESEND_EVERY == RESEND_EVERY - 1)
                {
                    for (int j = Math.max(0, i - WINDOW); j <= i; j++)
                    {
                        assertEquals(0, b.onFrame(frames, offsets[j], offsets[j + 1] - offsets[j], i, out, 0));
                        duplicates++;
                    }
                }
            }
            assertTrue(a.counters().decisions() > 0, "the feed makes decisions");
            assertEquals(duplicates, b.counters().rejected(RejectReason.DUPLICATE));
            assertEquals(a.counters().decisions(), b.counters().decisions());
            assertEquals(onceLength, resentLength);
            final byte[] expected = new byte[onceLength];
            final byte[] actual = new byte[resentLength];
            once.getBytes(0, expected);
            resent.getBytes(0, actual);
            assertArrayEquals(expected, actual, "identical decisions and orders, byte for byte");
        }
    }
}
