package io.hedgeflow.pipeline;

import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FeedPollerTest
{
    private final FrameEvent slot = new FrameEvent();
    private final MarketSimulator simulator = new MarketSimulator(new SimContext());

    @Test
    void shouldStopAtTheRunsLimitAndContinueInTheNextRun()
    {
        final FeedPoller feed = new FeedPoller((buffer, offset, maxLength) -> simulator.poll(buffer, offset));
        feed.start(3, 0, 0);
        int frames = 0;
        while (feed.poll(slot) > 0)
        {
            frames++;
        }
        assertEquals(3, frames);
        assertTrue(feed.done());
        feed.start(2, 0, 0);
        assertFalse(feed.done());
        assertTrue(feed.poll(slot) > 0);
        assertTrue(feed.poll(slot) > 0);
        assertEquals(0, feed.poll(slot));
        assertEquals(5, feed.polled());
    }

    @Test
    void shouldHandOutNoFrameBeforeItsDueTimeAndStampItWithIt()
    {
        final FeedPoller feed = new FeedPoller((buffer, offset, maxLength) -> simulator.poll(buffer, offset));
        final long intervalNs = 2_000_000L;
        final long startNs = System.nanoTime() + 50 * intervalNs;
        feed.start(2, startNs, intervalNs);
        assertEquals(0, feed.poll(slot), "the first frame is due in 100 ms");
        final long[] stamps = new long[2];
        for (int i = 0; i < stamps.length; i++)
        {
            while (feed.poll(slot) == 0)
            {
                Thread.onSpinWait();
            }
            assertTrue(System.nanoTime() >= slot.receiveNs);
            stamps[i] = slot.receiveNs;
        }
        assertEquals(startNs, stamps[0], "stamped with the intended time, not the poll's");
        assertEquals(startNs + intervalNs, stamps[1]);
    }

    @Test
    void shouldEndWithTheSource()
    {
        final FeedPoller feed = new FeedPoller((buffer, offset, maxLength) -> FrameSource.END);
        feed.start(10, 0, 0);
        assertEquals(FrameSource.END, feed.poll(slot));
        assertTrue(feed.ended() && feed.done());
    }
}
