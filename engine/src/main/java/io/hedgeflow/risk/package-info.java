/**
 * Pre-trade risk, fail closed: {@link io.hedgeflow.risk.LimitsContext} (every limit must be set) and
 * {@link io.hedgeflow.risk.PreTradeRisk} (invalid values, SAFE mode and reduce-only, quantity, notional, price
 * collar, position, duplicates, order rate, circuit breaker). The kill switch itself is a journaled input handled
 * by the logic, so it survives restarts.
 */
package io.hedgeflow.risk;
