package io.hedgeflow.logic;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.greeks.BlackScholes;
import io.hedgeflow.hedge.SmileDynamics;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * policy.smileDynamics: STICKY_DELTA adds -vega (K / S) d sigma / dK per option (Derman 1999), the slope from the
 * marks of the book's options of the same expiry; a smile 2800: 65%, 3000: 60%, 3200: 56%.
 */
class SmileDynamicsPolicyTest
{
    private static final int ETH = 2;
    private static final int PERP = 20;
    private static final double SPOT = 3000.0;
    private static final long EXPIRY = TestFrames.T0 + 30L * 86_400_000_000_000L;
    private static final double[] STRIKES = {2800.0, 3000.0, 3200.0};
    private static final double[] VOLS = {0.65, 0.60, 0.56};

    private final UnsafeBuffer out = new UnsafeBuffer(new byte[HedgeLogic.MAX_OUTPUT_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HedgeDecisionDecoder decision = new HedgeDecisionDecoder();

    /** Sells 100 of the option of the given strike index; returns the decision's delta adjustment. */
    private double adjustmentOfShortCalls(final SmileDynamics dynamics, final int held)
    {
        try (HedgeLogic logic = new HedgeLogic(TestContexts.logic()
            .policy(new PolicyContext().trigger().bandUnderlying(1.0).delta().smileDynamics(dynamics))))
        {
            final TestFrames frames = new TestFrames();
            long ring = 0;
            logic.onFrame(frames.buffer, 0, frames.perpetual(PERP, ETH, Settlement.LINEAR, 0.01, 0.05), ring++, out, 0);
            logic.onFrame(frames.buffer, 0, frames.quote(PERP, SPOT - 0.5, SPOT + 0.5), ring++, out, 0);
            for (int k = 0; k < STRIKES.length; k++)
            {
                final OptionType type = k == 0 ? OptionType.PUT : OptionType.CALL;
                final int definition = frames.option(200 + k, ETH, Settlement.LINEAR, type, STRIKES[k], EXPIRY);
                logic.onFrame(frames.buffer, 0, definition, ring++, out, 0);
                logic.onFrame(frames.buffer, 0, frames.ticker(200 + k, VOLS[k], SPOT), ring++, out, 0);
            }
            logic.onFrame(frames.buffer, 0, frames.index(ETH, SPOT), ring++, out, 0);
            final int trade = frames.optionTrade(200 + held, -100.0, 200.0);
            assertTrue(logic.onFrame(frames.buffer, 0, trade, ring, out, 0) > 0);
            header.wrap(out, FrameHeader.MESSAGE_OFFSET);
            decision.wrap(out, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
            return decision.deltaAdjustment();
        }
    }

    private static double expected(final int held, final double slope)
    {
        final double years = (EXPIRY - TestFrames.T0) / (365.0 * 86_400e9);
        final double vega = BlackScholes.vega(SPOT, STRIKES[held], years, 0.0, 0.0, VOLS[held]);
        return -100.0 * -vega * (STRIKES[held] / SPOT) * slope;
    }

    @Test
    void shouldShiftTheDeltaByTheCentralSlopeOfTheSmileUnderStickyDelta()
    {
        final double slope = (0.56 - 0.65) / 400.0;
        final double expected = expected(1, slope);
        assertTrue(expected < 0.0, "a downward smile lowers a call's delta; short calls: a higher book delta");
        assertEquals(expected, adjustmentOfShortCalls(SmileDynamics.STICKY_DELTA, 1), Math.abs(expected) * 1e-6);
    }

    @Test
    void shouldUseTheOneSidedSlopeAtTheWingPoolingPutsAndCalls()
    {
        final double expected = expected(0, (0.60 - 0.65) / 200.0);
        assertEquals(expected, adjustmentOfShortCalls(SmileDynamics.STICKY_DELTA, 0), Math.abs(expected) * 1e-6);
    }

    @Test
    void shouldKeepTheBlackScholesDeltaUnderStickyStrike()
    {
        assertEquals(0.0, adjustmentOfShortCalls(SmileDynamics.STICKY_STRIKE, 1));
    }

    @Test
    void shouldRefuseStickyDeltaOnTopOfHullWhite()
    {
        final PolicyContext policy = new PolicyContext().delta().smileDynamics(SmileDynamics.STICKY_DELTA)
            .delta().deltaDefinition(DeltaDefinition.HULL_WHITE);
        assertTrue(assertThrows(IllegalArgumentException.class, policy::conclude).getMessage()
            .startsWith("smileDynamics"));
    }
}
