package io.hedgeflow.gateway.deribit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The slot lookup by Deribit instrument id, with ids that share a lookup entry. */
class DeribitInstrumentsTest
{
    private final DeribitInstruments instruments = new DeribitInstruments(new DeribitUnderlyings());

    @Test
    void shouldFindEverySlotWhenIdsShareTheirLowBits()
    {
        final int[] ids = {0, 4096, 8192, 210_764, 210_764 + 4096, 7, -4089};
        for (int i = 0; i < ids.length; i++)
        {
            assertEquals(DeribitInstruments.MISSING, instruments.slotOf(ids[i]), "id " + ids[i] + " before");
            assertEquals(i, instruments.add(ids[i], "I" + i));
        }
        for (int i = 0; i < ids.length; i++)
        {
            assertEquals(i, instruments.slotOf(ids[i]), "id " + ids[i]);
        }
        assertEquals(DeribitInstruments.MISSING, instruments.slotOf(12_288));
        assertEquals(DeribitInstruments.MISSING, instruments.slotOf(8));
    }

    @Test
    void shouldNotFindIdZeroBeforeItIsAdded()
    {
        assertEquals(DeribitInstruments.MISSING, instruments.slotOf(0));
        instruments.add(4096, "A");
        assertEquals(DeribitInstruments.MISSING, instruments.slotOf(0));
        instruments.add(0, "B");
        assertEquals(1, instruments.slotOf(0));
        assertEquals(0, instruments.slotOf(4096));
    }
}
