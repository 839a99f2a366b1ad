package io.hedgeflow.cluster.client;

import org.agrona.DirectBuffer;

/** Takes the logic's output frames (HedgeDecision, NewOrder, ...) as the cluster's leader sends them on egress. */
@FunctionalInterface
public interface OutputListener
{
    /** One output frame, valid only during the call. */
    void onOutputFrame(DirectBuffer buffer, int offset, int length);
}
