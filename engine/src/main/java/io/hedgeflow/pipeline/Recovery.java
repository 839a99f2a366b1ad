package io.hedgeflow.pipeline;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import io.hedgeflow.replay.SnapshotStore;
import io.hedgeflow.sim.SimExchange;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Restart from an existing journal, before the pipeline starts: the logic is restored from the latest usable
 * snapshot (if any) and the journaled inputs after it go through it again, in order and with their ring sequences,
 * rebuilding its state (positions, orders in flight, sequences, kill switch). Each output is checked against the
 * decisions journal; outputs past its end (the input was journaled, the process died before its decisions were)
 * are appended now, so no decision is lost or written twice. When the orders go to the simulated exchange, those
 * still working are re-submitted to it, and it continues its report sequence. When they go to an order gateway (a
 * FIX venue, UDP) the venue still holds them and reports them itself (on the FIX path through the reconciliation
 * after logon): the simulated exchange takes none, or it would fill them a second time, in its own report sequence
 * on the same channel.
 */
final class Recovery
{
    private final NewOrderDecoder order = new NewOrderDecoder();
    private final HedgeLogic logic;
    private final SimExchange exchange;
    private long resubmitted;
    private long lastTrigger = -1;

    private Recovery(final HedgeLogic logic, final SimExchange exchange)
    {
        this.logic = logic;
        this.exchange = exchange;
    }

    /**
     * Recovers the logic, and the simulated exchange when the orders go to it, from the journal.
     *
     * @param exchange the simulated exchange taking the orders, null when they go to an order gateway.
     * @return what was done.
     */
    static Result recover(final Journal journal, final HedgeLogic logic, final SimExchange exchange)
    {
        final Recovery recovery = new Recovery(logic, exchange);
        final long snapshot = SnapshotStore.restoreLatest(journal.directory(), logic,
            recovery.lastDecisionTrigger(journal));
        final ReplayResult replay = new JournalReplayer(logic).replay(journal, true, snapshot,
            journal.decisionsAppender());
        if (!replay.identical())
        {
            throw new IllegalStateException(journal.directory() + ": the journal does not replay to its own " +
                "decisions (another configuration or engine version, or a damaged journal): " + replay.difference());
        }
        if (exchange != null)
        {
            recovery.resubmitWorkingOrders(journal);
        }
        return new Result(snapshot, replay.inputs(), replay.appended(), recovery.resubmitted,
            replay.nextRingSequence());
    }

    private void resubmitWorkingOrders(final Journal journal)
    {
        try (JournalReader decisions = journal.decisionsReader())
        {
            boolean more = true;
            while (more)
            {
                more = decisions.read(this::onJournaledDecision);
            }
        }
        exchange.resumeAfter(logic.lastSequence(SimExchange.CHANNEL_ID));
    }

    /**
     * Ring sequence of the input behind the last journaled decision: every decision of an earlier input is
     * journaled, so only a snapshot of inputs before it may be trusted not to hide a decision lost by a crash.
     */
    private long lastDecisionTrigger(final Journal journal)
    {
        try (JournalReader decisions = journal.decisionsReader())
        {
            boolean more = true;
            while (more)
            {
                more = decisions.read((buffer, offset, length, stamp, sequence, index) -> lastTrigger = sequence);
            }
        }
        return lastTrigger;
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
     * @param snapshot         ring sequence covered by the snapshot restored, -1 for none.
     * @param inputs           journaled inputs replayed after it.
     * @param appended         decision records written that the crash had lost.
     * @param resubmitted      working orders handed to the simulated exchange again (0 with an order gateway).
     * @param nextRingSequence ring sequence of the next input.
     */
    public record Result(long snapshot, long inputs, long appended, long resubmitted, long nextRingSequence)
    {
    }
}
