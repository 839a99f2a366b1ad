package io.hedgeflow.risk;

import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.logic.TestContexts;
import org.junit.jupiter.api.Test;

import static io.hedgeflow.codecs.RiskVerdict.ACCEPTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every limit at its boundary: at the limit accepted, one lot or tick beyond rejected with its reason. */
class PreTradeRiskTest
{
    private static final long T = 1_000_000_000_000L;
    private static final double REF = 100_000.0;

    private long time = T;

    private RiskVerdict check(final PreTradeRisk risk, final double qty, final double price, final double exposure)
    {
        time += 1_000_000_000L;
        return risk.check(1, qty, price, REF, 10.0, exposure, time);
    }

    @Test
    void shouldAcceptTheMaximumQuantityAndRejectOneLotMore()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().maxOrderQuantity(500));
        assertEquals(ACCEPTED, check(risk, 500, REF, 0));
        assertEquals(ACCEPTED, check(risk, -500, REF, 0));
        assertEquals(RiskVerdict.REJECTED_MAX_ORDER_QTY, check(risk, 501, REF, 0));
        assertEquals(RiskVerdict.REJECTED_MAX_ORDER_QTY, check(risk, -501, REF, 0));
    }

    @Test
    void shouldAcceptTheMaximumNotionalAndRejectOneContractMore()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().maxOrderNotionalUsd(5_000));
        assertEquals(ACCEPTED, check(risk, 500, REF, 0), "500 contracts of 10 USD");
        assertEquals(RiskVerdict.REJECTED_MAX_NOTIONAL, check(risk, 501, REF, 0));
    }

    @Test
    void shouldAcceptAPriceAtTheCollarAndRejectOneTickBeyond()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().priceCollarBps(50));
        assertEquals(ACCEPTED, check(risk, 1, 100_500.0, 0));
        assertEquals(ACCEPTED, check(risk, -2, 99_500.0, 0));
        assertEquals(RiskVerdict.REJECTED_PRICE_COLLAR, check(risk, 3, 100_500.5, 0));
        assertEquals(RiskVerdict.REJECTED_PRICE_COLLAR, check(risk, -4, 99_499.5, 0));
    }

    @Test
    void shouldCountOrdersInFlightAgainstThePositionLimit()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().maxPositionContracts(1_000));
        assertEquals(ACCEPTED, check(risk, 400, REF, 600));
        assertEquals(RiskVerdict.REJECTED_POSITION_LIMIT, check(risk, 401, REF, 600));
        assertEquals(ACCEPTED, check(risk, -1_600, REF, 600), "to -1,000");
        assertEquals(RiskVerdict.REJECTED_POSITION_LIMIT, check(risk, -1_602, REF, 600));
    }

    @Test
    void shouldRejectTheSameOrderWithinTheDuplicateWindowOnly()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().duplicateWindowNs(1_000));
        assertEquals(ACCEPTED, risk.check(1, 10, REF, REF, 10, 0, T));
        assertEquals(RiskVerdict.REJECTED_DUPLICATE, risk.check(1, 10, REF, REF, 10, 0, T + 999));
        assertEquals(ACCEPTED, risk.check(1, 11, REF, REF, 10, 0, T + 999), "another quantity");
        assertEquals(ACCEPTED, risk.check(2, 10, REF, REF, 10, 0, T + 999), "another instrument");
        assertEquals(ACCEPTED, risk.check(1, 10, REF, REF, 10, 0, T + 1_000), "window elapsed");
    }

    @Test
    void shouldLimitTheOrderRateWithATokenBucketInLogicTime()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().orderRatePerSecond(2).orderBurst(3));
        assertEquals(ACCEPTED, risk.check(1, 1, REF, REF, 10, 0, T));
        assertEquals(ACCEPTED, risk.check(1, 2, REF, REF, 10, 0, T));
        assertEquals(ACCEPTED, risk.check(1, 3, REF, REF, 10, 0, T));
        assertEquals(RiskVerdict.REJECTED_ORDER_RATE, risk.check(1, 4, REF, REF, 10, 0, T));
        assertEquals(RiskVerdict.REJECTED_ORDER_RATE, risk.check(1, 5, REF, REF, 10, 0, T + 499_999_999L));
        assertEquals(ACCEPTED, risk.check(1, 6, REF, REF, 10, 0, T + 500_000_000L), "one token after 0.5 s");
    }

    @Test
    void shouldOnlyReduceInReduceOnlyMode()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().reduceOnly(true));
        assertEquals(ACCEPTED, check(risk, -100, REF, 300));
        assertEquals(RiskVerdict.REJECTED_REDUCE_ONLY, check(risk, 100, REF, 300));
        assertEquals(RiskVerdict.REJECTED_REDUCE_ONLY, check(risk, -700, REF, 300), "flips to a larger short");
    }

    @Test
    void shouldTripToSafeModeAfterConsecutiveRejectsUntilReleased()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().circuitBreakerRejects(3));
        risk.onExchangeReject();
        risk.onExchangeReject();
        risk.onFill();
        risk.onExchangeReject();
        risk.onExchangeReject();
        assertEquals(ACCEPTED, check(risk, 10, REF, 0), "a fill restarted the count");
        risk.onExchangeReject();
        assertTrue(risk.safeMode());
        assertEquals(RiskVerdict.REJECTED_SAFE_MODE, check(risk, 10, REF, 0));
        assertEquals(ACCEPTED, check(risk, -10, REF, 50), "reducing is still allowed");
        risk.reset();
        assertEquals(ACCEPTED, check(risk, 12, REF, 0));
    }

    @Test
    void shouldTripToSafeModeBeyondTheDrawdown()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits().maxDrawdownUsd(1_000));
        risk.onDrawdown(1_000);
        assertEquals(ACCEPTED, check(risk, 10, REF, 0));
        risk.onDrawdown(1_000.01);
        assertEquals(RiskVerdict.REJECTED_SAFE_MODE, check(risk, 11, REF, 0));
    }

    @Test
    void shouldFailClosedOnInvalidValues()
    {
        final PreTradeRisk risk = new PreTradeRisk(TestContexts.limits());
        assertEquals(RiskVerdict.REJECTED_INVALID_VALUE, check(risk, Double.NaN, REF, 0));
        assertEquals(RiskVerdict.REJECTED_INVALID_VALUE, check(risk, 0, REF, 0));
        assertEquals(RiskVerdict.REJECTED_INVALID_VALUE, check(risk, 1, Double.POSITIVE_INFINITY, 0));
        assertEquals(RiskVerdict.REJECTED_INVALID_VALUE, check(risk, 1, -1, 0));
        assertEquals(RiskVerdict.REJECTED_INVALID_VALUE, risk.check(1, 1, REF, 0.0, 10, 0, T));
        assertEquals(RiskVerdict.REJECTED_INVALID_VALUE, risk.check(1, 1, REF, Double.NaN, 10, 0, T));
        assertEquals(RiskVerdict.REJECTED_INVALID_VALUE, risk.check(1, 1, REF, REF, 10, Double.NaN, T));
    }

    @Test
    void shouldRefuseMissingOrInvalidLimitsNamingTheKey()
    {
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> new PreTradeRisk(new LimitsContext()));
        assertEquals("limits.maxOrderQuantity is not set", missing.getMessage());
        final IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
            () -> new PreTradeRisk(TestContexts.limits().priceCollarBps(Double.NaN)));
        assertEquals("limits.priceCollarBps is not set", nan.getMessage());
        final IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
            () -> new PreTradeRisk(TestContexts.limits().maxPositionContracts(-5)));
        assertTrue(negative.getMessage().startsWith("limits.maxPositionContracts must be positive"));
    }
}
