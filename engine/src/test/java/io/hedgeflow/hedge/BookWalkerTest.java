package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookWalkerTest
{
    private static final double[] ASKS = {100, 101, 102};
    private static final double[] ASK_SIZES = {1, 2, 5};
    private static final double[] BIDS = {99, 98, 97};
    private static final double[] BID_SIZES = {1, 1, 10};

    private final BookWalker walker = new BookWalker();

    @Test
    void shouldGiveTheAveragePriceAndSlippageOfAWorkedBook()
    {
        // buy 2: 1 at 100 and 1 at 101, average 100.5: 50 bps over the touch, (100.5 - 99.5) / 99.5 = 100.5 bps
        // over the mid 99.5
        assertTrue(walker.walk(true, ASKS, ASK_SIZES, 3, 2, 100));
        assertEquals(100.5, walker.averagePrice(), 1e-12);
        assertEquals(50.0, walker.slippageBps(), 1e-9);
        walker.walk(true, ASKS, ASK_SIZES, 3, 2, 99.5);
        assertEquals(1e4 / 99.5, walker.slippageBps(), 1e-9);
        // sell 3 (sign ignored): 99 + 98 + 97 = 294, average 98, 1 / 99 = 101.01 bps under the touch
        assertTrue(walker.walk(false, BIDS, BID_SIZES, 3, -3, 99));
        assertEquals(98.0, walker.averagePrice(), 1e-12);
        assertEquals(1e4 / 99, walker.slippageBps(), 1e-9);
        // more than the book: the result covers what it holds
        assertFalse(walker.walk(true, ASKS, ASK_SIZES, 3, 10, 100));
        assertEquals(8.0, walker.filled());
        assertEquals((100 + 202 + 510) / 8.0, walker.averagePrice(), 1e-12);
        assertFalse(walker.complete());
    }

    @Test
    void shouldFindTheLargestSizeWithinTheCap()
    {
        // cap 60 bps over 100: limit 100.6; level 1 (1 at 100) stays under, then e = (100.6 x 1 - 100) / (101 - 100.6)
        // = 1.5 more at 101: 2.5 in all, average exactly 100.6
        assertEquals(2.0, walker.maxQuantity(true, ASKS, ASK_SIZES, 3, 100, 60, 1), 1e-12);
        assertEquals(50.0, walker.slippageBps(), 1e-9);
        final double q = walker.maxQuantity(true, ASKS, ASK_SIZES, 3, 100, 60, 0.1);
        assertTrue(q >= 2.4 - 1e-12 && q <= 2.5 + 1e-12, "q " + q);
        assertTrue(walker.slippageBps() <= 60);
        assertEquals(1.0, walker.maxQuantity(true, ASKS, ASK_SIZES, 3, 100, 0, 0.5), 1e-12, "the touch is free");
        assertEquals(8.0, walker.maxQuantity(true, ASKS, ASK_SIZES, 3, 100, 1000, 1), 1e-12, "whole book");
        assertEquals(0.0, walker.maxQuantity(true, ASKS, ASK_SIZES, 3, 99.5, 10, 1), "the spread exceeds the cap");
        assertEquals(0.0, walker.maxQuantity(true, ASKS, ASK_SIZES, 3, 0, 10, 1));
    }

    @Test
    void shouldNeverExceedTheCapAndBeMaximalOnRandomBooks()
    {
        final SplittableRandom random = new SplittableRandom(77);
        final double[] prices = new double[10];
        final double[] sizes = new double[10];
        for (int trial = 0; trial < 5000; trial++)
        {
            final boolean buy = random.nextBoolean();
            final int levels = 1 + random.nextInt(10);
            double p = random.nextDouble(10, 100_000);
            final double touch = p;
            final double tick = touch * random.nextDouble(1e-5, 1e-2);
            for (int i = 0; i < levels; i++)
            {
                prices[i] = p;
                sizes[i] = random.nextInt(4) == 0 ? random.nextDouble(0.001, 0.1) : random.nextDouble(0.1, 50);
                p += (buy ? 1 : -1) * tick * (1 + random.nextInt(5));
            }
            final double reference = random.nextBoolean() ? touch : touch - (buy ? 1 : -1) * tick / 2;
            final double cap = random.nextDouble(0, 200);
            final double lot = random.nextBoolean() ? 0.001 : random.nextDouble(0.001, 5);
            final double q = walker.maxQuantity(buy, prices, sizes, levels, reference, cap, lot);
            if (q > 0)
            {
                assertTrue(walker.walk(buy, prices, sizes, levels, q, reference), "within the book");
                assertTrue(walker.slippageBps() <= cap, () -> "cap " + cap + " exceeded: " + walker.slippageBps());
            }
            final boolean moreFits = walker.walk(buy, prices, sizes, levels, q + lot, reference) &&
                walker.slippageBps() < cap - 1e-9;
            assertFalse(moreFits, () -> "one more lot would still fit: q " + q + " lot " + lot + " cap " + cap +
                " reference " + reference + " buy " + buy +
                " prices " + Arrays.toString(Arrays.copyOf(prices, levels)) +
                " sizes " + Arrays.toString(Arrays.copyOf(sizes, levels)));
        }
    }
}
