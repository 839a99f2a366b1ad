package io.hedgeflow.risk.margin;

import io.hedgeflow.greeks.PortableMath;
import io.hedgeflow.greeks.ScenarioVectors;

/**
 * The scenario grid of the portfolio margin and its worst scenario: {@link MarginContext#priceSteps()} underlying
 * moves evenly spaced from -{@link MarginContext#priceMove()} to +priceMove (0 in the middle: the steps are odd)
 * times the volatility scenarios of {@link ScenarioVectors} (down, same, up), each option's volatility shocked by
 * volShock x (volShockDays / days to expiry)^volShockExponent, days at least minDaysToExpiry. The options' values
 * per scenario are filled into {@link #values()} (layout of {@link ScenarioVectors#values}); {@link #worst} adds
 * the futures' P&amp;L and finds the largest loss against the unmoved scenario. Garbage-free; not thread safe.
 */
final class ScenarioGrid
{
    private static final double NS_PER_DAY = 86_400e9;

    private final MarginContext ctx;
    private final double[] moves;
    private final double[] values;
    private final int middle;
    private double worstLoss;
    private double worstMove;
    private int worstVol;

    ScenarioGrid(final MarginContext ctx)
    {
        this.ctx = ctx;
        final int steps = ctx.priceSteps();
        moves = new double[steps];
        for (int j = 0; j < steps; j++)
        {
            moves[j] = ctx.priceMove() * (2.0 * j - (steps - 1)) / (steps - 1);
        }
        values = new double[ScenarioVectors.VOL_SCENARIOS * steps];
        middle = (steps - 1) / 2;
    }

    /** The underlying moves, fractions. */
    double[] moves()
    {
        return moves;
    }

    /** Underlying moves. */
    int steps()
    {
        return moves.length;
    }

    /** The options' value per scenario, to be filled: [(vol - VOL_DOWN) x steps + move index]. */
    double[] values()
    {
        return values;
    }

    /** The relative volatility shock of an expiry at nowNs. */
    double volShock(final long expiryNs, final long nowNs)
    {
        final double days = Math.max((expiryNs - nowNs) / NS_PER_DAY, ctx.minDaysToExpiry());
        return ctx.volShock() * PortableMath.exp(ctx.volShockExponent() * PortableMath.log(ctx.volShockDays() / days));
    }

    /**
     * Finds the worst scenario: loss = options' value unmoved - value in the scenario - the futures' P&amp;L (inverse:
     * factor x m / (1 + m); linear: factor x m), the first largest in grid order, at least 0 (the unmoved scenario).
     */
    void worst(final double futuresFactor, final boolean inverse)
    {
        final int steps = moves.length;
        final double base = values[(ScenarioVectors.VOL_SAME - ScenarioVectors.VOL_DOWN) * steps + middle];
        worstLoss = 0.0;
        worstMove = 0.0;
        worstVol = ScenarioVectors.VOL_SAME;
        for (int j = 0; j < steps; j++)
        {
            final double move = moves[j];
            final double futuresPnl = futuresFactor * (inverse ? move / (1.0 + move) : move);
            for (int vol = ScenarioVectors.VOL_DOWN; vol <= ScenarioVectors.VOL_UP; vol++)
            {
                final double loss = base - values[(vol - ScenarioVectors.VOL_DOWN) * steps + j] - futuresPnl;
                if (loss > worstLoss)
                {
                    worstLoss = loss;
                    worstMove = move;
                    worstVol = vol;
                }
            }
        }
    }

    /** The worst loss of the last {@link #worst} (at least 0). */
    double worstLoss()
    {
        return worstLoss;
    }

    /** The underlying move of the worst scenario (0 when no scenario loses). */
    double worstMove()
    {
        return worstMove;
    }

    /** The volatility scenario of the worst scenario. */
    int worstVol()
    {
        return worstVol;
    }
}
