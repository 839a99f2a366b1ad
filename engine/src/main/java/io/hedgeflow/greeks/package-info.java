/**
 * Option pricing and Greeks: scalar reference functions on primitives ({@link io.hedgeflow.greeks.BlackScholes},
 * {@link io.hedgeflow.greeks.Normal}) and the per-underlying Greek vectors the logic recomputes on every move.
 */
package io.hedgeflow.greeks;
