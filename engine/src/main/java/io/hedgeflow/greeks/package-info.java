/**
 * Option pricing and Greeks. {@link io.hedgeflow.greeks.BlackScholes} is the scalar reference (BSM with carry,
 * Black-76, linear and inverse, all nine outputs, degenerate cases defined); {@link io.hedgeflow.greeks.GreekVectors}
 * holds one underlying's options off-heap and recomputes them with the Vector API kernel in
 * {@link io.hedgeflow.greeks.GreekKernel}; {@link io.hedgeflow.greeks.ImpliedVol} inverts prices;
 * {@link io.hedgeflow.greeks.GreeksTool} is the {@code greeks} batch command. Units: DESIGN section 5.
 */
package io.hedgeflow.greeks;
