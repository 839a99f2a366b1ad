package io.hedgeflow.logic;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogicSnapshotTest
{
    private static final int HALF = 30_000;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final UnsafeBuffer outA = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final UnsafeBuffer outB = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);

    private static LogicContext context()
    {
        return TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(40_000.0));
    }

    @Test
    void shouldContinueFromASnapshotExactlyAsTheOriginal()
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext().seed(21));
        try (HedgeLogic original = new HedgeLogic(context()); HedgeLogic restored = new HedgeLogic(context()))
        {
            for (int i = 0; i < HALF; i++)
            {
                original.onFrame(frame, 0, simulator.poll(frame, 0), i, outA, 0);
            }
            final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer();
            final int length = original.snapshot(snapshot, 0, HALF - 1);
            assertEquals(HALF - 1, restored.restore(snapshot, 0, length));
            assertTrue(original.counters().orders() > 0, "the first half must trade");

            long outputs = 0;
            for (int i = HALF; i < 2 * HALF; i++)
            {
                final int frameLength = simulator.poll(frame, 0);
                final int a = original.onFrame(frame, 0, frameLength, i, outA, 0);
                final int b = restored.onFrame(frame, 0, frameLength, i, outB, 0);
                assertEquals(a, b, "output length after input " + i);
                for (int k = 0; k < a; k++)
                {
                    assertEquals(outA.getByte(k), outB.getByte(k), "output byte " + k + " after input " + i);
                }
                outputs += a;
            }
            assertTrue(outputs > 0, "the second half must decide something");

            final ExpandableArrayBuffer again = new ExpandableArrayBuffer();
            final int lengthA = original.snapshot(snapshot, 0, 2 * HALF - 1);
            final int lengthB = restored.snapshot(again, 0, 2 * HALF - 1);
            assertEquals(lengthA, lengthB);
            for (int k = 0; k < lengthA; k++)
            {
                assertEquals(snapshot.getByte(k), again.getByte(k), "snapshot byte " + k);
            }
        }
    }

    @Test
    void shouldRefuseABrokenSnapshot()
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext().seed(21));
        try (HedgeLogic original = new HedgeLogic(context()))
        {
            for (int i = 0; i < 1000; i++)
            {
                original.onFrame(frame, 0, simulator.poll(frame, 0), i, outA, 0);
            }
            final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer();
            final int length = original.snapshot(snapshot, 0, 999);
            try (HedgeLogic other = new HedgeLogic(context()))
            {
                assertThrows(IllegalArgumentException.class, () -> other.restore(snapshot, 0, length - 3));
            }
            try (HedgeLogic other = new HedgeLogic(context()))
            {
                snapshot.putInt(0, 0);
                assertThrows(IllegalArgumentException.class, () -> other.restore(snapshot, 0, length));
            }
            assertThrows(IllegalStateException.class, () -> original.restore(snapshot, 0, length));
        }
    }
}
