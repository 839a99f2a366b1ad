package io.hedgeflow.logic;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Base of a synthetic test market fed frame by frame to a logic and, once {@link #mirror} is set (a logic restored
 * from a snapshot), to the mirror too, whose output must be the same byte for byte. Decodes the HedgeDecision and
 * NewOrder the logic wrote into the caller's output buffer with the caller's decoders.
 */
abstract class MirroredMarket
{
    final TestFrames frames = new TestFrames();
    final UnsafeBuffer fillOut = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final UnsafeBuffer mirrorOut = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final HedgeLogic logic;
    private final UnsafeBuffer out;
    private final MessageHeaderDecoder header;
    private final HedgeDecisionDecoder decision;
    private final NewOrderDecoder order;
    HedgeLogic mirror;
    long ring;

    MirroredMarket(
        final HedgeLogic logic,
        final UnsafeBuffer out,
        final MessageHeaderDecoder header,
        final HedgeDecisionDecoder decision,
        final NewOrderDecoder order)
    {
        this.logic = logic;
        this.out = out;
        this.header = header;
        this.decision = decision;
        this.order = order;
    }

    /** One step of the market's clock; returns the output length of its last frame. */
    abstract int step();

    /**
     * Steps the market, restores a snapshot of the logic into restored, steps again with restored as the mirror (its
     * output checked byte for byte) and checks that both end in the same snapshot; each half must trade.
     */
    final void assertContinuesFromSnapshot(final HedgeLogic restored, final int steps)
    {
        for (int i = 0; i < steps; i++)
        {
            step();
        }
        final long ordersBefore = logic.counters().orders();
        assertTrue(ordersBefore > 1, "the first half trades: " + ordersBefore);
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer();
        final int length = logic.snapshot(snapshot, 0, ring - 1);
        assertEquals(ring - 1, restored.restore(snapshot, 0, length));

        mirror = restored;
        for (int i = 0; i < steps; i++)
        {
            step();
        }
        assertTrue(logic.counters().orders() > ordersBefore, "the second half trades");
        final ExpandableArrayBuffer again = new ExpandableArrayBuffer();
        final int lengthA = logic.snapshot(snapshot, 0, ring - 1);
        assertEquals(lengthA, restored.snapshot(again, 0, ring - 1));
        for (int k = 0; k < lengthA; k++)
        {
            assertEquals(snapshot.getByte(k), again.getByte(k), "snapshot byte " + k);
        }
    }

    /** Feeds the frame in {@link #frames} to the logic (and the mirror); returns the output length. */
    final int feed(final int length, final UnsafeBuffer output)
    {
        final int written = logic.onFrame(frames.buffer, 0, length, ring, output, 0);
        if (mirror != null)
        {
            assertEquals(written, mirror.onFrame(frames.buffer, 0, length, ring, mirrorOut, 0), "input " + ring);
            for (int k = 0; k < written; k++)
            {
                assertEquals(output.getByte(k), mirrorOut.getByte(k), "byte " + k + " after input " + ring);
            }
        }
        ring++;
        return written;
    }

    /** Wraps the decision decoder over the HedgeDecision at the start of out. */
    final void readDecision()
    {
        header.wrap(out, FrameHeader.MESSAGE_OFFSET);
        assertEquals(HedgeDecisionDecoder.TEMPLATE_ID, header.templateId());
        decision.wrap(out, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
    }

    /** Reads the decision in out and, when it was accepted, wraps the order decoder over the NewOrder after it. */
    final boolean hasOrder()
    {
        readDecision();
        if (decision.verdict() != RiskVerdict.ACCEPTED)
        {
            return false;
        }
        final int offset = FrameHeader.frameLength(out, 0);
        header.wrap(out, offset + FrameHeader.MESSAGE_OFFSET);
        assertEquals(NewOrderDecoder.TEMPLATE_ID, header.templateId());
        order.wrap(out, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        return true;
    }
}
