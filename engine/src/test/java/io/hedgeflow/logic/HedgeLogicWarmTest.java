package io.hedgeflow.logic;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HedgeLogicWarmTest
{
    private static final int FRAMES = 60_000;

    /** The data warm-up and a rehearsal step (its shadow logic on the same configuration) before every input. */
    @Test
    void shouldDecideAndSnapshotTheSameWhenWarmedBeforeEveryInput()
    {
        final LogicContext ctx = TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0));
        final MarketSimulator simulator = new MarketSimulator(new SimContext().seed(7));
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        final UnsafeBuffer coldOut = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
        final UnsafeBuffer warmOut = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
        try (HedgeLogic cold = new HedgeLogic(ctx); HedgeLogic warm = new HedgeLogic(ctx);
            DecisionRehearsal rehearsal = new DecisionRehearsal(ctx))
        {
            long checksum = 0;
            for (int k = 0; k < FRAMES; k++)
            {
                final int length = simulator.poll(frame, 0);
                checksum += warm.warm() + rehearsal.step();
                final int coldLength = cold.onFrame(frame, 0, length, k, coldOut, 0);
                final int warmLength = warm.onFrame(frame, 0, length, k, warmOut, 0);
                assertEquals(coldLength, warmLength, "input " + k);
                for (int b = 0; b < coldLength; b++)
                {
                    assertEquals(coldOut.getByte(b), warmOut.getByte(b), "input " + k + " output byte " + b);
                }
            }
            assertTrue(cold.counters().decisions() > 10, "the session must decide");
            assertNotEquals(0, checksum, "the books were read");
            assertArrayEquals(snapshot(cold), snapshot(warm));
            assertTrue(rehearsal.counters().orders() > FRAMES / 7, "the rehearsal must order twice per cycle");
            assertWarmsWithoutAllocating(warm, rehearsal);
        }
    }

    private static void assertWarmsWithoutAllocating(final HedgeLogic logic, final DecisionRehearsal rehearsal)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final int calls = 100_000;
        long checksum = 0;
        for (int i = 0; i < 3 * calls; i++)
        {
            checksum += logic.warm() + rehearsal.step();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++)
        {
            checksum += logic.warm() + rehearsal.step();
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertNotEquals(0, checksum);
        assertTrue(allocated < 1024, "bytes allocated over " + calls + " warm-ups: " + allocated);
    }

    private static byte[] snapshot(final HedgeLogic logic)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 20);
        final int length = logic.snapshot(buffer, 0, FRAMES);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
