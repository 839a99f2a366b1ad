package io.hedgeflow.backtest;

import io.hedgeflow.sim.SimRandom;

/**
 * A simulated underlying: fills the spots of a {@link MarketPath} whose grid is set, starting at spot(0) = s0,
 * drawing only from the given generator (one stream per path, so paths are reproducible in any order).
 */
public interface MarketModel
{
    void fill(MarketPath path, double s0, SimRandom random);
}
