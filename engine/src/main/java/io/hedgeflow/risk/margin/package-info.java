/**
 * Margin models of Deribit, as published (docs/margin.md): {@link io.hedgeflow.risk.margin.StandardMargin}
 * (initial and maintenance per position: futures and perpetuals by size, short options by out-of-the-money amount
 * and mark) and {@link io.hedgeflow.risk.margin.PortfolioMargin} (the whole book of one underlying repriced over a
 * grid of underlying moves and volatility shocks with the vector kernel, worst loss plus contingencies), with
 * parameters in {@link io.hedgeflow.risk.margin.MarginContext}; {@link io.hedgeflow.risk.margin.Liquidation}
 * estimates a delta-one position's liquidation price.
 */
package io.hedgeflow.risk.margin;
