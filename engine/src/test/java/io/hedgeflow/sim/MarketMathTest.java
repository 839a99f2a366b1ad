package io.hedgeflow.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketMathTest
{
    private static final double ATM = 0.55;
    private static final double SKEW = -0.05;
    private static final double CURVATURE = 0.04;
    private static final double RATE = 0.03;
    private static final double T = 30 / 365.0;
    private static final double S = 95_000;

    @Test
    void shouldReturnAtmVolAtTheForward()
    {
        final double forward = S * Math.exp(RATE * T);
        assertEquals(ATM, MarketMath.smileIv(ATM, SKEW, CURVATURE, S, forward, T, RATE), 1e-12);
    }

    @Test
    void shouldPriceLowStrikesRicherAndBothWingsAboveTheMinimum()
    {
        final double sd = ATM * Math.sqrt(T);
        final double down = MarketMath.smileIv(ATM, SKEW, CURVATURE, S, S * Math.exp(-sd), T, RATE);
        final double up = MarketMath.smileIv(ATM, SKEW, CURVATURE, S, S * Math.exp(sd), T, RATE);
        assertTrue(down > up, down + " vs " + up);
        assertTrue(down > ATM);
        final double farUp = MarketMath.smileIv(ATM, SKEW, CURVATURE, S, S * Math.exp(3 * sd), T, RATE);
        assertTrue(farUp > ATM, "curvature lifts the far call wing: " + farUp);
    }

    @Test
    void shouldStayFiniteAtAndAfterExpiry()
    {
        for (final double t : new double[]{0.0, -0.01})
        {
            final double iv = MarketMath.smileIv(ATM, SKEW, CURVATURE, S, 100_000, t, RATE);
            assertTrue(iv >= MarketMath.MIN_IV && Double.isFinite(iv));
            assertEquals(5_000.0, MarketMath.mark(false, false, S, 100_000, t, RATE, iv), 1e-9);
            assertEquals(5_000.0 / S, MarketMath.mark(false, true, S, 100_000, t, RATE, iv), 1e-15);
        }
    }

    @Test
    void shouldQuoteInverseMarksInCoin()
    {
        final double usd = MarketMath.mark(true, false, S, 95_000, T, RATE, ATM);
        assertEquals(usd / S, MarketMath.mark(true, true, S, 95_000, T, RATE, ATM), 1e-15);
        assertEquals(0.5 * S * ATM * Math.sqrt(T) * 0.8, usd, 0.05 * usd, "about 0.4 S sigma sqrt(T) at the money");
    }
}
