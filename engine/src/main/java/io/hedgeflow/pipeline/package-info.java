/**
 * The live pipeline: {@link io.hedgeflow.pipeline.Engine} runs the feed poller and the frame handler (input
 * journaler, logic, order publisher, with the simulated exchange closing the loop in logic time) on one thread, or
 * the feed receiver and the processor on two with a Disruptor ring of pre-allocated raw-frame slots between them,
 * or under the caller's control: {@link io.hedgeflow.pipeline.ThreadingMode}, with Agrona agents and idle
 * strategies ({@link io.hedgeflow.pipeline.IdleStrategyKind}).
 */
package io.hedgeflow.pipeline;
