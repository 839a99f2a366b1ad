package io.hedgeflow.logic;

import io.hedgeflow.risk.margin.Liquidation;

/**
 * The policy's constraints on a hedge order of instrument h, in h's settlement currency c ({@link Account}):
 * <pre>
 *   x = contracts of h held + in flight + the order's q
 *   leverage(q)     = (notional of c's other perpetuals and futures + notional of x contracts of h) / equity(c)
 *                                                                                     &lt;= targetLeverage
 *   marginUsage(q)  = (margin of c's other positions + margin of x contracts of h) / equity(c)
 *                     initial or maintenance by marginBasis                            &lt;= maxMarginUsage
 *   distance(q)     = {@link Liquidation#distancePercent} of x contracts of h at its mid, liquidation price
 *                     {@link Liquidation#price} with the other positions' maintenance    &gt;= minLiquidationDistance
 * </pre>
 * Notionals and margins are {@link AccountRisk}'s (standard margin); an order is checked against the account as
 * the logic keeps it ({@link Account}), orders in flight counted as filled.
 * A constraint is met by q when it holds, or when q does not make it worse than without the order (an order
 * that reduces a position is never cut). Each measure is monotone in |x|, so the q that meet every constraint
 * are the lot multiples from 0 to some n lots, found by bisection: the order is cut to the largest (lot-rounded
 * down). Comparisons allow a relative 1e-12 so that a limit met exactly in decimal is met in binary. With a
 * constraint on and c's equity unknown or not positive nothing fits. Garbage-free.
 */
final class MarginConstraints
{
    /** Nothing bound the order. */
    static final int NONE = 0;
    static final int LEVERAGE = 1;
    static final int MARGIN_USAGE = 2;
    static final int LIQUIDATION_DISTANCE = 3;
    /** The currency's equity is unknown (no AccountSnapshot) or not positive. */
    static final int EQUITY = 4;
    static final int CAUSES = 5;
    private static final double TOLERANCE = 1e-12;
    private static final double BPS = 10_000.0;

    private final Instruments ins;
    private final Account account;
    private final AccountRisk risk;
    private PolicyContext p;
    private int h;
    private double equity;
    private double held;
    private double price;
    private double index;
    private double otherNotional;
    private double otherMargin;
    private double otherMaintenance;
    /** The cause that bound the last {@link #fit}. */
    int bound;

    MarginConstraints(final Instruments ins, final Account account, final AccountRisk risk)
    {
        this.ins = ins;
        this.account = account;
        this.risk = risk;
    }

    /**
     * The part of the wanted signed contracts of h that meets the policy's constraints, a lot multiple of the
     * same sign, down to 0; {@link #bound} names the constraint that cut it (NONE when all of it fits). index is
     * the index price of h's underlying.
     */
    double fit(final PolicyContext p, final int h, final double wanted, final double index, final long nowNs)
    {
        bound = NONE;
        if (!p.margin().marginConstrained())
        {
            return wanted;
        }
        final int c = Account.currency(ins, h);
        equity = account.equity(c);
        if (!account.known(c) || !(equity > 0.0))
        {
            bound = EQUITY;
            return 0.0;
        }
        this.p = p;
        this.h = h;
        this.index = index;
        held = ins.position[h] + ins.inFlight[h];
        price = risk.priceOf(h);
        risk.compute(c, h, nowNs);
        otherNotional = risk.notional;
        otherMargin = p.margin().marginBasis() == MarginBasis.INITIAL ? risk.initial : risk.maintenance;
        otherMaintenance = risk.maintenance;
        if (failing(wanted) == NONE)
        {
            return wanted;
        }
        return bisect(wanted);
    }

    /**
     * Sets the counters' margin gauges from the account of h's currency as it stands (the decision's order in
     * flight counted): initial margin / equity and leverage, in basis points; unchanged when its equity is unknown.
     */
    void gauge(final int h, final long nowNs, final LogicCounters counters)
    {
        final int c = Account.currency(ins, h);
        final double e = account.equity(c);
        if (account.known(c) && e > 0.0)
        {
            risk.compute(c, Instruments.MISSING, nowNs);
            counters.marginUsageBps = Math.round(risk.initial / e * BPS);
            counters.leverageBps = Math.round(risk.notional / e * BPS);
        }
    }

    /** The largest lot multiple of wanted's sign that fails no constraint, wanted failing one. */
    private double bisect(final double wanted)
    {
        final double lot = ins.lotSize[h];
        final double unit = Math.copySign(lot, wanted);
        long fits = 0;
        long fails = (long)Math.floor(Math.abs(wanted) / lot + 1e-9);
        while (fails - fits > 1)
        {
            final long mid = (fits + fails) >>> 1;
            if (failing(mid * unit) == NONE)
            {
                fits = mid;
            }
            else
            {
                fails = mid;
            }
        }
        bound = failing(fails * unit);
        return fits * unit;
    }

    /** The first constraint q fails, or NONE; a q that leaves |position| no larger fails none. */
    private int failing(final double q)
    {
        final double x = held + q;
        if (Math.abs(x) <= Math.abs(held))
        {
            return NONE;
        }
        final double targetLeverage = p.margin().targetLeverage();
        if (targetLeverage > 0.0 &&
            otherNotional + Math.abs(Account.notional(ins, h, x, price)) > targetLeverage * equity * (1 + TOLERANCE))
        {
            return LEVERAGE;
        }
        final double maxUsage = p.margin().maxMarginUsage();
        if (maxUsage > 0.0 && !(otherMargin + margin(x) <= maxUsage * equity * (1 + TOLERANCE)))
        {
            return MARGIN_USAGE;
        }
        final double minDistance = p.margin().minLiquidationDistance();
        if (minDistance > 0.0 && distance(x) < minDistance * (1 - TOLERANCE))
        {
            return LIQUIDATION_DISTANCE;
        }
        return NONE;
    }

    private double margin(final double x)
    {
        return p.margin().marginBasis() == MarginBasis.INITIAL ?
            risk.futureInitial(h, x, price) : risk.futureMaintenance(h, x, price);
    }

    /** Liquidation distance of x contracts of h, percent of the index; +infinity when no liquidation price exists. */
    private double distance(final double x)
    {
        final boolean inverse = ins.inverse[h];
        final double size = inverse ? x * ins.contractSize[h] : risk.sizeCoin(h, x, price);
        final double liquidation = Liquidation.price(inverse, size, price, equity, otherMaintenance, risk.margin());
        return Double.isNaN(liquidation) ? Double.POSITIVE_INFINITY :
            Liquidation.distancePercent(size, price, liquidation, index);
    }
}
