package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HedgeInstrumentChooserTest
{
    @Test
    void shouldChooseByFeesSlippageAndCarryOverTheHorizon()
    {
        // a week's hedge: spot (fee 10, slippage 2, no carry), perpetual (fee 5, slippage 1, funding 10%/year),
        // future (fee 5, slippage 3, basis 5%/year). Carry over 7/365 years: 0.10 x 7/365 x 1e4 = 19.178 bps and
        // 9.589 bps. Buying: spot 12, perpetual 25.178, future 17.589 -> spot. Selling (carry received):
        // spot 12, perpetual -13.178, future -1.589 -> perpetual.
        final HedgeInstrumentChooser chooser = new HedgeInstrumentChooser(4);
        assertEquals(0, chooser.add(10, 2, 0));
        assertEquals(1, chooser.add(5, 1, 0.10));
        assertEquals(2, chooser.add(5, 3, 0.05));
        final double week = 7.0 / 365.0;
        assertEquals(0, chooser.choose(true, week));
        assertEquals(12.0, chooser.costBps(0), 1e-12);
        assertEquals(6 + 1e4 * 0.10 * week, chooser.costBps(1), 1e-12);
        assertEquals(8 + 1e4 * 0.05 * week, chooser.costBps(2), 1e-12);
        assertEquals(1, chooser.choose(false, week));
        assertEquals(6 - 1e4 * 0.10 * week, chooser.costBps(1), 1e-12);
        assertEquals(1, chooser.choose(true, 0.0), "no horizon: fees and slippage only");
    }

    @Test
    void shouldBreakTiesByIndexAndSkipUnknownCosts()
    {
        final HedgeInstrumentChooser chooser = new HedgeInstrumentChooser(3);
        assertEquals(-1, chooser.choose(true, 1));
        chooser.add(Double.NaN, 0, 0);
        assertEquals(-1, chooser.choose(true, 1));
        chooser.add(5, 0, 0);
        chooser.add(5, 0, 0);
        assertEquals(-1, chooser.add(1, 0, 0), "full");
        assertEquals(1, chooser.choose(true, 1));
        chooser.clear();
        assertEquals(0, chooser.count());
    }
}
