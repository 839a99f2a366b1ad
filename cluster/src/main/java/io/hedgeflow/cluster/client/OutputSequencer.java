package io.hedgeflow.cluster.client;

import org.agrona.DirectBuffer;

import java.util.concurrent.TimeUnit;

/**
 * Hands a cluster's output frames to an {@link OutputListener} in output sequence order, each once, whatever egress
 * lost: outputs of log entries a killed leader applied but never transmitted (a new leader applied them as a
 * follower, its offers went nowhere) and messages the leader gave up on under back pressure.
 * <p>
 * A gap shows as an output above the last delivered one plus one, or as an acknowledgement counting more outputs
 * than delivered (the cluster offers a session every output before its acknowledgement); the sequencer then asks
 * for the outputs after the last delivered one ({@link #requestDue}), also at once on every new leader or session,
 * and drops every output until the answer brings the next one, so outputs stay in order. Outputs at or below the
 * last delivered one are dropped: answering too much is harmless. A request unanswered for {@link #RETRY_NS} is made
 * again (lost with the leader, or the answer dropped). Outputs the cluster no longer holds are skipped and counted
 * ({@link #missedOutputs()}). A listener that never started starts after the outputs counted by the first
 * acknowledgement. Single-threaded; garbage-free.
 */
final class OutputSequencer
{
    /** How long a resend request waits for its answer before it is made again. */
    static final long RETRY_NS = TimeUnit.SECONDS.toNanos(1);
    /** {@link #requestDue} when no request is due. */
    static final long NONE = Long.MIN_VALUE;

    private final OutputListener listener;
    private long last;
    private long known;
    private long requestedAfter = NONE;
    private long requestedNs;
    private boolean newSession;
    private long requests;
    private long missedOutputs;
    private long droppedOutputs;
    private long recoveredOutputs;

    OutputSequencer(final OutputListener listener)
    {
        this.listener = listener;
        last = listener.lastOutput();
        known = Math.max(0, last);
    }

    /** An output frame from egress, resent in a resend answer or live. */
    void onOutput(
        final long sequence, final boolean resent, final DirectBuffer buffer, final int offset, final int length)
    {
        if (last == OutputListener.NOT_STARTED)
        {
            return;
        }
        known = Math.max(known, sequence);
        if (sequence != last + 1)
        {
            droppedOutputs++;
            return;
        }
        last = sequence;
        recoveredOutputs += resent ? 1 : 0;
        listener.onOutput(sequence, buffer, offset, length);
    }

    /** An acknowledgement: the cluster had made this many outputs, each offered to this session before it. */
    void onAcknowledged(final long outputs)
    {
        if (last == OutputListener.NOT_STARTED)
        {
            listener.startAfter(outputs);
            last = outputs;
        }
        known = Math.max(known, outputs);
    }

    /** The end of a resend answer: the outputs after afterOutput from firstOutput to lastOutput were sent. */
    void onResendEnd(final long afterOutput, final long firstOutput, final long lastOutput)
    {
        if (afterOutput == requestedAfter)
        {
            requestedAfter = NONE;
        }
        if (last != OutputListener.NOT_STARTED && firstOutput > last + 1 && firstOutput <= lastOutput + 1)
        {
            missedOutputs += firstOutput - last - 1;
            last = firstOutput - 1;
            known = Math.max(known, lastOutput);
        }
    }

    /** A new leader or a new session: ask for what may have been lost, at once. */
    void onNewSession()
    {
        newSession = true;
        requestedAfter = NONE;
    }

    /** The output sequence to ask the outputs after, or {@link #NONE}. */
    long requestDue(final long nowNs)
    {
        if (last == OutputListener.NOT_STARTED || !(newSession || known > last) ||
            (requestedAfter != NONE && nowNs - requestedNs < RETRY_NS))
        {
            return NONE;
        }
        return last;
    }

    /** The request for the outputs after afterOutput was sent. */
    void onRequested(final long afterOutput, final long nowNs)
    {
        requestedAfter = afterOutput;
        requestedNs = nowNs;
        newSession = false;
        requests++;
    }

    /** True when every output the cluster told of was delivered and no request waits for its answer. */
    boolean caughtUp()
    {
        return last != OutputListener.NOT_STARTED && last >= known && requestedAfter == NONE && !newSession;
    }

    /** Output sequence of the last output delivered. */
    long lastOutput()
    {
        return last;
    }

    /** Resend requests sent. */
    long requests()
    {
        return requests;
    }

    /** Outputs dropped on arrival: repeats, and outputs after a gap (they come again in the answer). */
    long droppedOutputs()
    {
        return droppedOutputs;
    }

    /** Outputs delivered from resend answers: lost on their way live, or first seen after a gap. */
    long recoveredOutputs()
    {
        return recoveredOutputs;
    }

    /** Outputs skipped because the cluster no longer held them when asked. */
    long missedOutputs()
    {
        return missedOutputs;
    }
}
