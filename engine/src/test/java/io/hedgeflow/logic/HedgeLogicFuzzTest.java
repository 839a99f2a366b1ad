package io.hedgeflow.logic;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.FrameChecksum;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzz target: {@link HedgeLogic#onFrame} on any bytes, against a logic holding a book with an open order (so
 * executions, quotes and trades on known instruments reach deep): it never throws, and a frame it rejects writes
 * nothing and leaves the state (the snapshot without its counters) exactly as it was. Each input starts from the
 * same restored snapshot. Regression inputs: src/test/resources/io/hedgeflow/logic/HedgeLogicFuzzTestInputs/onFrame.
 */
class HedgeLogicFuzzTest
{
    private static final int ETH = 2;
    private static final int PERP = 20;
    private static final int CALL = 200;
    private static final LogicContext CONTEXT = TestContexts.logic().policy(new PolicyContext()
        .trigger().bandUsd(30_000.0));
    private static final byte[] PRIMED = primed();

    private final FrameChecksum checksum = new FrameChecksum();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);

    @FuzzTest
    void onFrame(final byte[] data)
    {
        final UnsafeBuffer frame = FuzzFrames.frame(data, checksum);
        try (HedgeLogic logic = new HedgeLogic(CONTEXT))
        {
            logic.restore(new UnsafeBuffer(PRIMED), 0, PRIMED.length);
            final byte[] before = LogicStates.withoutCounters(logic);
            final long rejected = logic.counters().rejected();

            final int written = logic.onFrame(frame, 0, frame.capacity(), 100, out, 0);

            if (logic.counters().rejected() != rejected)
            {
                assertEquals(0, written, "a rejected frame writes nothing");
                assertArrayEquals(before, LogicStates.withoutCounters(logic), "a rejected frame changes no state");
            }
        }
    }

    /** Snapshot of a logic that defined a perpetual and a call, priced them, sold calls and sent a hedge order. */
    private static byte[] primed()
    {
        final TestFrames frames = new TestFrames();
        final UnsafeBuffer output = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
        try (HedgeLogic logic = new HedgeLogic(CONTEXT))
        {
            final long expiry = TestFrames.T0 + 30L * 86_400_000_000_000L;
            logic.onFrame(frames.buffer, 0, frames.perpetual(PERP, ETH, Settlement.LINEAR, 0.01, 0.05), 0, output, 0);
            logic.onFrame(frames.buffer, 0,
                frames.option(CALL, ETH, Settlement.LINEAR, OptionType.CALL, 3000.0, expiry), 1, output, 0);
            logic.onFrame(frames.buffer, 0, frames.quote(PERP, 2999.5, 3000.5), 2, output, 0);
            logic.onFrame(frames.buffer, 0, frames.ticker(CALL, 0.6, 3000.0), 3, output, 0);
            logic.onFrame(frames.buffer, 0, frames.index(ETH, 3000.0), 4, output, 0);
            logic.onFrame(frames.buffer, 0, frames.optionTrade(CALL, -100.0, 200.0), 5, output, 0);
            assertEquals(1, logic.counters().orders(), "the primed logic has an open order");
            final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer();
            final int length = logic.snapshot(snapshot, 0, 5);
            final byte[] bytes = new byte[length];
            snapshot.getBytes(0, bytes);
            return bytes;
        }
    }
}
