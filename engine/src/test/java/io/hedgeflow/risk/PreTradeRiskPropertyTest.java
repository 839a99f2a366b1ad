package io.hedgeflow.risk;

import io.hedgeflow.codecs.RiskVerdict;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: over random streams of orders, fills, exchange rejects and prices, no order the checks accept ever
 * breaks a limit, judged by an independent model of exposure, recent orders and rates. Seeded, 200 streams.
 */
class PreTradeRiskPropertyTest
{
    private static final double FACE = 10.0;

    @RepeatedTest(200)
    void shouldNeverAcceptAnOrderThatBreaksALimit(final RepetitionInfo repetition)
    {
        final SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition());
        final LimitsContext limits = new LimitsContext()
            .maxOrderQuantity(1 + random.nextInt(500))
            .maxOrderNotionalUsd(100 + random.nextInt(5_000))
            .priceCollarBps(1 + random.nextInt(200))
            .maxPositionContracts(1 + random.nextInt(2_000))
            .orderRatePerSecond(0.5 + random.nextDouble() * 20)
            .orderBurst(1 + random.nextInt(10))
            .duplicateWindowNs(1 + random.nextLong(2_000_000_000L))
            .circuitBreakerRejects(1 + random.nextInt(5))
            .maxDrawdownUsd(1 + random.nextInt(1_000))
            .reduceOnly(random.nextInt(10) == 0);
        final PreTradeRisk risk = new PreTradeRisk(limits);
        final ArrayDeque<long[]> accepted = new ArrayDeque<>();
        double position = 0;
        double inFlight = 0;
        double reference = 50_000;
        long now = 1_000_000_000_000L;
        for (int step = 0; step < 2_000; step++)
        {
            now += random.nextLong(200_000_000L);
            reference *= Math.exp(random.nextGaussian() * 0.002);
            final int event = random.nextInt(10);
            if (event == 0 && inFlight != 0)
            {
                position += inFlight;
                inFlight = 0;
                risk.onFill();
            }
            else if (event == 1 && inFlight != 0)
            {
                inFlight = 0;
                risk.onExchangeReject();
            }
            else if (event == 2)
            {
                risk.onDrawdown(random.nextDouble() * 1_200);
            }
            else
            {
                final double qty = random.nextInt(1_200) - 600;
                final double price = reference * (1 + (random.nextDouble() - 0.5) * 0.05);
                final double exposure = position + inFlight;
                final boolean safeBefore = risk.safeMode();
                final RiskVerdict verdict = risk.check(7, qty, price, reference, FACE, exposure, now);
                if (verdict == RiskVerdict.ACCEPTED)
                {
                    assertHolds(limits, qty, price, reference, exposure, safeBefore, accepted, now);
                    accepted.addLast(new long[]{now, Double.doubleToLongBits(qty)});
                    inFlight += qty;
                }
            }
        }
    }

    private static void assertHolds(
        final LimitsContext limits,
        final double qty,
        final double price,
        final double reference,
        final double exposure,
        final boolean safe,
        final ArrayDeque<long[]> accepted,
        final long now)
    {
        assertTrue(qty != 0 && Math.abs(qty) <= limits.maxOrderQuantity(), "quantity " + qty);
        assertTrue(Math.abs(qty) * FACE <= limits.maxOrderNotionalUsd(), "notional " + qty);
        assertTrue(Math.abs(price - reference) <= reference * limits.priceCollarBps() / 10_000, "collar " + price);
        assertTrue(Math.abs(exposure + qty) <= limits.maxPositionContracts(), "position " + (exposure + qty));
        if (safe || limits.reduceOnly())
        {
            assertTrue(Math.abs(exposure + qty) < Math.abs(exposure), "reduces only");
        }
        long inLastSecond = 1;
        for (final long[] order : accepted)
        {
            assertTrue(!(now - order[0] < limits.duplicateWindowNs() && Double.longBitsToDouble(order[1]) == qty),
                "duplicate of an order sent " + (now - order[0]) + " ns before");
            if (now - order[0] < 1_000_000_000L)
            {
                inLastSecond++;
            }
        }
        assertTrue(inLastSecond <= limits.orderBurst() + limits.orderRatePerSecond() + 1e-9,
            inLastSecond + " orders within one second");
    }
}
