package io.hedgeflow.cluster.client;

import io.aeron.Aeron;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.cluster.codecs.EventCode;
import io.aeron.exceptions.TimeoutException;
import io.aeron.logbuffer.Header;
import io.hedgeflow.cluster.ClusterContext;
import io.hedgeflow.cluster.ClusterProtocol;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One client session with one cluster: input frames go out as ingress through a {@link FrameResendWindow}, egress
 * comes back as acknowledgements (which release the window and tell the {@link OutputListener} the kill switch
 * state) and output frames, put in order by an {@link OutputSequencer} for that listener; the sequencer's resend
 * requests go out as ingress too.
 * <p>
 * Failover: Aeron's client follows a new leader by itself ({@link #onNewLeader}); the frames the window still holds
 * are then offered again, in order, ahead of any new frame. A session the cluster closed (no leader within the
 * client's new-leader timeout, or a session timeout) is replaced by a new one, with the same resend. Ingress back
 * pressure leaves frames in the window: {@link #poll} offers them as the cluster takes them. Keep-alives go out
 * while nothing else does. Single-threaded: the caller's duty cycle calls {@link #send} and {@link #poll}.
 */
public final class ClusterConnection implements EgressListener, AutoCloseable
{
    private final ClusterContext cluster;
    private final AeronCluster.Context template;
    private final FrameResendWindow window;
    private final OutputListener listener;
    private final OutputSequencer outputs;
    private final UnsafeBuffer request = new UnsafeBuffer(new byte[ClusterProtocol.RESEND_REQUEST_LENGTH]);
    private final Histogram ackLatency;
    private final IdleStrategy idle;
    private final long connectTimeoutNs;
    private final long keepAliveIntervalNs;
    private AeronCluster session;
    private long sendPosition;
    private long lastSendNs;
    private long appliedInputs;
    private long leaderChanges;
    private long reconnects;
    private long resentFrames;
    private long acknowledgements;
    private volatile int leaderMemberId;
    private long leaderChangeNs;
    private long firstOutputAfterChangeNs;

    /** Connects to the cluster's leader (blocking up to connectTimeoutNs) through an Aeron client the caller owns. */
    public ClusterConnection(
        final ClusterContext cluster,
        final Aeron aeron,
        final FrameResendWindow window,
        final OutputListener outputs,
        final Histogram ackLatency,
        final IdleStrategy idle,
        final long connectTimeoutNs)
    {
        this.cluster = cluster;
        this.window = window;
        this.listener = outputs;
        this.outputs = new OutputSequencer(outputs);
        this.ackLatency = ackLatency;
        this.idle = idle;
        this.connectTimeoutNs = connectTimeoutNs;
        keepAliveIntervalNs = Math.max(1, cluster.sessionTimeoutNs() / 4);
        template = new AeronCluster.Context()
            .aeron(aeron)
            .ownsAeronClient(false)
            .ingressChannel("aeron:udp?term-length=" + cluster.termLength())
            .ingressEndpoints(cluster.ingressEndpoints())
            .egressChannel("aeron:udp?endpoint=localhost:0|term-length=" + cluster.termLength())
            .newLeaderTimeoutNs(connectTimeoutNs)
            .egressListener(this);
        session = connect();
        lastSendNs = System.nanoTime();
    }

    /**
     * Sends a frame after the ones still waiting, keeping it until acknowledged.
     *
     * @return false, sending nothing, when the window is full: poll and retry.
     */
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        final long nowNs = System.nanoTime();
        if (!window.add(buffer, offset, length, nowNs))
        {
            return false;
        }
        pump(nowNs);
        return true;
    }

    /** Polls egress, follows a leader change or a closed session, and offers what waits. Returns work done. */
    public int poll()
    {
        int work = session.pollEgress();
        if (session.isClosed())
        {
            reconnects++;
            session = connect();
            rewind();
            work++;
        }
        final long nowNs = System.nanoTime();
        return work + requestOutputs(nowNs) + pump(nowNs);
    }

    private int requestOutputs(final long nowNs)
    {
        final long after = outputs.requestDue(nowNs);
        if (after == OutputSequencer.NONE)
        {
            return 0;
        }
        final int length = ClusterProtocol.writeResendRequest(request, 0, after);
        if (session.offer(request, 0, length) < 0)
        {
            return 0;
        }
        outputs.onRequested(after, nowNs);
        lastSendNs = nowNs;
        return 1;
    }

    /** Polls until every frame sent was acknowledged, or throws after timeoutNs without an acknowledgement. */
    public void awaitAcknowledged(final long timeoutNs)
    {
        long last = acknowledgements;
        long progressNs = System.nanoTime();
        idle.reset();
        while (!window.isEmpty())
        {
            idle.idle(poll());
            if (acknowledgements != last)
            {
                last = acknowledgements;
                progressNs = System.nanoTime();
            }
            else if (System.nanoTime() - progressNs > timeoutNs)
            {
                throw new IllegalStateException("cluster " + cluster.clusterId() + ": " + window.size() +
                    " frames sent but not acknowledged after " + timeoutNs / 1_000_000 + " ms without progress");
            }
        }
    }

    private int pump(final long nowNs)
    {
        if (sendPosition < window.first())
        {
            sendPosition = window.first();
        }
        int sent = 0;
        while (sendPosition < window.end())
        {
            if (session.offer(window.buffer(), window.offset(sendPosition), window.length(sendPosition)) < 0)
            {
                return sent;
            }
            sendPosition++;
            sent++;
            lastSendNs = nowNs;
        }
        if (nowNs - lastSendNs > keepAliveIntervalNs && session.sendKeepAlive())
        {
            lastSendNs = nowNs;
        }
        return sent;
    }

    private AeronCluster connect()
    {
        final long deadlineNs = System.nanoTime() + connectTimeoutNs;
        while (true)
        {
            try
            {
                final AeronCluster connected = AeronCluster.connect(template.clone());
                leaderMemberId = connected.leaderMemberId();
                return connected;
            }
            catch (final TimeoutException ex)
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    throw new IllegalStateException("cluster " + cluster.clusterId() + ": no leader answered at " +
                        cluster.ingressEndpoints() + " within " + connectTimeoutNs / 1_000_000 + " ms", ex);
                }
            }
        }
    }

    public void onMessage(
        final long clusterSessionId,
        final long timestamp,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final Header header)
    {
        if (ClusterProtocol.isOutput(buffer, offset, length))
        {
            if (firstOutputAfterChangeNs < leaderChangeNs)
            {
                firstOutputAfterChangeNs = System.nanoTime();
            }
            outputs.onOutput(ClusterProtocol.outputSequence(buffer, offset), ClusterProtocol.isResent(buffer, offset),
                buffer, offset + ClusterProtocol.OUTPUT_HEADER_LENGTH, length - ClusterProtocol.OUTPUT_HEADER_LENGTH);
        }
        else if (ClusterProtocol.isResendEnd(buffer, offset, length))
        {
            outputs.onResendEnd(ClusterProtocol.afterOutput(buffer, offset),
                ClusterProtocol.resendFirstOutput(buffer, offset), ClusterProtocol.resendLastOutput(buffer, offset));
        }
        else if (ClusterProtocol.isAck(buffer, offset, length))
        {
            onAcknowledgement(buffer, offset);
        }
    }

    private void onAcknowledgement(final DirectBuffer buffer, final int offset)
    {
        acknowledgements++;
        outputs.onAcknowledged(ClusterProtocol.ackOutputs(buffer, offset));
        listener.onKillSwitch(ClusterProtocol.ackKillSwitchEngaged(buffer, offset));
        appliedInputs = Math.max(appliedInputs, ClusterProtocol.ackAppliedInputs(buffer, offset));
        // No frame of this client was applied before its first session opened: that session's acknowledgement of
        // every channel holds another run's sequences (a feed started again), which would release frames not applied.
        final int entries = reconnects == 0 && ClusterProtocol.ackEveryChannel(buffer, offset) ? 0 :
            ClusterProtocol.ackEntryCount(buffer, offset);
        final long nowNs = System.nanoTime();
        for (int i = 0; i < entries; i++)
        {
            final long addedNs = window.onAcknowledged(
                ClusterProtocol.ackChannel(buffer, offset, i), ClusterProtocol.ackSequence(buffer, offset, i));
            if (addedNs != FrameResendWindow.NOT_HELD)
            {
                ackLatency.recordValue(Math.min(nowNs - addedNs, ackLatency.getHighestTrackableValue()));
            }
        }
    }

    public void onNewLeader(
        final long clusterSessionId, final long leadershipTermId, final int leaderMemberId, final String endpoints)
    {
        leaderChanges++;
        this.leaderMemberId = leaderMemberId;
        rewind();
    }

    /** Offers again, from the oldest, the frames offered before that are not acknowledged; asks for the outputs. */
    private void rewind()
    {
        outputs.onNewSession();
        leaderChangeNs = System.nanoTime();
        resentFrames += Math.max(0, Math.min(sendPosition, window.end()) - window.first());
        sendPosition = window.first();
    }

    public void onSessionEvent(
        final long correlationId,
        final long clusterSessionId,
        final long leadershipTermId,
        final int leaderMemberId,
        final EventCode code,
        final String detail)
    {
        if (code == EventCode.OK)
        {
            this.leaderMemberId = leaderMemberId;
        }
    }

    /** True when every frame sent was acknowledged and every output the cluster told of was delivered. */
    public boolean isIdle()
    {
        return window.isEmpty() && outputs.caughtUp();
    }

    /** Resend requests sent for outputs egress lost. */
    public long resendRequests()
    {
        return outputs.requests();
    }

    /** Outputs dropped on arrival: repeats, and outputs after a gap until the answer to the resend request. */
    public long droppedOutputs()
    {
        return outputs.droppedOutputs();
    }

    /** Outputs delivered from the answers to resend requests. */
    public long recoveredOutputs()
    {
        return outputs.recoveredOutputs();
    }

    /** Outputs lost for good: the cluster no longer held them when asked. */
    public long missedOutputs()
    {
        return outputs.missedOutputs();
    }

    /** The cluster this session is with. */
    public ClusterContext cluster()
    {
        return cluster;
    }

    /** Member id of the leader as last told (any thread). */
    public int leaderMemberId()
    {
        return leaderMemberId;
    }

    /** Ingress messages the cluster has applied (all clients'), as of the last acknowledgement. */
    public long appliedInputs()
    {
        return appliedInputs;
    }

    /** When (System.nanoTime) the first output frame arrived after the last leader change or new session, else 0. */
    public long firstOutputAfterLeaderChangeNs()
    {
        return firstOutputAfterChangeNs >= leaderChangeNs && leaderChangeNs > 0 ? firstOutputAfterChangeNs : 0;
    }

    /** New leaders followed. */
    public long leaderChanges()
    {
        return leaderChanges;
    }

    /** Sessions replaced after the cluster closed one. */
    public long reconnects()
    {
        return reconnects;
    }

    /** Frames offered again after a leader change. */
    public long resentFrames()
    {
        return resentFrames;
    }

    /** What the session waits for, for error messages. */
    public String toString()
    {
        final String oldest = window.isEmpty() ? "none" :
            FrameHeader.channelId(window.buffer(), window.offset(window.first())) + ":" +
            FrameHeader.sequence(window.buffer(), window.offset(window.first()));
        return "cluster " + cluster.clusterId() + " holds " + window.size() + " unacknowledged frames (oldest " +
            "channel:sequence " + oldest + "), " + (window.end() - sendPosition) + " not offered yet, cluster applied " +
            appliedInputs + " inputs in all, " + acknowledgements + " acknowledgements, outputs delivered to " +
            outputs.lastOutput() + " (caught up " + outputs.caughtUp() + ")";
    }

    public void close()
    {
        CloseHelper.close(session);
    }
}
