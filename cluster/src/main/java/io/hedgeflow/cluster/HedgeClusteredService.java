package io.hedgeflow.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.pipeline.JournalRollCycle;
import io.hedgeflow.replay.SnapshotStore;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The unchanged {@link HedgeLogic} as an Aeron Cluster service. Each ingress message is one input frame
 * ({@link ClusterProtocol}): it is journaled, applied at its ring sequence (the count of messages applied before
 * it) and its output frames are journaled and broadcast as egress. The logic's time comes only from the frames: no
 * cluster timer or clock reaches it. A cluster snapshot is the logic snapshot (its deterministic layout); a member
 * starting from one restores it and the log after it brings it up to date ({@link ClusterJournal} writes nothing
 * twice). The leader acknowledges the applied (channel, sequence) of each channel to the clients, with the logic's
 * kill switch state.
 * <p>
 * An input whose Reconciliation finds a position beyond the tolerance engages the kill switch, as the engine's
 * pipeline does: every member, in the log's order, then applies and journals a KillSwitch input of its own (origin
 * RECONCILIATION, on the control channel, at the next ring sequence and the breaching input's time), so the
 * acknowledgement of the breaching input already carries the engaged kill switch.
 * <p>
 * Each output goes out with its output sequence (its position in the decisions journal). A resend request
 * ({@link ClusterProtocol}) is not an input: the logic never sees it and nothing is journaled; every member answers it
 * in the log's order from its {@link OutputRing} of the latest outputs, or its decisions journal for older ones
 * (followers' offers go nowhere), with at most {@link #MAX_RESEND_OUTPUTS} outputs after the sequence asked for and
 * a resend end.
 */
public final class HedgeClusteredService implements ClusteredService
{
    /** Most outputs in the answer to one resend request; a client further behind asks again. */
    public static final int MAX_RESEND_OUTPUTS = 1024;
    /** The engine's control channel, that of the KillSwitch inputs. */
    static final int CONTROL_CHANNEL = 3;
    /** Bytes of the latest output frames kept in memory for resend requests. */
    static final int RING_BYTES = 8 * 1024 * 1024;
    /** Most output frames kept in memory for resend requests. */
    static final int RING_OUTPUTS = 32 * 1024;

    private final LogicContext logicContext;
    private final Path journalDir;
    private final ClusterJournal journal;
    private final Consumer<Cluster.Role> roleListener;
    private final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(1 << 20);
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final UnsafeBuffer control = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final FrameEncoder controlEncoder = new FrameEncoder();
    private final KillSwitchEncoder killSwitch = new KillSwitchEncoder();
    private final UnsafeBuffer ack = new UnsafeBuffer(new byte[ClusterProtocol.MAX_ACK_LENGTH]);
    private final UnsafeBuffer resendEnd = new UnsafeBuffer(new byte[ClusterProtocol.RESEND_END_LENGTH]);
    private final OutputRing ring = new OutputRing(RING_BYTES, RING_OUTPUTS);
    private final ClusterJournal.OutputHandler resendFromJournal = this::resend;
    private ClientSession resendSession;
    private Cluster cluster;
    private EgressPublisher egress;
    private HedgeLogic logic;
    private final AtomicLong applied = new AtomicLong();
    private long nextRing;
    private long positionBreaches;
    private long restoredFrom = -1;
    private long oversized;

    /**
     * @param logicContext the logic's configuration, the same on every member.
     * @param journalDir   this member's engine journal.
     * @param rollCycle    when the journal's queues start a new file.
     * @param roleListener told of each role change of this member (on the service thread).
     */
    public HedgeClusteredService(final LogicContext logicContext, final Path journalDir,
        final JournalRollCycle rollCycle, final Consumer<Cluster.Role> roleListener)
    {
        this.roleListener = roleListener;
        this.logicContext = logicContext;
        this.journalDir = journalDir;
        this.journal = new ClusterJournal(journalDir, rollCycle, logicContext.digest(), ring);
    }

    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        egress = new EgressPublisher(cluster);
        logic = new HedgeLogic(logicContext);
        nextRing = 0;
        roleListener.accept(cluster.role());
        if (snapshotImage != null)
        {
            final int length = new SnapshotAdapter(snapshot, cluster.idleStrategy()).read(snapshotImage);
            restoredFrom = logic.restore(snapshot, 0, length);
            nextRing = restoredFrom + 1;
        }
        positionBreaches = logic.counters().positionBreaches();
        applied.lazySet(nextRing);
    }

    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
        journal.open(cluster.timeUnit().toNanos(timestamp), nextRing);
        egress.send(session, ack, 0, encodeAck());
    }

    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    public void onSessionMessage(
        final ClientSession session,
        final long timestamp,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Header header)
    {
        if (ClusterProtocol.isResendRequest(buffer, offset, length))
        {
            onResendRequest(session, timestamp, ClusterProtocol.afterOutput(buffer, offset));
            return;
        }
        if (length > FrameHeader.MAX_FRAME_LENGTH)
        {
            oversized++;
            return;
        }
        apply(buffer, offset, length, cluster.timeUnit().toNanos(timestamp));
        if (logic.counters().positionBreaches() != positionBreaches)
        {
            positionBreaches = logic.counters().positionBreaches();
            engageKillSwitch(FrameHeader.sendingTimeNs(buffer, offset), cluster.timeUnit().toNanos(timestamp));
        }
        acknowledge(session, buffer, offset, length);
        applied.lazySet(nextRing);
    }

    /** Journals and applies one input at the next ring sequence, and journals and broadcasts its outputs. */
    private void apply(final DirectBuffer buffer, final int offset, final int length, final long timestampNs)
    {
        final long ring = nextRing++;
        journal.onInput(buffer, offset, length, timestampNs, ring);
        final int outputLength = logic.onFrame(buffer, offset, length, ring, output, 0);
        int position = 0;
        while (position < outputLength)
        {
            final int frameLength = FrameHeader.frameLength(output, position);
            final long sequence = journal.onOutput(
                output, position, frameLength, FrameHeader.sendingTimeNs(output, position));
            egress.broadcastOutput(sequence, output, position, frameLength);
            position += frameLength;
        }
    }

    /** A reconciliation found a wrong position: the member's own KillSwitch input, next in the log's order. */
    private void engageKillSwitch(final long timeNs, final long timestampNs)
    {
        final long sequence = logic.lastSequence(CONTROL_CHANNEL) + 1;
        controlEncoder.begin(control, 0, killSwitch, CONTROL_CHANNEL, sequence, timeNs);
        killSwitch.engaged((short)1).origin(KillSwitchOrigin.RECONCILIATION);
        apply(control, 0, controlEncoder.end(killSwitch), timestampNs);
    }

    /**
     * Sends the session the outputs after afterOutput (at most {@link #MAX_RESEND_OUTPUTS}): those the ring holds
     * from it, older ones from the journal; then a resend end. Changes nothing of the logic or the journal.
     */
    private void onResendRequest(final ClientSession session, final long timestamp, final long afterOutput)
    {
        journal.open(cluster.timeUnit().toNanos(timestamp), nextRing);
        final long after = Math.max(0, afterOutput);
        final long outputs = journal.outputs();
        final long last = after >= outputs ? after : Math.min(outputs, after + MAX_RESEND_OUTPUTS);
        resendSession = session;
        long first = after + 1;
        if (first < ring.first() && first <= last)
        {
            first = journal.readOutputs(after, Math.min(last, ring.first() - 1), resendFromJournal);
        }
        for (long sequence = Math.max(after + 1, ring.first()); sequence <= last; sequence++)
        {
            resend(sequence, ring.buffer(), ring.offset(sequence), ring.length(sequence));
        }
        resendSession = null;
        egress.send(session, resendEnd, 0, ClusterProtocol.writeResendEnd(resendEnd, 0, after, first, last));
    }

    private void resend(final long sequence, final DirectBuffer buffer, final int offset, final int length)
    {
        egress.resendOutput(resendSession, sequence, buffer, offset, length);
    }

    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        final int length = logic.snapshot(snapshot, 0, nextRing - 1);
        new SnapshotPublisher(cluster.idleStrategy()).publish(snapshotPublication, snapshot, length);
        SnapshotStore.write(journalDir, logic, nextRing - 1, snapshot);
    }

    public void onRoleChange(final Cluster.Role newRole)
    {
        roleListener.accept(newRole);
    }

    public void onTerminate(final Cluster cluster)
    {
        journal.close();
    }

    /** The logic, for tests and the node's report. */
    HedgeLogic logic()
    {
        return logic;
    }

    /** Ingress messages applied since the cluster began (any thread). */
    long appliedInputs()
    {
        return applied.get();
    }

    /** Ring sequence of the last input of the snapshot this member started from, -1 if it started without. */
    long restoredFrom()
    {
        return restoredFrom;
    }

    /** Ingress messages refused for exceeding the largest frame. */
    long oversized()
    {
        return oversized;
    }

    /** An acknowledgement of every channel seen so far. */
    private int encodeAck()
    {
        int entries = 0;
        for (int channel = 0; channel < HedgeLogic.CHANNELS; channel++)
        {
            final long last = logic.lastSequence(channel);
            if (last > 0)
            {
                ClusterProtocol.writeAckEntry(ack, 0, entries++, channel, last);
            }
        }
        ClusterProtocol.writeAckHeader(ack, 0, entries, nextRing, journal.outputs(), logic.killSwitchEngaged(), true);
        return ClusterProtocol.ackLength(entries);
    }

    /** Acknowledges the input just processed (applied or dropped by the logic) to the session that sent it. */
    private void acknowledge(final ClientSession session, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (length >= FrameHeader.LENGTH)
        {
            final int channel = FrameHeader.channelId(buffer, offset);
            if (channel >= 0 && channel < HedgeLogic.CHANNELS)
            {
                ClusterProtocol.writeAckHeader(ack, 0, 1, nextRing, journal.outputs(), logic.killSwitchEngaged(),
                    false);
                // The frame's own sequence, not the channel's highest: a duplicate (a feed started again) is
                // processed too, and the client releases frames by the (channel, sequence) it sent.
                ClusterProtocol.writeAckEntry(ack, 0, 0, channel, FrameHeader.sequence(buffer, offset));
                egress.send(session, ack, 0, ClusterProtocol.ackLength(1));
            }
        }
    }
}
