package io.hedgeflow.gateway;

import io.hedgeflow.sim.MarketSimulator;
import org.agrona.MutableDirectBuffer;

/** The seeded market simulator as an endless {@link FrameSource}. */
public final class SimFeedSource implements FrameSource
{
    private final MarketSimulator simulator;

    public SimFeedSource(final MarketSimulator simulator)
    {
        this.simulator = simulator;
    }

    public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        return simulator.poll(buffer, offset);
    }
}
