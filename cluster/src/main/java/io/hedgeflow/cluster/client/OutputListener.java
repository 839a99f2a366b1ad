package io.hedgeflow.cluster.client;

import org.agrona.DirectBuffer;

/**
 * Takes the logic's output frames (HedgeDecision, NewOrder, ...) in output sequence order, each once, as an
 * {@link OutputSequencer} puts them together from the leader's egress and the answers to resend requests.
 */
public interface OutputListener
{
    /** {@link #lastOutput()} of a listener that never started. */
    long NOT_STARTED = -1;

    /**
     * The output sequence up to which this listener has handled the cluster's outputs (what it resumes after), or
     * {@link #NOT_STARTED}.
     */
    long lastOutput();

    /**
     * A listener that never started starts after the cluster's outputs so far: outputs decided before it first
     * connected are not its to handle.
     */
    void startAfter(long outputSequence);

    /** The next output frame (its sequence one above the last one's), valid only during the call. */
    void onOutput(long outputSequence, DirectBuffer buffer, int offset, int length);

    /**
     * The logic's kill switch as of the input the cluster just acknowledged (every acknowledgement tells), after
     * that input's outputs were offered.
     */
    void onKillSwitch(boolean engaged);
}
