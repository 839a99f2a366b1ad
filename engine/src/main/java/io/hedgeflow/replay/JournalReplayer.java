package io.hedgeflow.replay;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.journal.RecordHandler;
import io.hedgeflow.journal.RecordSource;
import io.hedgeflow.logic.HedgeLogic;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Re-runs a journal's inputs, in journal order and with their ring sequences, through a {@link HedgeLogic} (fresh,
 * or restored from a snapshot covering the inputs up to a ring sequence) and compares every output frame with the
 * decisions journal: stamp, trigger sequence and bytes. With a repair appender, outputs past the end of the
 * decisions journal are appended instead of reported missing: that is how a restart writes the decisions a crash
 * lost.
 */
public final class JournalReplayer implements RecordHandler
{
    private final HedgeLogic logic;
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final UnsafeBuffer expected = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final RecordHandler expectation = this::expect;
    private RecordSource decisions;
    private JournalAppender repair;
    private boolean verify;
    private boolean decisionsEnded;
    private long afterSequence;
    private long inputs;
    private long produced;
    private long appended;
    private long nextRingSequence;
    private int expectedLength;
    private long expectedStamp;
    private long expectedSequence;
    private String difference;

    public JournalReplayer(final HedgeLogic logic)
    {
        this.logic = logic;
    }

    /**
     * Replays the inputs after ring sequence afterSequence (-1: all of them).
     *
     * @param verify compare with the decisions journal.
     * @param repair where to append decisions missing from the journal, or null to report them as a difference.
     */
    public ReplayResult replay(
        final Journal journal, final boolean verify, final long afterSequence, final JournalAppender repair)
    {
        try (JournalReader in = journal.inputsReader(); JournalReader out = journal.decisionsReader())
        {
            return replay(in, out, verify, afterSequence, repair);
        }
    }

    /**
     * Replays the inputs after ring sequence afterSequence (-1: all of them) from readers of a journal's queues.
     *
     * @param inputs    reader of the inputs queue, at its start.
     * @param decisions reader of the decisions queue, at its start.
     * @param verify    compare with the decisions journal.
     * @param repair    where to append decisions missing from the journal, or null to report them as a difference.
     */
    public ReplayResult replay(
        final RecordSource inputs,
        final RecordSource decisions,
        final boolean verify,
        final long afterSequence,
        final JournalAppender repair)
    {
        this.verify = verify || repair != null;
        this.afterSequence = afterSequence;
        this.repair = repair;
        this.decisions = decisions;
        nextRingSequence = afterSequence + 1;
        boolean more = true;
        while (difference == null && more)
        {
            more = inputs.read(this);
        }
        if (this.verify && difference == null && !decisionsEnded && nextExpected())
        {
            difference = "the decisions journal has records after the last one replay produced (trigger " +
                "sequence " + expectedSequence + ")";
        }
        return new ReplayResult(this.inputs, produced, appended, nextRingSequence, difference, logic.counters());
    }

    public void onRecord(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence,
        final long index)
    {
        if (sequence <= afterSequence)
        {
            return;
        }
        nextRingSequence = sequence + 1;
        inputs++;
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
        if (decisionsEnded || !nextExpected())
        {
            if (repair == null)
            {
                difference = "decision " + produced + " (trigger sequence " + sequence + ") is missing from the " +
                    "journal";
            }
            else
            {
                decisionsEnded = true;
                repair.append(output, position, frameLength, stamp, sequence);
                appended++;
            }
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

    /** Reads the next journaled decision triggered after afterSequence; false at the end of the journal. */
    private boolean nextExpected()
    {
        do
        {
            if (!decisions.read(expectation))
            {
                return false;
            }
        }
        while (expectedSequence <= afterSequence);
        return true;
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
