package io.hedgeflow.backtest;

/**
 * What one path's hedge cost and earned, reused across paths. Money amounts are USD for the whole position;
 * {@link #cost}, {@link #fees}, {@link #pnl} and {@link #unhedgedPnl} are present values at the start (discounted
 * at the rate), {@link #costAtEnd} and the attribution are values at the end of the path.
 */
public final class PathResult
{
    /** Attribution components, in this order in {@link #attribution}. */
    public static final String[] COMPONENTS = {"delta", "gamma", "theta", "vega", "financing", "costs", "residual"};
    public static final int DELTA = 0, GAMMA = 1, THETA = 2, VEGA = 3, FINANCING = 4, COSTS = 5, RESIDUAL = 6;

    /** Cost of holding the position and hedging it: cumulative cost with interest, less the hedge and the option settled. */
    public double cost;
    /** The same at the end of the path (Hull's cost of writing and hedging). */
    public double costAtEnd;
    /** Transaction costs (fees) paid. */
    public double fees;
    /** Fills of hedge orders. */
    public int trades;
    /** Hedge decisions of the logic. */
    public long decisions;
    /** Of them, hedges the margin constraints cut (MARGIN_LIMITED) or refused (MARGIN_REFUSED). */
    public long marginBound;
    /** Hedged P&amp;L: the premium (-quantity x BSM price) less the cost. */
    public double pnl;
    /** P&amp;L of the option position alone, without hedging. */
    public double unhedgedPnl;
    /** P&amp;L at the end of the path split into {@link #COMPONENTS}; sums to premium x e^{rT} - costAtEnd. */
    public final double[] attribution = new double[COMPONENTS.length];

    void clear()
    {
        cost = 0.0;
        costAtEnd = 0.0;
        fees = 0.0;
        trades = 0;
        decisions = 0;
        marginBound = 0;
        pnl = 0.0;
        unhedgedPnl = 0.0;
        java.util.Arrays.fill(attribution, 0.0);
    }
}
