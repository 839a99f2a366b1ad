package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.greeks.ImpliedVol;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reuse of an option's total volatility when its mark and forward repeat gives its first solve's bits. */
class MarkVolatilityTest
{
    private static final long EXPIRY_NS = 1_687_507_200_000_000_000L;
    private static final double NS_PER_YEAR = 365.0 * 86_400.0 * 1e9;

    private final DeribitInstruments instruments = new DeribitInstruments(new DeribitUnderlyings());
    private final MarkVolatility volatility = new MarkVolatility(instruments);
    private final int slot = instruments.add(7, "BTC-23JUN23-26000-C");

    MarkVolatilityTest()
    {
        instruments.underlyingId[slot] = 1;
        instruments.kind[slot] = InstrumentKind.OPTION;
        instruments.inverse[slot] = true;
        instruments.call[slot] = true;
        instruments.strike[slot] = 26_000.0;
        instruments.expiryNs[slot] = EXPIRY_NS;
        instruments.future[slot] = DeribitInstruments.MISSING;
        instruments.index[1] = 25_100.0;
    }

    @Test
    void shouldReuseTheTotalVolatilityOfTheSameMarkAndForwardAtAnotherTimeBitForBit()
    {
        instruments.mark[slot] = 0.0123;
        final double w = ImpliedVol.totalVolatility(true, 25_100.0, 26_000.0, Math.log(25_100.0) - Math.log(26_000.0),
            0.0123 * 25_100.0, new double[ImpliedVol.TRACK_LENGTH], 0);
        final long[] times = {EXPIRY_NS - 86_400_000_000_000L * 7, EXPIRY_NS - 86_400_000_000_000L * 7 + 1_000_000L,
            EXPIRY_NS - 3_600_000_000_000L};
        for (int i = 0; i < times.length; i++)
        {
            assertEquals(MarkVolatility.SOLVED, volatility.solve(slot, times[i]));
            final double years = (EXPIRY_NS - times[i]) / NS_PER_YEAR;
            assertEquals(Double.doubleToRawLongBits(ImpliedVol.volatility(w, years)),
                Double.doubleToRawLongBits(instruments.iv[slot]), "ticker " + i);
            final double full = ImpliedVol.solve(true, 25_100.0, 26_000.0, years, 0.0, 0.0, 0.0123 * 25_100.0);
            assertEquals(full, instruments.iv[slot], 1e-13 * full, "ticker " + i + ": ln F - ln K for ln(F / K)");
            assertEquals(i, volatility.reused());
        }

        instruments.mark[slot] = 0.0124;
        volatility.solve(slot, times[2]);
        assertEquals(2, volatility.reused(), "a new mark is solved");
        instruments.index[1] = 25_101.0;
        volatility.solve(slot, times[2]);
        assertEquals(2, volatility.reused(), "a new forward is solved");
    }
}
