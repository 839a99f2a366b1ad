package io.hedgeflow.replay;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.journal.RecordHandler;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.pipeline.FrameEvent;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Re-runs a journal's inputs, in journal order and with their ring sequences, through a fresh {@link HedgeLogic}
 * and compares every output frame with the decisions journal: stamp, trigger sequence and bytes.
 */
public final class JournalReplayer implements RecordHandler
{
    private final HedgeLogic logic;
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[FrameEvent.OUTPUT_CAPACITY]);
    private final UnsafeBuffer expected = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private JournalReader decisions;
    private boolean verify;
    private long inputs;
    private long produced;
    private int expectedLength;
    private long expectedStamp;
    private long expectedSequence;
    private String difference;

    public JournalReplayer(final LogicContext ctx)
    {
        logic = new HedgeLogic(ctx);
    }

    /** Replays every input of the journal; with verify, compares against its decisions queue. */
    public ReplayResult replay(final Journal journal, final boolean verify)
    {
        this.verify = verify;
        try (JournalReader in = journal.inputsReader(); JournalReader out = journal.decisionsReader())
        {
            decisions = out;
            while (difference == null && in.read(this))
            {
                inputs++;
            }
            final long journaled = verify ? out.count() : -1;
            if (difference == null && journaled > produced)
            {
                difference = "journal has " + (journaled - produced) + " decision record(s) after the last one " +
                    "replay produced";
            }
            return new ReplayResult(inputs, produced, journaled, difference, logic.counters());
        }
        finally
        {
            logic.close();
        }
    }

    public void onRecord(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence,
        final long index)
    {
        final int outputLength = logic.onFrame(buffer, offset, length, sequence, output, 0);
        int position = 0;
        while (position < outputLength && difference == null)
        {
            final int frameLength = FrameHeader.frameLength(output, position);
            produced++;
            if (verify)
            {
                compare(position, frameLength, FrameHeader.sendingTimeNs(output, position), sequence);
            }
            position += frameLength;
        }
    }

    private void compare(final int position, final int frameLength, final long stamp, final long sequence)
    {
        if (!decisions.read(this::expect))
        {
            difference = "decision " + produced + " (trigger sequence " + sequence + ") is missing from the journal";
            return;
        }
        if (expectedSequence != sequence || expectedStamp != stamp)
        {
            difference = "decision " + produced + ": journal trigger sequence " + expectedSequence + " stamp " +
                expectedStamp + ", replay " + sequence + " stamp " + stamp;
            return;
        }
        final String field = FrameDiff.firstDifference(expected, 0, expectedLength, output, position, frameLength);
        if (field != null)
        {
            difference = "decision " + produced + " (trigger sequence " + sequence + "): " + field;
        }
    }

    private void expect(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence,
        final long index)
    {
        expected.putBytes(0, buffer, offset, Math.min(length, expected.capacity()));
        expectedLength = length;
        expectedStamp = stamp;
        expectedSequence = sequence;
    }
}
