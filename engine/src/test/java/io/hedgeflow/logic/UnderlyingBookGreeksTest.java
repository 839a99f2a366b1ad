package io.hedgeflow.logic;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.greeks.GreekKernelType;
import io.hedgeflow.greeks.GreekVectors;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The book computes its Greeks when they are read ({@link UnderlyingBook#refresh}, {@link UnderlyingBook#firstOrder},
 * {@link UnderlyingBook#greeks}): what is read must have the bits of a vector computation at the refresh.
 */
class UnderlyingBookGreeksTest
{
    private static final long NOW = 1_767_225_600_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;
    private static final double RATE = 0.03;
    private static final double CARRY = 0.01;
    private static final int OPTIONS = 37;

    private final Instruments ins = new Instruments(OPTIONS);
    private final SplittableRandom random = new SplittableRandom(13);

    UnderlyingBookGreeksTest()
    {
        for (int k = 0; k < OPTIONS; k++)
        {
            ins.add(100 + k, 0, InstrumentKind.OPTION, k % 3 == 0 ? Settlement.INVERSE : Settlement.LINEAR,
                k % 2 == 0 ? OptionType.CALL : OptionType.PUT, 1.0, 0.5, 1.0, 1.0, 2_000.0 + 100.0 * k,
                NOW + (1 + k % 5) * 7 * DAY);
        }
    }

    @Test
    void shouldReadTheBitsOfAComputationAtTheRefresh()
    {
        try (UnderlyingBook book = book(); GreekVectors reference = copyOf(book))
        {
            for (int step = 0; step < 20; step++)
            {
                final long now = NOW + step * 3_600_000_000_000L;
                move(book, reference);
                book.refresh(now);
                reference.compute(book.indexPrice, RATE, CARRY, now);
                assertAllOutputs(reference, book.greeks(), step);
            }
        }
    }

    @Test
    void shouldReadPriceAndDeltaFirstThenAllWithTheBitsOfOneComputation()
    {
        try (UnderlyingBook book = book(); GreekVectors reference = copyOf(book))
        {
            for (int step = 0; step < 10; step++)
            {
                final long now = NOW + step * 3_600_000_000_000L;
                move(book, reference);
                book.refresh(now);
                reference.compute(book.indexPrice, RATE, CARRY, now);
                final GreekVectors firstOrder = book.firstOrder();
                for (int slot = 0; slot < reference.size(); slot++)
                {
                    assertBits(reference.price(slot), firstOrder.price(slot), "price " + slot, step);
                    assertBits(reference.delta(slot), firstOrder.delta(slot), "delta " + slot, step);
                }
                assertBits(reference.totalDelta(), firstOrder.totalDelta(), "total delta", step);
                assertAllOutputs(reference, book.greeks(), step);
            }
        }
    }

    @Test
    void shouldComputeAtTheRefreshNotAtTheRead()
    {
        try (UnderlyingBook book = book(); GreekVectors reference = copyOf(book))
        {
            move(book, reference);
            book.refresh(NOW);
            reference.compute(book.indexPrice, RATE, CARRY, NOW);
            book.refresh(NOW + DAY);
            assertAllOutputs(reference, book.greeks(), 0);
        }
    }

    @Test
    void shouldComputeNothingThatIsNotRead()
    {
        try (UnderlyingBook book = book(); GreekVectors reference = copyOf(book))
        {
            move(book, reference);
            book.refresh(NOW);
            assertEquals(0.0, book.vectors.totalDelta(), "nothing computed before the read");
            reference.compute(book.indexPrice, RATE, CARRY, NOW);
            assertAllOutputs(reference, book.greeks(), 0);
            move(book, reference);
            book.refresh(NOW + DAY);
            assertAllOutputs(reference, book.vectors, 1);
        }
    }

    private UnderlyingBook book()
    {
        final UnderlyingBook book = new UnderlyingBook(7, 0, OPTIONS, 1, new PolicyContext().conclude(), RATE, CARRY,
            GreekKernelType.VECTOR);
        for (int i = 0; i < OPTIONS; i++)
        {
            book.addOption(ins, i);
        }
        return book;
    }

    /** An empty book with the options of book. */
    private GreekVectors copyOf(final UnderlyingBook book)
    {
        final GreekVectors copy = new GreekVectors(OPTIONS);
        for (int slot = 0; slot < book.optionCount(); slot++)
        {
            final int i = book.optionInstrument[slot];
            copy.add(ins.call[i], ins.strike[i], ins.expiryNs[i], ins.inverse[i], ins.contractSize[i]);
        }
        return copy;
    }

    /** New vols for some options, new quantities for others, a new index: the same in book and reference. */
    private void move(final UnderlyingBook book, final GreekVectors reference)
    {
        for (int slot = 0; slot < book.optionCount(); slot++)
        {
            if (random.nextInt(3) == 0)
            {
                final double vol = 0.2 + random.nextDouble();
                book.vectors.vol(slot, vol);
                reference.vol(slot, vol);
            }
            if (random.nextInt(4) == 0)
            {
                final double quantity = random.nextInt(-50, 50);
                book.vectors.quantity(slot, quantity);
                reference.quantity(slot, quantity);
            }
        }
        book.indexPrice = 2_500.0 + 1_000.0 * random.nextDouble();
        book.dirty = true;
    }

    private static void assertAllOutputs(final GreekVectors expected, final GreekVectors actual, final int step)
    {
        for (int slot = 0; slot < expected.size(); slot++)
        {
            assertBits(expected.price(slot), actual.price(slot), "price " + slot, step);
            assertBits(expected.delta(slot), actual.delta(slot), "delta " + slot, step);
            assertBits(expected.gamma(slot), actual.gamma(slot), "gamma " + slot, step);
            assertBits(expected.vega(slot), actual.vega(slot), "vega " + slot, step);
            assertBits(expected.theta(slot), actual.theta(slot), "theta " + slot, step);
            assertBits(expected.rho(slot), actual.rho(slot), "rho " + slot, step);
            assertBits(expected.vanna(slot), actual.vanna(slot), "vanna " + slot, step);
            assertBits(expected.volga(slot), actual.volga(slot), "volga " + slot, step);
            assertBits(expected.charm(slot), actual.charm(slot), "charm " + slot, step);
        }
        assertBits(expected.totalGamma(), actual.totalGamma(), "total gamma", step);
        assertBits(expected.totalVega(), actual.totalVega(), "total vega", step);
        assertBits(expected.totalValue(), actual.totalValue(), "total value", step);
    }

    private static void assertBits(final double expected, final double actual, final String what, final int step)
    {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
            () -> what + " at step " + step + ": expected " + expected + ", was " + actual);
    }
}
