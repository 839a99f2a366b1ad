/**
 * Frames in and out of the engine: the {@link io.hedgeflow.gateway.FrameSource} the feed poller reads (simulator,
 * capture file), and the capture file format with its writer and reader.
 */
package io.hedgeflow.gateway;
