/**
 * Clients of a hedgeflow cluster: the feed client that sends input frames as ingress and resends the unacknowledged
 * ones after a failover ({@link io.hedgeflow.cluster.client.FrameResendWindow}), and the order client that turns the
 * logic's orders from egress into venue orders, each order id once ({@link io.hedgeflow.cluster.client.OrderHighWaterMark}).
 */
package io.hedgeflow.cluster.client;
