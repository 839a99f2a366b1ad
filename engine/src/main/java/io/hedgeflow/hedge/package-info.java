/**
 * Hedge-ratio mathematics, pure, garbage-free and deterministic (primitives in, results in preallocated fields or
 * returned doubles, time only from arguments), for the logic's hedge policies to call on the hot path:
 * <ul>
 * <li>minimum-variance hedge ratios estimated online behind {@link io.hedgeflow.hedge.HedgeRatioEstimator}:
 * {@link io.hedgeflow.hedge.RollingOlsEstimator}, {@link io.hedgeflow.hedge.EwmaEstimator},
 * {@link io.hedgeflow.hedge.KalmanBetaEstimator}; h* and contracts in
 * {@link io.hedgeflow.hedge.MinimumVarianceHedge};</li>
 * <li>smile-aware option deltas: the Hull-White (2017) minimum-variance delta
 * {@link io.hedgeflow.hedge.HullWhiteDelta} with its fit {@link io.hedgeflow.hedge.HullWhiteFit}, and the
 * sticky-strike / sticky-delta switch {@link io.hedgeflow.hedge.SmileDynamics};</li>
 * <li>multi-Greek neutralization with options as hedges, {@link io.hedgeflow.hedge.GreekNeutralizer}, on the small
 * SVD solver {@link io.hedgeflow.hedge.SmallLeastSquares} (refusals as {@link io.hedgeflow.hedge.SolveStatus});</li>
 * <li>sizing: {@link io.hedgeflow.hedge.BookWalker} (expected price, slippage, largest size under a cap),
 * {@link io.hedgeflow.hedge.OrderSlicer} (child orders), {@link io.hedgeflow.hedge.HedgeInstrumentChooser} (all-in
 * cost), {@link io.hedgeflow.hedge.LotRounding} (never flips the side).</li>
 * </ul>
 * Units follow DESIGN section 5: delta per unit of underlying, gamma per unit squared, vega per 1.00 of volatility,
 * time in years; costs in basis points of notional.
 */
package io.hedgeflow.hedge;
