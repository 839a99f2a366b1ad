/**
 * Backtesting of hedging policies: the production {@link io.hedgeflow.logic.HedgeLogic} fed by simulated markets
 * ({@link io.hedgeflow.backtest.MarketModel}: GBM, Heston, Merton, a given path) and closed by the simulated exchange
 * ({@link io.hedgeflow.sim.SimExchange}), one path at a time ({@link io.hedgeflow.backtest.BacktestHost}), many
 * paths over threads with results reduced in path order ({@link io.hedgeflow.backtest.MonteCarlo}), statistics
 * ({@link io.hedgeflow.backtest.PolicyStats}), ledgers and HTML reports. The host never decides a hedge itself:
 * every trade is a NewOrder the logic emitted.
 */
package io.hedgeflow.backtest;
