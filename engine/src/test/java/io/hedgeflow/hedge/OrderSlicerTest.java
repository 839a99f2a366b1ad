package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderSlicerTest
{
    @Test
    void shouldSliceIntoClipsSpacedInLogicTime()
    {
        final OrderSlicer slicer = new OrderSlicer();
        assertTrue(slicer.start(-10, 3, 1, 100, 1_000));
        assertEquals(-3.0, slicer.next(1_000));
        assertEquals(0.0, slicer.next(1_050), "too soon");
        assertEquals(-3.0, slicer.next(1_100));
        assertEquals(-3.0, slicer.next(1_250));
        assertEquals(1_350, slicer.dueNs());
        assertEquals(-1.0, slicer.remaining());
        assertEquals(-1.0, slicer.next(1_350));
        assertTrue(slicer.done());
        assertEquals(0.0, slicer.next(10_000));
    }

    @Test
    void shouldContinueFromARestoredState()
    {
        final OrderSlicer original = new OrderSlicer();
        original.start(10.5, 4.2, 0.5, 100, 1_000);
        original.next(1_000);
        final OrderSlicer copy = new OrderSlicer();
        copy.restore(original.remaining(), original.clip(), original.lot(), original.spacingNs(), original.dueNs());
        assertEquals(4.0, copy.clip());
        assertEquals(0.0, copy.next(1_099), "too soon");
        assertEquals(4.0, copy.next(1_100));
        assertEquals(2.5, copy.next(1_200));
        assertTrue(copy.done());
    }

    @Test
    void shouldRoundTheClipDownToTheLotAndRefuseBadArguments()
    {
        final OrderSlicer slicer = new OrderSlicer();
        assertTrue(slicer.start(0.7, 0.25, 0.1, 0, 0));
        assertEquals(0.2, slicer.next(0), 1e-15);
        assertEquals(0.2, slicer.next(0), 1e-15);
        assertEquals(0.2, slicer.next(0), 1e-15);
        assertEquals(0.1, slicer.next(0), 1e-12);
        assertTrue(slicer.done(), "the floating residue counts as done");
        assertTrue(slicer.start(5, 0.01, 1, 0, 0));
        assertEquals(1.0, slicer.next(0), "at least one lot");
        assertFalse(slicer.start(5, 0, 1, 0, 0));
        assertTrue(slicer.done());
        assertFalse(slicer.start(Double.NaN, 1, 1, 0, 0));
        assertFalse(slicer.start(5, 1, 1, -1, 0));
        slicer.start(5, 1, 1, 0, 0);
        slicer.reset();
        assertTrue(slicer.done());
    }
}
