package io.hedgeflow.gateway.deribit;

import io.hedgeflow.framing.Fixed8;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DepthBookTest
{
    private static final double CONTRACT_SIZE = 10.0;

    @Test
    void shouldKeepEachSideBestFirstWithFixed8PricesAndSizesInContracts()
    {
        final DepthBook book = new DepthBook();
        book.set(true, 100.5, 30.0, CONTRACT_SIZE);
        book.set(true, 101.0, 10.0, CONTRACT_SIZE);
        book.set(false, 102.0, 7.0, CONTRACT_SIZE);
        book.set(false, 101.5, 3.0, CONTRACT_SIZE);

        assertLevels(book.bids, new double[]{101.0, 100.5}, new double[]{10.0, 30.0});
        assertLevels(book.asks, new double[]{101.5, 102.0}, new double[]{3.0, 7.0});
    }

    @Test
    void shouldReplaceTheSizeOfAnExistingLevelAndRemoveALevelWithoutAPositiveAmount()
    {
        final DepthBook book = new DepthBook();
        book.set(true, 99.0, 5.0, CONTRACT_SIZE);
        book.set(true, 98.0, 5.0, CONTRACT_SIZE);
        book.set(true, 99.0, 25.0, CONTRACT_SIZE);
        book.set(true, 98.0, 0.0, CONTRACT_SIZE);
        book.set(true, 97.0, Double.NaN, CONTRACT_SIZE);

        assertLevels(book.bids, new double[]{99.0}, new double[]{25.0});
    }

    @Test
    void shouldDropALevelWorseThanAllKeptWhenASideIsFull()
    {
        final DepthBook book = new DepthBook();
        for (int i = 0; i < DepthBook.MAX_LEVELS; i++)
        {
            book.set(false, 200.0 + i, 1.0, CONTRACT_SIZE);
        }
        book.set(false, 1000.0, 1.0, CONTRACT_SIZE);
        book.set(false, 150.0, 2.0, CONTRACT_SIZE);

        assertEquals(DepthBook.MAX_LEVELS, book.asks.count);
        assertEquals(Fixed8.fromDouble(150.0), book.asks.wirePrices[0]);
        assertEquals(Fixed8.fromDouble(2.0 / CONTRACT_SIZE), book.asks.wireSizes[0]);
        final int last = DepthBook.MAX_LEVELS - 1;
        assertEquals(Fixed8.fromDouble(200.0 + last - 1), book.asks.wirePrices[last]);
    }

    private static void assertLevels(final DepthBook.Levels side, final double[] prices, final double[] amounts)
    {
        assertEquals(prices.length, side.count);
        final long[] wirePrices = new long[prices.length];
        final long[] wireSizes = new long[prices.length];
        for (int i = 0; i < prices.length; i++)
        {
            wirePrices[i] = Fixed8.fromDouble(prices[i]);
            wireSizes[i] = Fixed8.fromDouble(amounts[i] / CONTRACT_SIZE);
        }
        assertArrayEquals(prices, Arrays.copyOf(side.prices, side.count));
        assertArrayEquals(wirePrices, Arrays.copyOf(side.wirePrices, side.count));
        assertArrayEquals(wireSizes, Arrays.copyOf(side.wireSizes, side.count));
    }
}
