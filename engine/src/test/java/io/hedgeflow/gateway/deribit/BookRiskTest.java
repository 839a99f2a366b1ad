package io.hedgeflow.gateway.deribit;

import io.hedgeflow.framing.FrameHeader;
import net.finmath.functions.NormalDistribution;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookRiskTest
{
    private static final Path POSITIONS = Path.of("positions.csv");

    @Test
    void shouldMatchTwoPositionsWorkedByHandAndSumThemIntoTheTotals() throws IOException
    {
        try (DeribitFrameSource source = DeribitCaptures.open(DeribitCaptures.path(DeribitCaptures.SAMPLE)))
        {
            final long endNs = drain(source);
            final DeribitInstruments instruments = source.instruments();
            final List<BookRisk.UnderlyingRisk> risk = BookRisk.of(instruments, POSITIONS, List.of(
                new PositionsFile.Position("BTC-23JUN23-25000-P", -20.0, "option", Double.NaN, 1),
                new PositionsFile.Position("BTC-PERPETUAL", 150_000.0, "future", Double.NaN, 2)), endNs);

            assertEquals(1, risk.size());
            final BookRisk.UnderlyingRisk btc = risk.get(0);
            assertEquals("BTC", btc.underlying());
            final BookRisk.PositionRisk put = btc.positions().get(0);
            final BookRisk.PositionRisk perpetual = btc.positions().get(1);

            final int perp = slot(instruments, "BTC-PERPETUAL");
            assertEquals(150_000.0 / instruments.mark(perp), perpetual.delta(), 0.0, "USD size over the mark");
            assertEquals(0.0, perpetual.gamma());

            final int option = slot(instruments, "BTC-23JUN23-25000-P");
            final double f = instruments.forward(instruments.underlyingId(option), instruments.expiryNs(option));
            final double v = instruments.iv(option);
            final double t = (instruments.expiryNs(option) - endNs) / (365.0 * 86_400e9);
            final double k = 25_000.0;
            final double d1 = (Math.log(f / k) + 0.5 * v * v * t) / (v * Math.sqrt(t));
            final double d2 = d1 - v * Math.sqrt(t);
            final double pdf = Math.exp(-0.5 * d1 * d1) / Math.sqrt(2.0 * Math.PI);
            final double value = k * NormalDistribution.cumulativeDistribution(-d2) -
                f * NormalDistribution.cumulativeDistribution(-d1);
            final double delta = NormalDistribution.cumulativeDistribution(d1) - 1.0;
            assertTrue(v > 0.1 && v < 5.0 && t > 0.0, "iv " + v + " years " + t);
            assertEquals(f, put.forward());
            assertClose(-20.0 * delta, put.delta(), "delta");
            assertClose(-20.0 * (delta - value / f), put.deltaPremiumAdjusted(), "premium-adjusted delta");
            assertClose(-20.0 * pdf / (f * v * Math.sqrt(t)), put.gamma(), "gamma");
            assertClose(-20.0 * f * pdf * Math.sqrt(t), put.vega(), "vega");
            assertClose(-20.0 * -f * pdf * v / (2.0 * Math.sqrt(t)), put.theta(), "theta");

            assertEquals(put.delta() + perpetual.delta(), btc.delta(), 1e-12);
            assertEquals(put.deltaPremiumAdjusted() + perpetual.deltaPremiumAdjusted(), btc.deltaPremiumAdjusted(),
                1e-12);
            assertEquals(put.gamma(), btc.gamma(), 0.0);
            assertEquals(put.vega(), btc.vega(), 0.0);
            assertEquals(put.theta(), btc.theta(), 0.0);
            assertEquals(0, btc.noIv());
        }
    }

    private static void assertClose(final double expected, final double actual, final String what)
    {
        assertEquals(expected, actual, 1e-9 * Math.abs(expected), what);
    }

    private static int slot(final DeribitInstruments instruments, final String name)
    {
        for (int s = 0; s < instruments.count(); s++)
        {
            if (instruments.name(s).equals(name))
            {
                return s;
            }
        }
        throw new AssertionError(name + " not defined");
    }

    private static long drain(final DeribitFrameSource source)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        long endNs = 0;
        int length;
        while ((length = source.poll(frame, 0, frame.capacity())) != DeribitFrameSource.END)
        {
            endNs = length > 0 ? Math.max(endNs, FrameHeader.sendingTimeNs(frame, 0)) : endNs;
        }
        return endNs;
    }
}
