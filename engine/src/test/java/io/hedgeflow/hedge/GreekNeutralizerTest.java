package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GreekNeutralizerTest
{
    @Test
    void shouldSolveHullsGammaVegaExample()
    {
        // Hull, Options, Futures, and Other Derivatives, ch. 19 "The Greek letters", gamma and vega neutrality:
        // portfolio delta 0, gamma -5,000, vega -8,000; option 1: delta 0.6, gamma 0.5, vega 2.0; option 2: delta 0.5,
        // gamma 0.8, vega 1.2. -5000 + 0.5 w1 + 0.8 w2 = 0 and -8000 + 2.0 w1 + 1.2 w2 = 0 give w1 = 400, w2 = 6,000;
        // the delta is then 400 x 0.6 + 6,000 x 0.5 = 3,240, so 3,240 units of the asset are sold.
        final GreekNeutralizer neutralizer = new GreekNeutralizer();
        neutralizer.addHedge(0.6, 0.5, 2.0);
        neutralizer.addHedge(0.5, 0.8, 1.2);
        assertEquals(SolveStatus.OK, neutralizer.solve(0, -5000, -8000, true, true));
        assertEquals(400.0, neutralizer.quantity(0), 1e-9);
        assertEquals(6000.0, neutralizer.quantity(1), 1e-9);
        assertEquals(-3240.0, neutralizer.underlying(), 1e-9);
        assertEquals(0.0, neutralizer.residualDelta(), 1e-9);
        assertEquals(0.0, neutralizer.residualGamma(), 1e-9);
        assertEquals(0.0, neutralizer.residualVega(), 1e-9);
    }

    @Test
    void shouldSolveHullsGammaOnlyExample()
    {
        // Hull, ch. 19, "Making a portfolio gamma neutral": a delta-neutral portfolio with gamma -3,000; a traded call
        // with delta 0.62 and gamma 1.50: buy 3,000 / 1.5 = 2,000 calls, which adds 2,000 x 0.62 = 1,240 of delta,
        // so sell 1,240 units of the underlying.
        final GreekNeutralizer neutralizer = new GreekNeutralizer();
        neutralizer.addHedge(0.62, 1.5, 0.0);
        assertEquals(SolveStatus.OK, neutralizer.solve(0, -3000, 0, true, false));
        assertEquals(2000.0, neutralizer.quantity(0), 1e-9);
        assertEquals(-1240.0, neutralizer.underlying(), 1e-9);
        assertEquals(0.0, neutralizer.residualGamma(), 1e-9);
    }

    @Test
    void shouldNeutralizeVegaAloneAndDeltaAlone()
    {
        final GreekNeutralizer neutralizer = new GreekNeutralizer();
        neutralizer.addHedge(0.6, 0.5, 2.0);
        assertEquals(SolveStatus.OK, neutralizer.solve(100, -5000, -8000, false, true));
        assertEquals(4000.0, neutralizer.quantity(0), 1e-9);
        assertEquals(-(100 + 2400.0), neutralizer.underlying(), 1e-9);
        assertEquals(1.0, neutralizer.condition(), 1e-15, "one equation in one unknown");
        assertEquals(-3000.0, neutralizer.residualGamma(), 1e-9);
        assertEquals(SolveStatus.OK, neutralizer.solve(100, -5000, -8000, false, false));
        assertEquals(0.0, neutralizer.condition(), "no system");
        assertEquals(0.0, neutralizer.quantity(0));
        assertEquals(-100.0, neutralizer.underlying());
        assertEquals(-5000.0, neutralizer.residualGamma());
    }

    @Test
    void shouldGiveTheScaledLeastSquaresAnswerWhenOverDetermined()
    {
        // one option for two Greeks: rows scaled by their largest coefficient (gamma 0.5, vega 2.0) become
        // w = 5000 / 0.5 and w = 8000 / 2.0 (in scaled units 1 w = 10,000 and 1 w = 4,000): least squares w = 7,000
        final GreekNeutralizer neutralizer = new GreekNeutralizer();
        neutralizer.addHedge(0.6, 0.5, 2.0);
        assertEquals(SolveStatus.OK, neutralizer.solve(0, -5000, -8000, true, true));
        assertEquals(7000.0, neutralizer.quantity(0), 1e-9);
        assertEquals(-4200.0, neutralizer.underlying(), 1e-9);
        assertEquals(-1500.0, neutralizer.residualGamma(), 1e-9);
        assertEquals(6000.0, neutralizer.residualVega(), 1e-9);
    }

    @Test
    void shouldGiveTheMinimumNormQuantitiesWhenHedgesOutnumberGreeks()
    {
        // gamma only with two options of gamma 0.5 and 1.0 (rows scaled by 1.0): min |w| with 0.5 w1 + w2 = 3000
        // is w = A^T (A A^T)^-1 b = (0.5, 1) x 3000 / 1.25 = (1200, 2400)
        final GreekNeutralizer neutralizer = new GreekNeutralizer();
        neutralizer.addHedge(0.5, 0.5, 1.0);
        neutralizer.addHedge(0.4, 1.0, 3.0);
        assertEquals(SolveStatus.OK, neutralizer.solve(0, -3000, 0, true, false));
        assertEquals(1200.0, neutralizer.quantity(0), 1e-9);
        assertEquals(2400.0, neutralizer.quantity(1), 1e-9);
        assertEquals(0.0, neutralizer.residualGamma(), 1e-9);
        assertEquals(-(600.0 + 960.0), neutralizer.underlying(), 1e-9);
    }

    @Test
    void shouldRefuseSingularAndIllConditionedSystemsTradingNothing()
    {
        final GreekNeutralizer neutralizer = new GreekNeutralizer();
        neutralizer.addHedge(0.6, 0.5, 2.0);
        neutralizer.addHedge(0.3, 0.25, 1.0);
        assertEquals(SolveStatus.SINGULAR, neutralizer.solve(10, -5000, -8000, true, true), "proportional hedges");
        assertEquals(0.0, neutralizer.quantity(0));
        assertEquals(0.0, neutralizer.quantity(1));
        assertEquals(0.0, neutralizer.underlying());
        assertEquals(10.0, neutralizer.residualDelta());
        assertEquals(-5000.0, neutralizer.residualGamma());

        neutralizer.clearHedges();
        neutralizer.addHedge(0.6, 0.5, 2.0);
        neutralizer.addHedge(0.3, 0.25, 1.0 + 1e-8);
        assertEquals(SolveStatus.ILL_CONDITIONED, neutralizer.solve(0, -5000, -8000, true, true));
        assertEquals(0.0, neutralizer.quantity(0));

        neutralizer.clearHedges();
        neutralizer.addHedge(0.6, 0.0, 2.0);
        assertEquals(SolveStatus.SINGULAR, neutralizer.solve(0, -5000, -8000, true, false), "no hedge has gamma");
        neutralizer.clearHedges();
        assertEquals(SolveStatus.INVALID_INPUT, neutralizer.solve(0, -5000, -8000, true, false), "no hedges");
        neutralizer.addHedge(0.6, 0.5, 2.0);
        assertEquals(SolveStatus.INVALID_INPUT, neutralizer.solve(Double.NaN, -5000, -8000, true, false));
        neutralizer.addHedge(0.6, Double.NaN, 2.0);
        assertEquals(SolveStatus.INVALID_INPUT, neutralizer.solve(0, -5000, -8000, true, false));
    }

    @Test
    void shouldLeaveNoResidualWhenSolvable()
    {
        // property: for random well-conditioned pairs of hedges, every selected Greek and delta end at zero
        final SplittableRandom random = new SplittableRandom(31);
        final GreekNeutralizer neutralizer = new GreekNeutralizer();
        for (int i = 0; i < 1000; i++)
        {
            neutralizer.clearHedges();
            neutralizer.addHedge(random.nextDouble(-1, 1), random.nextDouble(0, 0.01), random.nextDouble(0, 300));
            neutralizer.addHedge(random.nextDouble(-1, 1), random.nextDouble(0, 0.01), random.nextDouble(0, 300));
            final double gamma = random.nextDouble(-50, 50), vega = random.nextDouble(-1e6, 1e6);
            if (neutralizer.solve(random.nextDouble(-100, 100), gamma, vega, true, true) == SolveStatus.OK)
            {
                assertEquals(0.0, neutralizer.residualGamma(), 1e-9 * Math.abs(gamma) * neutralizer.condition());
                assertEquals(0.0, neutralizer.residualVega(), 1e-9 * Math.abs(vega) * neutralizer.condition());
                assertEquals(0.0, neutralizer.residualDelta(), 1e-9 * (1 + Math.abs(neutralizer.underlying())));
            }
        }
    }
}
