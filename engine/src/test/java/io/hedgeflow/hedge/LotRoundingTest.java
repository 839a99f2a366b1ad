package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LotRoundingTest
{
    @Test
    void shouldRoundWorkedExamples()
    {
        assertEquals(0.3, LotRounding.round(0.3, 0.1, 0, false), 1e-15, "0.3 / 0.1 is 2.9999999999999996 lots");
        assertEquals(-0.3, LotRounding.round(-0.34, 0.1, 0, false), 1e-15);
        assertEquals(-0.4, LotRounding.round(-0.35, 0.1, 0, true), 1e-15, "halves away from zero");
        assertEquals(37.0, LotRounding.round(37.03, 1, 0, true), "Hull's 37 contracts");
        assertEquals(0.0, LotRounding.round(0.9, 1, 0, false));
        assertEquals(0.0, LotRounding.round(2, 1, 5, true), "below the minimum size");
        assertEquals(0.0, LotRounding.round(Double.NaN, 1, 0, true));
        assertEquals(0.0, LotRounding.round(3, 0, 0, true));
    }

    @Test
    void shouldNeverFlipTheSide()
    {
        final SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 100_000; i++)
        {
            final double q = random.nextDouble(-1e4, 1e4) * Math.pow(10, -random.nextInt(8));
            final double lot = Math.pow(10, random.nextInt(-6, 3)) * (1 + random.nextInt(5));
            final double min = random.nextBoolean() ? 0 : lot * random.nextInt(4);
            final boolean nearest = random.nextBoolean();
            final double r = LotRounding.round(q, lot, min, nearest);
            assertTrue(r == 0.0 || Math.signum(r) == Math.signum(q), () -> q + " -> " + r);
            final double slack = (nearest ? lot / 2 : lot * 1e-9) + 1e-12 * lot;
            assertTrue(Math.abs(r) <= Math.abs(q) + slack, () -> q + " -> " + r);
            final double lots = Math.abs(r) / lot;
            assertEquals(Math.rint(lots), lots, 1e-6 * Math.max(1, lots), () -> q + " -> " + r + " lot " + lot);
        }
    }
}
