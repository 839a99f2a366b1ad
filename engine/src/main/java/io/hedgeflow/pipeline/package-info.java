/**
 * The live pipeline: {@link io.hedgeflow.pipeline.Engine} wires the feed poller, the Disruptor ring of
 * pre-allocated raw-frame slots, the input journaler and the logic in parallel, and the order publisher gated on
 * both, with the simulated exchange closing the loop in logic time.
 */
package io.hedgeflow.pipeline;
