package io.hedgeflow.backtest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiceScaleTest
{
    @Test
    void shouldPutTicksOnOneTwoFiveStepsCoveringTheRange()
    {
        assertTicks(NiceScale.of(-570_454.0, 1_234_567.0, 6), -1_000_000.0, 1_500_000.0, 500_000.0,
            "-1,000,000", "-500,000", "0", "500,000", "1,000,000", "1,500,000");
        assertTicks(NiceScale.of(0.0, 0.1734, 6), 0.0, 0.2, 0.05, "0.00", "0.05", "0.10", "0.15", "0.20");
        assertTicks(NiceScale.of(21_000.0, 54_000.0, 6), 20_000.0, 60_000.0, 10_000.0,
            "20,000", "30,000", "40,000", "50,000", "60,000");
        assertTicks(NiceScale.of(-0.3, 0.7, 6), -0.4, 0.8, 0.2, "-0.4", "-0.2", "0.0", "0.2", "0.4", "0.6", "0.8");
    }

    @Test
    void shouldWidenAnEmptyRangeAndKeepAtMostTheAskedIntervals()
    {
        final NiceScale flat = NiceScale.of(5.0, 5.0, 6);
        assertTrue(flat.min < 5.0 && flat.max > 5.0, flat.min + " " + flat.max);
        for (final double span : new double[]{1e-7, 3.3e-3, 0.97, 17.0, 123_456.0, 9.9e9})
        {
            final NiceScale s = NiceScale.of(-span / 3, span, 6);
            assertTrue(s.intervals() <= 6 && s.min <= -span / 3 && s.max >= span, span + ": " + s.intervals());
            final double leading = s.step / Math.pow(10.0, Math.floor(Math.log10(s.step) + 1e-9));
            assertTrue(Math.abs(leading - 1) < 1e-9 || Math.abs(leading - 2) < 1e-9 || Math.abs(leading - 5) < 1e-9,
                span + ": step " + s.step);
        }
    }

    private static void assertTicks(final NiceScale scale, final double min, final double max, final double step,
        final String... labels)
    {
        assertEquals(min, scale.min, 1e-9 * Math.abs(step));
        assertEquals(max, scale.max, 1e-9 * Math.abs(step));
        assertEquals(step, scale.step, 1e-12 * step);
        final List<String> shown = new ArrayList<>();
        for (int i = 0; i <= scale.intervals(); i++)
        {
            shown.add(scale.label(scale.tick(i)));
        }
        assertEquals(List.of(labels), shown);
    }
}
