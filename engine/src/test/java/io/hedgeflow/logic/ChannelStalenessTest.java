package io.hedgeflow.logic;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelStalenessTest
{
    private static final long MS = 1_000_000L;
    private static final long EXPIRY = TestFrames.T0 + 30L * 86_400_000_000_000L;

    private final TestFrames frames = new TestFrames();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
    private HedgeLogic logic;
    private long ringSequence;

    @AfterEach
    void close()
    {
        logic.close();
    }

    private int feed(final int length)
    {
        return logic.onFrame(frames.buffer, 0, length, ringSequence++, out, 0);
    }

    /** ETH book whose delta sits just inside a 10-coin band until the book sells calls. */
    private void book(final LogicContext ctx)
    {
        logic = new HedgeLogic(ctx.policy(new PolicyContext().trigger().bandUsd(30_000.0)));
        feed(frames.perpetual(20, 2, Settlement.LINEAR, 0.01, 0.05));
        feed(frames.option(200, 2, Settlement.LINEAR, OptionType.CALL, 3000.0, EXPIRY));
        feed(frames.quote(20, 2999.5, 3000.5));
        feed(frames.ticker(200, 0.6, 3000.0));
        feed(frames.index(2, 3000.0));
    }

    @Test
    void shouldNotHedgeAfterAGapUntilTheChannelIsReset()
    {
        book(TestContexts.logic().gapRecoveryNs(0));
        frames.skip(TestFrames.MARKET);

        assertEquals(0, feed(frames.optionTrade(200, -100.0, 200.0)), "no hedge on stale data");
        assertEquals(0, feed(frames.index(2, 3001.0)));
        assertEquals(1, logic.counters().gaps());
        assertEquals(2, logic.counters().staleSkips());
        assertEquals(0, logic.counters().decisions());

        feed(frames.channelReset());
        assertTrue(feed(frames.index(2, 3001.5)) > 0, "hedges once the channel is reset");
        assertEquals(1, logic.counters().orders());
    }

    @Test
    void shouldRecoverFromAGapAfterTheConfiguredInterval()
    {
        book(TestContexts.logic().gapRecoveryNs(5 * MS));
        frames.skip(TestFrames.MARKET);
        assertEquals(0, feed(frames.optionTrade(200, -100.0, 200.0)));

        frames.advance(5 * MS);
        assertTrue(feed(frames.index(2, 3001.0)) > 0, "fresh again 5 ms of logic time after the gap");
        assertEquals(1, logic.counters().orders());
    }

    @Test
    void shouldGoStaleWhenAChannelWithHeartbeatsFallsSilent()
    {
        book(TestContexts.logic().heartbeatTimeoutNs(50 * MS));
        feed(frames.heartbeat());
        assertTrue(feed(frames.optionTrade(200, -100.0, 200.0)) > 0);
        assertEquals(1, logic.counters().orders());

        frames.advance(60 * MS);
        assertEquals(0, feed(frames.execution(1, 20, Side.BUY, ExecType.REJECTED, 0.0, 0.0)),
            "market channel silent for 60 ms: no new hedge");
        assertEquals(1, logic.counters().staleSkips());

        feed(frames.heartbeat());
        assertTrue(feed(frames.index(2, 3000.5)) > 0, "live again after its heartbeat");
        assertEquals(2, logic.counters().orders());
    }
}
