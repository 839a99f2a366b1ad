/**
 * Market and exchange simulators for demos and backtests: deterministic, seeded, driven only by logic time and
 * garbage-free after construction.
 * <p>
 * {@link io.hedgeflow.sim.MarketSimulator} writes an infinite stream of hedgeflow frames on channel 1: instrument
 * definitions for BTC and ETH (perpetual, spot and a book of calls and puts over several expiries, see
 * {@link io.hedgeflow.sim.SimUniverse}), then index moves (GBM), perpetual and spot quotes, option tickers with
 * smile IVs and Black-Scholes marks, client option trades that build the book, depth snapshots and heartbeats.
 * {@link io.hedgeflow.sim.SimExchange} fills the engine's orders against the simulated top of book after a fixed
 * latency and reports on channel 2. Both are configured by one {@link io.hedgeflow.sim.SimContext}.
 * <pre>
 *   +-----------------+  market frames, channel 1   +------+  frames by time  +---------------------+
 *   | MarketSimulator |--------------+------------->| feed |----------------->| engine (HedgeLogic) |
 *   +-----------------+              |              +------+                  +---------------------+
 *                                    | onMarketFrame   ^                                 |
 *                                    v                 | ExecutionReport, channel 2      | NewOrder
 *                             +-------------+          | (sendingTimeNs = due time)      | (sendingTimeNs =
 *                             | SimExchange |----------+                                 |  logic time)
 *                             +-------------+<-------------------------------------------+
 *                                    onOrder: due at order time + latency
 *
 *   host loop:  t = simulator.nextTimeNs();
 *               while ((n = exchange.poll(t, buf, 0)) &gt; 0) { deliver the report to the engine }
 *               n = simulator.poll(buf, 0); exchange.onMarketFrame(buf, 0, n); deliver the frame to the engine;
 *               for each NewOrder frame the engine emits: exchange.onOrder(orderBuf, 0, orderLength)
 * </pre>
 * A report is stamped with its due time (order time + latency) and fills at the top of book as of that moment,
 * because the host polls the exchange up to the next market frame's time before delivering that frame.
 */
package io.hedgeflow.sim;
