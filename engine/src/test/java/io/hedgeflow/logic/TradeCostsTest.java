package io.hedgeflow.logic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TradeCostsTest
{
    private final TradeCosts costs = new TradeCosts();

    @Test
    void shouldChargeTheDistanceFromMidOnLinearContracts()
    {
        // buy 100 x 0.01 ETH at 3001 against mid 3000.5: 1 ETH x 0.5 USD; sell 50 at 3000 against 3000.5: 0.25 USD
        costs.onFill(100.0, 3001.0, 3000.5, 0.15, 0.01, false, false, 3000.5);
        costs.onFill(-50.0, 3000.0, 3000.5, 0.075, 0.01, false, false, 3000.5);

        assertEquals(2, costs.fills);
        assertEquals(150.0, costs.contracts);
        assertEquals(0.225, costs.fees, 1e-15);
        assertEquals(0.75, costs.slippage, 1e-12);
    }

    @Test
    void shouldChargeInverseContractsInCoin()
    {
        // buy 10 x 10 USD at 100,010 against mid 100,000: 100 x (1/100,000 - 1/100,010) coin = 9.999e-8 BTC
        costs.onFill(10.0, 100_010.0, 100_000.0, 0.0, 10.0, true, true, 100_000.0);
        assertEquals(100.0 * (1.0 / 100_000.0 - 1.0 / 100_010.0), costs.slippage, 1e-20);
        // a sell below mid costs too
        costs.onFill(-10.0, 99_990.0, 100_000.0, 0.0, 10.0, true, true, 100_000.0);
        assertEquals(100.0 * (1.0 / 99_990.0 - 1.0 / 100_010.0), costs.slippage, 1e-18);
    }

    @Test
    void shouldConvertAFillSettledOtherwiseToTheBookCurrency()
    {
        // a linear spot fill in a coin book at S = 100,000: fee 10 USD = 0.0001 coin; 0.5 BTC bought 20 over mid
        costs.onFill(0.5, 100_020.0, 100_000.0, 10.0, 1.0, false, true, 100_000.0);
        assertEquals(1e-4, costs.fees, 1e-18);
        assertEquals(10.0 / 100_000.0, costs.slippage, 1e-18);
    }

    @Test
    void shouldAverageTheAbsoluteDelta()
    {
        costs.sampleDelta(-2.0);
        costs.sampleDelta(1.0);
        assertEquals(1.5, costs.meanAbsDelta());
    }
}
