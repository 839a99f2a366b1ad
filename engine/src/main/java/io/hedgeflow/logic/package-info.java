/**
 * The hedging state machine ({@link io.hedgeflow.logic.HedgeLogic}) and its parts: frame validation, the
 * instrument registry, per-underlying books with their Greek vectors, the delta-band policy with its pre-trade
 * limit, and the encoder of decisions and orders. Deterministic: time only from frames, no threads, no clocks,
 * no hash-order iteration.
 */
package io.hedgeflow.logic;
