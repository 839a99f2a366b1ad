package io.hedgeflow.greeks;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GreekVectorsTest
{
    private static final long NOW = 1_750_000_000_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;
    private static final int L = GreekKernel.LANES;

    private static GreekVectors randomBook(final int n, final long seed)
    {
        return randomBook(n, seed, GreekKernelType.VECTOR);
    }

    private static GreekVectors randomBook(final int n, final long seed, final GreekKernelType kernel)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final GreekVectors book = new GreekVectors(n, kernel);
        for (int i = 0; i < n; i++)
        {
            addRandomOption(book, random, i);
        }
        return book;
    }

    private static double[][] outputs(final GreekVectors b)
    {
        final IntToDoubleFunction[] greeks = {b::price, b::delta, b::gamma, b::vega, b::theta, b::rho, b::vanna,
            b::volga, b::charm};
        final double[][] out = new double[greeks.length][b.size()];
        for (int g = 0; g < greeks.length; g++)
        {
            for (int i = 0; i < b.size(); i++)
            {
                out[g][i] = greeks[g].applyAsDouble(i);
            }
        }
        return out;
    }

    /** BSM with rate and carry, Black-76, zero rate and carry, zero carry, zero rate, zero spot. */
    private static final double[][] MARKETS = {{61_000.0, 0.04, 0.015}, {61_000.0, 0.04, Double.NaN},
        {61_000.0, 0.0, 0.0}, {61_000.0, 0.04, 0.0}, {61_000.0, 0.0, 0.02}, {0.0, 0.04, 0.015}};

    private static void compute(final GreekVectors book, final double[] market)
    {
        if (Double.isNaN(market[2]))
        {
            book.computeBlack76(market[0], market[1], NOW);
        }
        else
        {
            book.compute(market[0], market[1], market[2], NOW);
        }
    }

    @Test
    void shouldEqualScalarBitForBitOnRandomBooksOfEveryTailLength()
    {
        for (final int n : new int[]{1, 2, L - 1, L, L + 1, 2 * L + 3, 1000, 1021})
        {
            try (GreekVectors book = randomBook(n, n); GreekVectors reference = randomBook(n, n, GreekKernelType.SCALAR))
            {
                for (final double[] market : MARKETS)
                {
                    compute(reference, market);
                    final double[][] scalar = outputs(reference);
                    compute(book, market);
                    final double[][] vector = outputs(book);
                    for (int g = 0; g < scalar.length; g++)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            final double a = scalar[g][i], b = vector[g][i];
                            if (Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(b))
                            {
                                throw new AssertionError("n=" + n + " market " + Arrays.toString(market) +
                                    " greek " + g + " slot " + i + ": scalar " + a + " vector " + b);
                            }
                        }
                    }
                    assertSameTotals(book, reference, "n=" + n + " market " + Arrays.toString(market));
                }
            }
        }
    }

    @Test
    void shouldComputeFirstOrderWithTheBitsOfTheFullKernelAndKeepTheOtherOutputs()
    {
        for (final GreekKernelType kernel : GreekKernelType.values())
        {
            computeFirstOrderWithTheBitsOfTheFullKernel(kernel);
        }
    }

    private static void computeFirstOrderWithTheBitsOfTheFullKernel(final GreekKernelType kernel)
    {
        for (final int n : new int[]{1, L + 1, 2 * L + 3, 1021})
        {
            try (GreekVectors book = randomBook(n, n, kernel); GreekVectors full = randomBook(n, n))
            {
                for (final double[] market : MARKETS)
                {
                    if (Double.isNaN(market[2]))
                    {
                        continue;
                    }
                    book.compute(market[0] * 1.1, market[1], market[2], NOW - DAY);
                    final double[][] before = outputs(book);
                    book.computeFirstOrder(market[0], market[1], market[2], NOW);
                    full.compute(market[0], market[1], market[2], NOW);
                    final double[][] expected = outputs(full);
                    final double[][] actual = outputs(book);
                    for (int g = 0; g < actual.length; g++)
                    {
                        final double[] want = g < 2 ? expected[g] : before[g];
                        for (int i = 0; i < n; i++)
                        {
                            assertEquals(Double.doubleToRawLongBits(want[i]), Double.doubleToRawLongBits(actual[g][i]),
                                kernel + " n=" + n + " market " + Arrays.toString(market) + " greek " + g + " slot " + i);
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldReduceTotalsOverQuantityTimesMultiplier()
    {
        for (final int n : new int[]{1, L + 1, 1000})
        {
            final SplittableRandom random = new SplittableRandom(n);
            try (GreekVectors book = new GreekVectors(n))
            {
                final double[] qm = new double[n];
                for (int i = 0; i < n; i++)
                {
                    final double multiplier = random.nextDouble(0.1, 10.0);
                    final int slot = book.add(random.nextBoolean(), random.nextDouble(40_000.0, 80_000.0),
                        NOW + random.nextLong(DAY, 365 * DAY), false, multiplier);
                    book.quantity(slot, random.nextDouble(-50.0, 50.0));
                    book.vol(slot, random.nextDouble(0.3, 1.0));
                    qm[i] = book.quantity(slot) * multiplier;
                }
                book.compute(58_000.0, 0.03, 0.0, NOW);
                double delta = 0, gamma = 0, vega = 0, value = 0;
                for (int i = 0; i < n; i++)
                {
                    delta += qm[i] * book.delta(i);
                    gamma += qm[i] * book.gamma(i);
                    vega += qm[i] * book.vega(i);
                    value += qm[i] * book.price(i);
                }
                assertEquals(delta, book.totalDelta(), 1e-10 * Math.max(1.0, Math.abs(delta)));
                assertEquals(gamma, book.totalGamma(), 1e-10 * Math.abs(gamma));
                assertEquals(vega, book.totalVega(), 1e-10 * Math.abs(vega));
                assertEquals(value, book.totalValue(), 1e-10 * Math.abs(value));
            }
        }
    }

    @Test
    void shouldComputeDegenerateSlotsAsDefined()
    {
        for (final GreekKernelType kernel : GreekKernelType.values())
        {
            computeDegenerateSlotsAsDefined(kernel);
        }
    }

    private static void computeDegenerateSlotsAsDefined(final GreekKernelType kernel)
    {
        try (GreekVectors book = new GreekVectors(5, kernel))
        {
            book.vol(book.add(true, 100.0, NOW - DAY, false, 1.0), 0.5);     // expired, in the money
            book.vol(book.add(false, 100.0, NOW + 365 * DAY, false, 1.0), 0.0); // zero vol, out of the money
            book.vol(book.add(true, 100.0, NOW + 365 * DAY, false, 1.0), -1.0); // negative vol, in the money
            book.vol(book.add(true, 100.0, NOW, true, 1.0), 0.5);            // expiring now, inverse
            book.vol(book.add(false, 0.0, NOW + DAY, false, 1.0), 0.5);      // zero strike put
            final double[] out = new double[BlackScholes.OUTPUTS];
            book.compute(120.0, 0.05, 0.02, NOW);
            final double[][] got = outputs(book);
            assertEquals(20.0, got[0][0]);
            assertEquals(1.0, got[1][0]);
            assertEquals(0.0, got[4][0], 0.0);
            assertEquals(0.0, got[0][1], 0.0);
            assertEquals(0.0, got[1][1], 0.0);
            BlackScholes.greeks(true, 120.0, 100.0, 1.0, 0.05, 0.02, 0.0, false, false, out);
            for (int g = 0; g < out.length; g++)
            {
                assertEquals(out[g], got[g][2], 1e-13 * Math.max(1.0, Math.abs(out[g])));
            }
            assertEquals(20.0 / 120.0, got[0][3], 1e-16);
            assertEquals(1.0 - 20.0 / 120.0, got[1][3], 1e-16);
            assertEquals(0.0, got[0][4], 0.0);
            assertEquals(0.0, got[2][4], 0.0);
        }
    }

    @Test
    void shouldRejectOverflowAndUnknownSlots()
    {
        try (GreekVectors book = new GreekVectors(1))
        {
            book.add(true, 1.0, NOW, false, 1.0);
            assertThrows(IllegalStateException.class, () -> book.add(true, 1.0, NOW, false, 1.0));
            assertThrows(IndexOutOfBoundsException.class, () -> book.delta(1));
            assertEquals(1, book.size());
        }
    }

    @Test
    void shouldSizeTheColumnsByTheBookAndKeepEverySlotWhenTheyWiden()
    {
        for (final int capacity : new int[]{300, 600})
        {
            assertWidensKeepingEverySlot(capacity);
        }
    }

    private static void assertWidensKeepingEverySlot(final int capacity)
    {
        try (GreekVectors book = new GreekVectors(capacity); GreekVectors other = randomBook(capacity, 7))
        {
            final SplittableRandom random = new SplittableRandom(7);
            long expectedStride = GreekKernel.stride(0);
            assertEquals(expectedStride, book.stride());
            for (int i = 0; i < capacity; i++)
            {
                if (i == expectedStride)
                {
                    expectedStride = GreekKernel.stride(Math.min(capacity, 2 * i));
                }
                addRandomOption(book, random, i);
                book.compute(61_000.0, 0.04, 0.015, NOW);
                assertEquals(expectedStride, book.stride(), "size " + book.size());
            }
            other.compute(61_000.0, 0.04, 0.015, NOW);
            final double[][] expected = outputs(other);
            final double[][] actual = outputs(book);
            for (int g = 0; g < actual.length; g++)
            {
                for (int i = 0; i < capacity; i++)
                {
                    assertEquals(Double.doubleToRawLongBits(expected[g][i]), Double.doubleToRawLongBits(actual[g][i]),
                        "greek " + g + " slot " + i);
                }
            }
            assertEquals(Double.doubleToRawLongBits(other.totalDelta()), Double.doubleToRawLongBits(book.totalDelta()));
            assertEquals(Double.doubleToRawLongBits(other.totalVega()), Double.doubleToRawLongBits(book.totalVega()));
        }
    }

    @Test
    void shouldRunTheOutputsPassAloneOnlyAtTheSameMarketTimeOptionsAndVolatilities()
    {
        for (final int n : new int[]{L + 1, GreekKernel.CHUNK, GreekKernel.CHUNK + 1})
        {
            try (GreekVectors book = randomBook(n, n); GreekVectors fresh = randomBook(n, n))
            {
                book.computeFirstOrder(61_000.0, 0.04, 0.015, NOW);
                book.compute(61_000.0, 0.04, 0.015, NOW);
                fresh.compute(61_000.0, 0.04, 0.015, NOW);
                assertSameBits(fresh, book, "n=" + n + " the same market");
                book.vol(n - 1, 0.77);
                fresh.vol(n - 1, 0.77);
                book.compute(61_000.0, 0.04, 0.015, NOW);
                fresh.compute(62_000.0, 0.04, 0.015, NOW);
                fresh.compute(61_000.0, 0.04, 0.015, NOW);
                assertSameBits(fresh, book, "n=" + n + " a volatility changed");
                book.computeFirstOrder(61_000.0, 0.04, 0.015, NOW + DAY);
                book.compute(61_000.0, 0.04, 0.015, NOW + DAY);
                fresh.compute(61_000.0, 0.04, 0.015, NOW + DAY);
                assertSameBits(fresh, book, "n=" + n + " another time");
                book.computeBlack76(61_000.0, 0.04, NOW + DAY);
                fresh.compute(62_000.0, 0.04, 0.015, NOW);
                fresh.computeBlack76(61_000.0, 0.04, NOW + DAY);
                assertSameBits(fresh, book, "n=" + n + " another model");
            }
        }
    }

    @Test
    void shouldWarmWithoutChangingTheBook()
    {
        try (GreekVectors book = randomBook(110, 3); GreekVectors other = randomBook(110, 3))
        {
            book.computeFirstOrder(61_000.0, 0.04, 0.015, NOW);
            other.computeFirstOrder(61_000.0, 0.04, 0.015, NOW);
            final long checksum = book.warm();
            assertEquals(checksum, book.warm());
            assertEquals(checksum, other.warm());
            assertSameBits(other, book, "warmed");
            book.compute(61_000.0, 0.04, 0.015, NOW);
            other.compute(61_000.0, 0.04, 0.015, NOW);
            assertSameBits(other, book, "computed after warming");
            for (int i = 0; i < book.size(); i++)
            {
                assertEquals(other.quantity(i), book.quantity(i));
                assertEquals(other.vol(i), book.vol(i));
            }
        }
    }

    private static void assertSameBits(final GreekVectors expected, final GreekVectors actual, final String what)
    {
        final double[][] want = outputs(expected);
        final double[][] got = outputs(actual);
        for (int g = 0; g < got.length; g++)
        {
            for (int i = 0; i < got[g].length; i++)
            {
                assertEquals(Double.doubleToRawLongBits(want[g][i]), Double.doubleToRawLongBits(got[g][i]),
                    what + ": greek " + g + " slot " + i);
            }
        }
        assertEquals(Double.doubleToRawLongBits(expected.totalGamma()), Double.doubleToRawLongBits(actual.totalGamma()),
            what);
    }

    private static void assertSameTotals(final GreekVectors expected, final GreekVectors actual, final String what)
    {
        assertEquals(Double.doubleToRawLongBits(expected.totalDelta()), Double.doubleToRawLongBits(actual.totalDelta()),
            what + ": total delta");
        assertEquals(Double.doubleToRawLongBits(expected.totalGamma()), Double.doubleToRawLongBits(actual.totalGamma()),
            what + ": total gamma");
        assertEquals(Double.doubleToRawLongBits(expected.totalVega()), Double.doubleToRawLongBits(actual.totalVega()),
            what + ": total vega");
        assertEquals(Double.doubleToRawLongBits(expected.totalValue()), Double.doubleToRawLongBits(actual.totalValue()),
            what + ": total value");
    }

    @Test
    void shouldAlignColumnsToCacheLinesAndPadToVectors()
    {
        assertEquals(0, GreekKernel.stride(1) % Math.max(8, L));
        assertEquals(0, GreekKernel.stride(1021) % Math.max(8, L));
        assertEquals(512 + 8, GreekKernel.stride(509), "4 KiB apart: one cache line more");
        assertEquals(1024 + 8, GreekKernel.stride(1021));
        for (final int capacity : new int[]{0, 1, 255, 256, 511, 512, 513, 1024, 2048, 4096, 16384})
        {
            assertNotEquals(0, GreekKernel.stride(capacity) * Double.BYTES % 4096, "capacity " + capacity);
        }
    }

    /**
     * Adds the i-th option of a seeded random book: inverse at random in alternate runs of 2 vectors, linear only in
     * the others (the kernel skips the coin conversion for a vector without an inverse option); one option in 20 has
     * no volatility, so about two thirds of the whole vectors are all regular (the kernel skips the degenerate-case
     * selects for those) and the others are not.
     */
    private static void addRandomOption(final GreekVectors book, final SplittableRandom random, final int i)
    {
        final long expiry = NOW + random.nextLong(-2 * DAY, 3 * 365 * DAY);
        final int slot = book.add(random.nextBoolean(), 60_000.0 * random.nextDouble(0.5, 2.0), expiry,
            random.nextBoolean() && i % (4 * L) < 2 * L, random.nextDouble(0.1, 10.0));
        book.quantity(slot, random.nextDouble(-50.0, 50.0));
        book.vol(slot, random.nextInt(20) == 0 ? 0.0 : random.nextDouble(0.05, 2.0));
    }
}
