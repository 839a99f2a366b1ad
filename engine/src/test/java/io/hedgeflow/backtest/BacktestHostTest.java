package io.hedgeflow.backtest;

import io.hedgeflow.greeks.BlackScholes;
import io.hedgeflow.logic.HedgeBands;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The host around the logic: policies come from the logic, money adds up. */
class BacktestHostTest
{
    private static final OptionPosition HULL = HullExampleTest.hullPosition();

    private static PathResult run(final String policy, final double costBps, final Ledger ledger)
    {
        final PathResult r = new PathResult();
        new BacktestHost(HULL, PolicySpec.parse(policy).snapTo(Durations.WEEK_NS), costBps, 0.0)
            .run(HullExampleTest.hullPath(), r, ledger, true);
        return r;
    }

    @Test
    void shouldKeepTheBookInsideTheWhalleyWilmottBandTheLogicComputes()
    {
        final Ledger ledger = new Ledger();
        final PathResult ww = run("ww:5e-5", 20.0, ledger);
        final PathResult weekly = run("interval:1w", 20.0, null);
        assertTrue(ww.trades < weekly.trades && ww.fees < weekly.fees, ww.trades + " trades against " + weekly.trades);
        final List<Ledger.Row> rows = ledger.rows();
        for (int k = 0; k < rows.size() - 2; k++)
        {
            final Ledger.Row row = rows.get(k);
            final double tau = HULL.maturity() - row.time();
            final double gamma = HULL.quantity() * BlackScholes.gamma(row.spot(), HULL.strike(), tau, HULL.rate(), 0.0,
                HULL.vol());
            final double band = HedgeBands.whalleyWilmott(20e-4, 5e-5, row.spot(), gamma, HULL.rate(), tau);
            final double net = row.hedgePosition() + HULL.quantity() * row.delta();
            assertTrue(Math.abs(net) <= band * (1 + 1e-6), "week " + k + ": net " + net + " band " + band);
        }
    }

    @Test
    void shouldHedgeAtLelandsVolatilityWhenAsked()
    {
        final Ledger plain = new Ledger();
        final Ledger leland = new Ledger();
        run("interval:1w", 20.0, plain);
        run("interval:1w+leland", 20.0, leland);
        final double sigmaL = HedgeBands.lelandVolatility(HULL.vol(), 2 * 20e-4, 1.0 / 52, true);
        final double[] g = new double[BlackScholes.OUTPUTS];
        BlackScholes.greeks(true, 49.0, 50.0, HULL.maturity(), HULL.rate(), 0.0, HULL.vol(), false, false, g);
        final double firstOrder = g[BlackScholes.DELTA] + g[BlackScholes.VANNA] * (sigmaL - HULL.vol());
        assertTrue(sigmaL > HULL.vol(), "the writer hedges at a higher vol: " + sigmaL);
        assertEquals(-HULL.quantity() * firstOrder, leland.rows().get(0).hedgePosition(), 1e-3,
            "delta moved to Leland's vol through vanna");
        assertEquals(-HULL.quantity() * g[BlackScholes.DELTA], plain.rows().get(0).hedgePosition(), 1e-3);
    }

    @Test
    void shouldSplitThePnlIntoComponentsThatAddUpToItExactly()
    {
        final PathResult r = run("interval:1w", 25.0, null);
        double sum = 0.0;
        for (final double a : r.attribution)
        {
            sum += a;
        }
        final double premiumAtEnd = HULL.bsmValue() * Math.exp(HULL.rate() * HULL.maturity());
        assertEquals(premiumAtEnd - r.costAtEnd, sum, 1e-6);
        assertEquals(-r.fees * Math.exp(HULL.rate() * HULL.maturity()), r.attribution[PathResult.COSTS],
            0.02 * r.fees, "costs are the fees");
        assertTrue(r.attribution[PathResult.GAMMA] < 0.0 && r.attribution[PathResult.THETA] > 0.0,
            "a written option loses on gamma and earns theta");
        assertEquals(0.0, r.attribution[PathResult.VEGA], 0.0, "constant implied vol");
    }

    @Test
    void shouldChargeTheCostOnTheTradedNotional()
    {
        final Ledger ledger = new Ledger();
        final PathResult r = run("interval:1w", 10.0, ledger);
        double notional = 0.0;
        final List<Ledger.Row> rows = ledger.rows();
        for (final Ledger.Row row : rows.subList(0, rows.size() - 1))
        {
            notional += Math.abs(row.tradeQty()) * row.spot() * Math.exp(-HULL.rate() * row.time());
        }
        assertEquals(notional * 10e-4, r.fees, 1e-6 * r.fees);
        assertEquals(20, r.trades);
    }

    @Test
    void shouldLeaveTheDecisionsToTheLogicsPolicy()
    {
        final PathResult none = run("none", 0.0, null);
        assertEquals(0, none.trades);
        assertEquals(-HULL.quantity() * 7.25, none.costAtEnd, 1e-6, "unhedged: pay the payoff at expiry");
        assertEquals(none.pnl, none.unhedgedPnl, 1e-6);

        final Ledger band = new Ledger();
        final PathResult wide = run("band:0.1", 0.0, band);
        assertTrue(wide.trades < 20 && wide.trades > 1, "a 0.1 band trades less often: " + wide.trades);
        final Ledger edge = new Ledger();
        run("band-edge:0.1", 0.0, edge);
        final List<Ledger.Row> b = band.rows();
        final List<Ledger.Row> e = edge.rows();
        for (int k = 1; k < b.size() - 2; k++)
        {
            final double netBand = b.get(k).hedgePosition() + HULL.quantity() * b.get(k).delta();
            final double netEdge = e.get(k).hedgePosition() + HULL.quantity() * e.get(k).delta();
            assertTrue(Math.abs(netBand) <= 10_000.0 + 1e-6 && Math.abs(netEdge) <= 10_000.0 + 1e-6,
                "net delta inside the band after each step: " + netBand + " " + netEdge);
        }
    }
}
