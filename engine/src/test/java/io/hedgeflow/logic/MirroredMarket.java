package io.hedgeflow.logic;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
