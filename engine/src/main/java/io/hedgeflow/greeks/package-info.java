/**
 * Option pricing and Greeks. {@link io.hedgeflow.greeks.BlackScholes} is the scalar reference (BSM with carry,
 * Black-76, linear and inverse, all nine outputs, degenerate cases defined); {@link io.hedgeflow.greeks.GreekVectors}
 * holds one underlying's options off-heap and recomputes them with the Vector API kernel in
 * {@link io.hedgeflow.greeks.GreekKernel} (its passes in {@link io.hedgeflow.greeks.GreekPasses}), which gives the
 * scalar reference's bits exactly, on every run and at every JIT tier, because exp, log and the normal CDF
 * ({@link io.hedgeflow.greeks.PortableMath}, {@link io.hedgeflow.greeks.Normal}) are built from IEEE-exact operations
 * only; {@link io.hedgeflow.greeks.ImpliedVol} inverts prices; {@link io.hedgeflow.greeks.GreeksTool} is the
 * {@code greeks} batch command. Units: DESIGN section 5.
 */
package io.hedgeflow.greeks;
