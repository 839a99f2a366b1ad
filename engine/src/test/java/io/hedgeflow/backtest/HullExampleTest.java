package io.hedgeflow.backtest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hull, Options, Futures and Other Derivatives (Pearson), table 19.2 in the 9th to 11th editions (18.2 in the 8th):
 * 100,000 European calls written, S0 = 49, K = 50, r = 5%, sigma = 20%, mu = 13%, 20 weeks, delta hedged weekly with
 * deltas to three decimals and weekly interest on the cumulative cost; the path on which the option closes in the
 * money. Cumulative cost (including interest) 5,263,300 at week 20, cost of hedging 263,300 after delivery.
 */
class HullExampleTest
{
    static final double[] SPOTS = {49.00, 48.12, 47.37, 50.25, 51.75, 53.12, 53.00, 51.87, 51.38, 53.00, 49.88,
        48.50, 49.88, 50.37, 52.13, 51.88, 52.87, 54.87, 54.62, 55.87, 57.25};
    static final double[] DELTAS = {0.522, 0.458, 0.400, 0.596, 0.693, 0.774, 0.771, 0.706, 0.674, 0.787, 0.550,
        0.413, 0.542, 0.591, 0.768, 0.759, 0.865, 0.978, 0.990, 1.000, 1.000};
    /** The table's cumulative cost including interest, $000. */
    static final double[] CUMULATIVE_COST = {2_557.8, 2_252.3, 1_979.8, 2_966.6, 3_471.5, 3_905.1, 3_893.0, 3_559.5,
        3_398.5, 4_000.7, 2_822.3, 2_160.6, 2_806.2, 3_055.7, 3_981.3, 3_938.4, 4_502.6, 5_126.9, 5_197.3, 5_258.2,
        5_263.3};

    static OptionPosition hullPosition()
    {
        return new OptionPosition(true, 50.0, 20.0 / 52.0, -100_000, 0.20, 0.05, 0.0, 49.0);
    }

    static MarketPath hullPath()
    {
        final double[] time = new double[SPOTS.length];
        for (int k = 0; k < time.length; k++)
        {
            time[k] = k / 52.0;
        }
        return MarketPath.of(time, SPOTS, null);
    }

    @Test
    void shouldReproduceHullsWeeklyDeltaHedgingTableRowByRow()
    {
        final BacktestHost host = new BacktestHost(hullPosition(), PolicySpec.parse("interval:1w"), 0.0, 0.001);
        final Ledger ledger = new Ledger();
        final PathResult result = new PathResult();
        host.run(hullPath(), result, ledger, false);

        final List<Ledger.Row> rows = ledger.rows();
        assertEquals(SPOTS.length + 1, rows.size(), "a row per week, then the delivery");
        for (int k = 0; k < SPOTS.length; k++)
        {
            final Ledger.Row row = rows.get(k);
            assertEquals(DELTAS[k], row.delta(), 0.0005, "delta of week " + k);
            assertEquals(Math.round(DELTAS[k] * 1000) * 100.0, row.hedgePosition(), 1e-6, "shares of week " + k);
            assertEquals(CUMULATIVE_COST[k] * 1000.0, row.cumulativeCost(), 500.0, "cumulative cost of week " + k);
        }
        final Ledger.Row delivery = rows.getLast();
        assertEquals(-100_000.0, delivery.tradeQty(), 1e-6, "the shares delivered");
        assertEquals(-5_000_000.0, delivery.tradeCost(), 1e-6, "for the strike");
        assertEquals(0.0, delivery.hedgePosition());
        assertEquals(263_300.0, result.costAtEnd, 500.0);
        assertEquals(result.costAtEnd, delivery.cumulativeCost(), 0.005, "the ledger ends at the summary's cost");
        assertEquals(20, result.trades, "a trade in each of weeks 0 to 19, none at delivery");
    }

    /**
     * Hull's example shortened to two weeks (T = 2/52, other parameters as above) on a path ending out of the money,
     * worked by hand: week 0, d1 = (ln(49/50) + 0.07 x 2/52) / (0.2 sqrt(2/52)) = -0.4464, delta 0.328, 32,800
     * shares bought for 1,607,200. Week 1, interest 1,607,200 (e^(0.05/52) - 1) = 1,546.13, d1 = -1.4233, delta
     * 0.077: 25,100 shares sold at 48 for 1,204,800, cumulative 403,946.13. Week 2, interest 388.60, cumulative
     * 404,334.72; the option expires worthless (delta 0) and the 7,700 shares left are sold at 47 for 361,900: cost
     * of writing and hedging 42,434.72.
     */
    @Test
    void shouldEndAnOutOfTheMoneyLedgerWithTheHedgeSoldAtTheSummarysCost()
    {
        final OptionPosition position = new OptionPosition(true, 50.0, 2.0 / 52.0, -100_000, 0.20, 0.05, 0.0, 49.0);
        final BacktestHost host = new BacktestHost(position, PolicySpec.parse("interval:1w"), 0.0, 0.001);
        final Ledger ledger = new Ledger();
        final PathResult result = new PathResult();
        host.run(MarketPath.of(new double[]{0.0, 1 / 52.0, 2 / 52.0}, new double[]{49.0, 48.0, 47.0}, null), result,
            ledger, false);

        final double[] deltas = {0.328, 0.077, 0.0, 0.0};
        final double[] shares = {32_800.0, 7_700.0, 7_700.0, 0.0};
        final double[] traded = {32_800.0, -25_100.0, 0.0, -7_700.0};
        final double[] interest = {0.0, 1_546.13, 388.60, 0.0};
        final double[] cumulative = {1_607_200.0, 403_946.13, 404_334.72, 42_434.72};
        final List<Ledger.Row> rows = ledger.rows();
        assertEquals(4, rows.size(), "a row per week, then the settlement");
        for (int k = 0; k < rows.size(); k++)
        {
            final Ledger.Row row = rows.get(k);
            assertEquals(deltas[k], row.delta(), 0.0005, "delta of row " + k);
            assertEquals(shares[k], row.hedgePosition(), 1e-6, "shares of row " + k);
            assertEquals(traded[k], row.tradeQty(), 1e-6, "shares traded in row " + k);
            assertEquals(interest[k], row.interest(), 0.005, "interest of row " + k);
            assertEquals(cumulative[k], row.cumulativeCost(), 0.005, "cumulative cost of row " + k);
        }
        assertEquals(-361_900.0, rows.getLast().tradeCost(), 1e-6, "the shares left sold at 47");
        assertEquals(result.costAtEnd, rows.getLast().cumulativeCost(), 0.005, "the ledger ends at the summary's cost");
    }
}
