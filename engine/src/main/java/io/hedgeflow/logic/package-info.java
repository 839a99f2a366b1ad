/**
 * The hedging state machine ({@link io.hedgeflow.logic.HedgeLogic}) and its parts: frame validation, the
 * instrument registry, per-underlying books with their Greek vectors and hedge depth, the hedging policies chosen
 * per underlying ({@link io.hedgeflow.logic.PolicyContext}: time interval, fixed, gamma-scaled, Whalley-Wilmott and
 * Zakamouline bands of {@link io.hedgeflow.logic.HedgeBands}, Leland volatility, Hull-White delta, slippage-capped
 * sizing) with their pre-trade limits, and the encoder of decisions and orders. Deterministic: time only from frames, no threads, no clocks,
 * no hash-order iteration.
 */
package io.hedgeflow.logic;
