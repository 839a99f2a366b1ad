package io.hedgeflow.pipeline;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.sim.SimExchange;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Restart from an existing journal, before the pipeline starts: every journaled input goes through the logic
 * again, in order and with its ring sequence, rebuilding its state (positions, orders in flight, sequences, kill
 * switch). Each output is checked against the decisions journal; outputs past its end (the input was journaled,
 * the process died before its decisions were) are appended now, so no decision is lost or written twice. Orders
 * still working are re-submitted to the simulated exchange, which continues its report sequence.
 */
final class Recovery
{
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[FrameEvent.OUTPUT_CAPACITY]);
    private final UnsafeBuffer expected = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final NewOrderDecoder order = new NewOrderDecoder();
    private final HedgeLogic logic;
    private final JournalAppender decisionsAppender;
    private final SimExchange exchange;
    private JournalReader decisions;
    private long decisionRecords;
    private boolean decisionsEnded;
    private long resubmitted;
    private int expectedLength;
    private long inputs;
    private long appended;
    private long nextRingSequence;

    private Recovery(final HedgeLogic logic, final JournalAppender decisionsAppender, final SimExchange exchange)
    {
        this.logic = logic;
        this.decisionsAppender = decisionsAppender;
        this.exchange = exchange;
    }

    /** Recovers the logic and the exchange from the journal; returns what was done. */
    static Result recover(final Journal journal, final HedgeLogic logic, final SimExchange exchange)
    {
        final Recovery recovery = new Recovery(logic, journal.decisionsAppender(), exchange);
        try (JournalReader in = journal.inputsReader(); JournalReader out = journal.decisionsReader())
        {
            recovery.decisions = out;
            while (in.read(recovery::onInput))
            {
                recovery.inputs++;
            }
            if (!recovery.decisionsEnded && out.read(recovery::expect))
            {
                throw new IllegalStateException(journal.directory() + ": decisions journal has records that its " +
                    "inputs do not produce (different configuration or a damaged journal)");
            }
        }
        try (JournalReader out = journal.decisionsReader())
        {
            while (out.read(recovery::onJournaledDecision))
            {
                recovery.decisionRecords++;
            }
        }
        exchange.resumeAfter(logic.lastSequence(SimExchange.CHANNEL_ID));
        return new Result(recovery.inputs, recovery.appended, recovery.resubmitted, recovery.nextRingSequence);
    }

    private void onInput(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence,
        final long index)
    {
        final int outputLength = logic.onFrame(buffer, offset, length, sequence, output, 0);
        nextRingSequence = sequence + 1;
        for (int position = 0; position < outputLength; )
        {
            final int frameLength = FrameHeader.frameLength(output, position);
            if (!decisionsEnded && decisions.read(this::expect))
            {
                if (expectedLength != frameLength || !equal(position, frameLength))
                {
                    throw new IllegalStateException("decision for ring sequence " + sequence + " differs from the " +
                        "journal: the journal was written with another configuration or engine version");
                }
            }
            else
            {
                decisionsEnded = true;
                decisionsAppender.append(output, position, frameLength, FrameHeader.sendingTimeNs(output, position),
                    sequence);
                appended++;
            }
            position += frameLength;
        }
    }

    private boolean equal(final int position, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (expected.getByte(i) != output.getByte(position + i))
            {
                return false;
            }
        }
        return true;
    }

    private void expect(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence,
        final long index)
    {
        expectedLength = length;
        expected.putBytes(0, buffer, offset, Math.min(length, expected.capacity()));
    }

    private void onJournaledDecision(
        final DirectBuffer buffer, final int offset, final int length, final long stamp, final long sequence,
        final long index)
    {
        final int templateId = buffer.getShort(offset + FrameHeader.MESSAGE_OFFSET +
            MessageHeaderDecoder.templateIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (templateId == NewOrderDecoder.TEMPLATE_ID)
        {
            order.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, NewOrderDecoder.BLOCK_LENGTH,
                NewOrderDecoder.SCHEMA_VERSION);
            if (logic.isOpenOrder(order.orderId()))
            {
                exchange.onOrder(buffer, offset, length);
                resubmitted++;
            }
        }
    }

    /**
     * What a restart did.
     *
     * @param inputs           journaled inputs replayed.
     * @param appended         decision records written that the crash had lost.
     * @param resubmitted      working orders handed to the exchange again.
     * @param nextRingSequence ring sequence of the next input.
     */
    public record Result(long inputs, long appended, long resubmitted, long nextRingSequence)
    {
    }
}
