package io.hedgeflow.logic;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.greeks.GreekKernelType;
import io.hedgeflow.greeks.GreekVectors;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DeltaEnvelope}: every total delta the vector kernel computes after moves of spot, time and volatilities
 * lies within the radius around the last computed one, and without a bound no band check is called quiet.
 */
class DeltaEnvelopeTest
{
    private static final long NOW = 1_767_225_600_000_000_000L;
    private static final long HOUR = 3_600_000_000_000L;
    private static final long DAY = 24 * HOUR;
    private static final double RATE = 0.03;
    private static final double CARRY = 0.01;
    private static final double SPOT = 3_000.0;
    private static final int OPTIONS = 41;

    private final Instruments ins = new Instruments(OPTIONS);
    private final SplittableRandom random = new SplittableRandom(29);

    DeltaEnvelopeTest()
    {
        for (int k = 0; k < OPTIONS; k++)
        {
            ins.add(100 + k, 0, InstrumentKind.OPTION, k % 3 == 0 ? Settlement.LINEAR : Settlement.INVERSE,
                k % 2 == 0 ? OptionType.CALL : OptionType.PUT, 1.0 + k % 4, 0.5, 1.0, 1.0, 1_500.0 + 75.0 * k,
                NOW + 2 * DAY + k % 7 * 30 * DAY);
        }
    }

    @Test
    void shouldBoundEveryTotalTheKernelComputesAfterMovesOfSpotTimeVolatilityAndQuantity()
    {
        int bounded = 0;
        try (UnderlyingBook book = book(); GreekVectors reference = copyOf(book))
        {
            for (int trial = 0; trial < 200; trial++)
            {
                for (int slot = 0; slot < OPTIONS; slot++)
                {
                    book.quantity(slot, random.nextInt(4) == 0 ? 0.0 : random.nextInt(-40, 40));
                    book.vol(slot, 0.2 + random.nextDouble());
                }
                final long anchorNs = NOW + random.nextLong(DAY);
                book.indexPrice = SPOT * (0.8 + 0.4 * random.nextDouble());
                book.refresh(anchorNs);
                double center = (trial % 2 == 0 ? book.firstOrder() : book.greeks()).totalDelta();
                for (int step = 0; step < 20; step++)
                {
                    final double relative = Math.pow(10.0, -1.0 - 5.0 * random.nextDouble());
                    final double s = book.indexPrice * (1.0 + (random.nextBoolean() ? relative : -relative));
                    final long nowNs = anchorNs + random.nextLong(step * HOUR + 1);
                    final int slot = random.nextInt(OPTIONS);
                    book.vol(slot, book.vectors.vol(slot) * (1.0 + 0.02 * (random.nextDouble() - 0.5)));
                    if (random.nextInt(4) == 0)
                    {
                        final int traded = random.nextInt(OPTIONS);
                        final double m = ins.contractSize[book.optionInstrument[traded]];
                        final double before = book.vectors.quantity(traded);
                        final double after = before + random.nextInt(-5, 6);
                        center += (after * m - before * m) * book.vectors.delta(traded);
                        book.quantity(traded, after);
                    }
                    final double radius = book.envelope.radius(s, nowNs);
                    assertTrue(Double.isFinite(radius), "a bound far from expiry");
                    bounded++;
                    final double computed = computed(book, reference, s, nowNs);
                    final double expected = center;
                    assertTrue(Math.abs(computed - expected) <= radius, () -> "computed " + computed +
                        " anchor, with the trades at its deltas, " + expected + " radius " + radius);
                }
            }
        }
        assertEquals(200 * 20, bounded);
    }

    @Test
    void shouldBoundAnOptionBoughtAfterItsVolatilityMovedSinceTheComputation()
    {
        try (UnderlyingBook book = book(); GreekVectors reference = copyOf(book))
        {
            for (int slot = 0; slot < OPTIONS; slot++)
            {
                book.vol(slot, 0.3);
            }
            book.quantity(0, 10.0);
            book.indexPrice = SPOT;
            book.refresh(NOW);
            final double anchorTotal = book.firstOrder().totalDelta();
            final int bought = 20;
            book.vol(bought, 1.5);
            final double m = ins.contractSize[book.optionInstrument[bought]];
            final double center = anchorTotal + 40.0 * m * book.vectors.delta(bought);
            book.quantity(bought, 40.0);
            final double computed = computed(book, reference, SPOT, NOW);
            final double radius = book.envelope.radius(SPOT, NOW);
            assertTrue(Math.abs(computed - center) <= radius, () -> "computed " + computed + " center " + center +
                " radius " + radius);
        }
    }

    @Test
    void shouldGiveABoundFarInsideABandForTheMovesOfOneTick()
    {
        try (UnderlyingBook book = anchoredBook())
        {
            double contracts = 0.0;
            for (int slot = 0; slot < OPTIONS; slot++)
            {
                contracts += Math.abs(book.vectors.quantity(slot) * ins.contractSize[book.optionInstrument[slot]]);
            }
            final double radius = book.envelope.radius(SPOT * (1.0 + 1e-5), NOW + 1_000_000L);
            assertTrue(radius < 1e-3 * contracts, "under a thousandth of delta per contract held: " + radius);
            assertTrue(book.envelope.inside(SPOT, NOW, 0.0, book.vectors.totalDelta(), 0.1));
            assertFalse(book.envelope.inside(SPOT, NOW, 0.0, book.vectors.totalDelta() + 0.1, 0.1),
                "a total on the band's edge is never called quiet");
        }
    }

    @Test
    void shouldGiveNoBoundBeforeAComputation()
    {
        try (UnderlyingBook book = book())
        {
            book.quantity(3, 1.0);
            book.vol(3, 0.5);
            assertFalse(book.envelope.inside(SPOT, NOW, 0.0, 0.0, Double.MAX_VALUE), "never computed");
            book.indexPrice = SPOT;
            book.refresh(NOW);
            book.firstOrder();
            assertTrue(book.envelope.inside(SPOT, NOW, 0.0, 0.0, Double.MAX_VALUE), "bounded after the computation");
        }
    }

    @Test
    void shouldGiveNoBoundWhenAnOptionHeldHasNoVolatilityYet()
    {
        try (UnderlyingBook book = anchoredBook())
        {
            book.vol(5, 0.0);
            assertEquals(Double.POSITIVE_INFINITY, book.envelope.radius(SPOT, NOW));
        }
    }

    @Test
    void shouldGiveNoBoundNearTheExpiryOfAnOptionHeld()
    {
        try (UnderlyingBook book = anchoredBook())
        {
            final long firstExpiryNs = NOW + 2 * DAY;
            assertTrue(Double.isFinite(book.envelope.radius(SPOT, firstExpiryNs - HOUR)));
            assertEquals(Double.POSITIVE_INFINITY, book.envelope.radius(SPOT, firstExpiryNs - 1_000L));
            assertEquals(Double.POSITIVE_INFINITY, book.envelope.radius(SPOT, firstExpiryNs + DAY));
        }
    }

    private UnderlyingBook anchoredBook()
    {
        final UnderlyingBook book = book();
        for (int slot = 0; slot < OPTIONS; slot++)
        {
            book.quantity(slot, random.nextInt(-40, 40));
            book.vol(slot, 0.3 + 0.5 * random.nextDouble());
        }
        book.indexPrice = SPOT;
        book.refresh(NOW);
        book.firstOrder();
        return book;
    }

    private static double computed(
        final UnderlyingBook book, final GreekVectors reference, final double s, final long nowNs)
    {
        for (int slot = 0; slot < book.optionCount(); slot++)
        {
            reference.quantity(slot, book.vectors.quantity(slot));
            reference.vol(slot, book.vectors.vol(slot));
        }
        reference.computeFirstOrder(s, RATE, CARRY, nowNs);
        return reference.totalDelta();
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
}
