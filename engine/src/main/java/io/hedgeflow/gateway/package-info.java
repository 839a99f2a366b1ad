/**
 * Frames in and out of the engine: the {@link io.hedgeflow.gateway.FrameSource} the feed poller reads (simulator,
 * capture file, UDP unicast or multicast), the capture file format with its writer and reader, and the UDP sender
 * and paced capture player behind {@code hedgeflow send}.
 */
package io.hedgeflow.gateway;
