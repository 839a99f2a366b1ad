/**
 * Clients of a hedgeflow cluster: the feed client that sends input frames as ingress and resends the unacknowledged
 * ones after a failover ({@link io.hedgeflow.cluster.client.FrameResendWindow}), and the order client that takes
 * the logic's outputs in output sequence order, asking the cluster again for those egress lost
 * ({@link io.hedgeflow.cluster.client.OutputSequencer}), and turns its orders into venue orders, each once
 * ({@link io.hedgeflow.cluster.client.OrderHighWaterMark}).
 */
package io.hedgeflow.cluster.client;
