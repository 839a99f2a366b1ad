package io.hedgeflow.logic;

import io.hedgeflow.greeks.BlackScholes;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bands of {@link HedgeBands} on Hull's textbook option: J. C. Hull, Options, Futures, and Other Derivatives
 * (9th ed.), chapter 19 "The Greek letters", the running illustration of a bank that sold 20-week calls: S = 49,
 * K = 50, r = 5%, sigma = 20%, T = 0.3846 years, for which Hull gives delta 0.522 and gamma 0.066. The expected
 * band values are the papers' formulas worked by hand on those inputs (arithmetic in each test's comment); the
 * papers state their bands as formulas and figures, not tables of numbers.
 */
class HedgeBandsTest
{
    private static final double S = 49.0;
    private static final double K = 50.0;
    private static final double R = 0.05;
    private static final double SIGMA = 0.20;
    private static final double T = 0.3846;
    private static final double WEEK = 1.0 / 52.0;
    private static final double GAMMA = BlackScholes.gamma(S, K, T, R, 0.0, SIGMA);

    @Test
    void shouldReproduceHullsGreeksOfTheExampleOption()
    {
        assertEquals(0.522, BlackScholes.delta(true, S, K, T, R, 0.0, SIGMA), 0.0005, "Hull: delta 0.522");
        assertEquals(0.066, GAMMA, 0.0005, "Hull: gamma 0.066");
    }

    @Test
    void shouldScaleTheGammaBandWithAOneSigmaWeeklyMove()
    {
        // 1 x 0.0655454 x 49 x 0.20 x sqrt(1/52) = 0.0890772
        final double band = HedgeBands.gammaBand(1.0, GAMMA, S, SIGMA, WEEK);
        assertEquals(0.0890772, band, 1e-7);
        // first order: the exact delta change of a one-sigma weekly move is 0.0866 (within 3%)
        final double exact = BlackScholes.delta(true, S * (1 + SIGMA * Math.sqrt(WEEK)), K, T, R, 0.0, SIGMA) -
            BlackScholes.delta(true, S, K, T, R, 0.0, SIGMA);
        assertEquals(0.0866405, exact, 1e-6);
        assertEquals(2.0 * band, HedgeBands.gammaBand(2.0, -GAMMA, S, SIGMA, WEEK), 1e-15, "short gamma alike");
    }

    @Test
    void shouldGiveTheWhalleyWilmottBand()
    {
        // Whalley & Wilmott (1997) eq. for H, lambda = 0.001 one way, risk aversion 1 per USD:
        // (1.5 x e^{-0.05 x 0.3846} x 0.001 x 49 x 0.0655454^2 / 1)^(1/3) = (3.0975e-4)^(1/3) = 0.0676612
        final double band = HedgeBands.whalleyWilmott(0.001, 1.0, S, GAMMA, R, T);
        assertEquals(0.0676612, band, 1e-7);
        // with Hull's rounded gamma 0.066: 0.0679738
        assertEquals(0.0679738, HedgeBands.whalleyWilmott(0.001, 1.0, S, 0.066, R, T), 1e-7);
        // the paper's scaling: H ~ lambda^(1/3), riskAversion^(-1/3), |Gamma|^(2/3)
        assertEquals(2.0 * band, HedgeBands.whalleyWilmott(0.008, 1.0, S, GAMMA, R, T), 1e-12);
        assertEquals(0.5 * band, HedgeBands.whalleyWilmott(0.001, 8.0, S, GAMMA, R, T), 1e-12);
        assertEquals(4.0 * band, HedgeBands.whalleyWilmott(0.001, 1.0, S, -8.0 * GAMMA, R, T), 1e-12);
    }

    @Test
    void shouldGiveTheZakamoulineBand()
    {
        // Zakamouline (2006), lambda = 0.001 one way, risk aversion 1 per USD:
        // H0 = 0.001 / (1 x 49 x 0.04 x 0.3846) = 0.0013266
        // Hw = 1.12 x 0.001^0.31 x 0.3846^0.05 x (e^{-0.01923} / 0.2)^0.25 x (0.0655454 / 1)^0.5 = 0.0477963
        final double band = HedgeBands.zakamouline(0.001, 1.0, S, GAMMA, SIGMA, R, T);
        assertEquals(0.0013266 + 0.0477963, band, 2e-7);
        assertEquals(band, HedgeBands.zakamouline(0.001, 1.0, S, -GAMMA, SIGMA, R, T), 0.0, "|Gamma|");
    }

    @Test
    void shouldKeepTheZakamoulineBandFiniteAtExpiry()
    {
        final double band = HedgeBands.zakamouline(0.001, 1.0, S, 0.0, SIGMA, R, 0.0);
        assertEquals(0.001 / (S * SIGMA * SIGMA * HedgeBands.MIN_TAU), band, 1e-6);
    }

    @Test
    void shouldAdjustTheVolatilityAsLeland()
    {
        // Leland (1985), round-trip k = 1%, weekly rehedging, sigma = 20%:
        // Le = sqrt(2/pi) x 0.01 / (0.2 x sqrt(1/52)) = 0.2876814
        // writer (short gamma): 0.2 x sqrt(1 + Le) = 0.2269521; holder (long gamma): 0.2 x sqrt(1 - Le) = 0.1687979
        assertEquals(0.2269521, HedgeBands.lelandVolatility(SIGMA, 0.01, WEEK, true), 1e-7);
        assertEquals(0.1687979, HedgeBands.lelandVolatility(SIGMA, 0.01, WEEK, false), 1e-7);
        assertEquals(0.0, HedgeBands.lelandVolatility(SIGMA, 0.1, WEEK, false), "Le >= 1: no volatility left");
        assertEquals(SIGMA, HedgeBands.lelandVolatility(SIGMA, 0.0, WEEK, true), 1e-15);
    }
}
