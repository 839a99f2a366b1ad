/**
 * The live pipeline: {@link io.hedgeflow.pipeline.Engine} wires the feed poller, the Disruptor ring of
 * pre-allocated raw-frame slots, the input journaler, the logic and the order publisher (on one thread, or the
 * journaler and the logic in parallel and the publisher gated on both: {@link io.hedgeflow.pipeline.ThreadLayout}),
 * with the simulated exchange closing the loop in logic time.
 */
package io.hedgeflow.pipeline;
