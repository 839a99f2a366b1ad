package io.hedgeflow.logic;

import io.hedgeflow.codecs.InstrumentKind;

/**
 * The policy's constraints on a hedge order of instrument h, in h's settlement currency c ({@link Account}):
 * <pre>
 *   x = contracts of h held + in flight + the order's q
 *   leverage(q)     = (sum over c's other perpetuals and futures of |held + in flight| x notional per contract
 *                      + |x| x notional per contract of h) / equity(c)                &lt;= targetLeverage
 *   marginUsage(q)  = margin of c's positions with x contracts of h / equity(c)         &lt;= maxMarginUsage
 *   distance(q)     = |liquidation price of x contracts of h - index| / index x 100      &gt;= minLiquidationDistance
 * </pre>
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
    private static final double TOLERANCE = 1.0 + 1e-12;

    private final Instruments ins;
    private final Account account;
    private PolicyContext p;
    private int h;
    private double equity;
    private double held;
    private double notionalPerContract;
    private double otherNotional;
    /** The cause that bound the last {@link #fit}. */
    int bound;

    MarginConstraints(final Instruments ins, final Account account)
    {
        this.ins = ins;
        this.account = account;
    }

    /**
     * The part of the wanted signed contracts of h that meets the policy's constraints, a lot multiple of the
     * same sign, down to 0; {@link #bound} names the constraint that cut it (NONE when all of it fits).
     */
    double fit(final PolicyContext p, final int h, final double wanted, final double price)
    {
        bound = NONE;
        if (!p.marginConstrained())
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
        held = ins.position[h] + ins.inFlight[h];
        notionalPerContract = Math.abs(Account.notional(ins, h, 1.0, price));
        otherNotional = otherNotional(c);
        if (failing(wanted) == NONE)
        {
            return wanted;
        }
        final double lot = ins.lotSize[h];
        final long lots = (long)Math.floor(Math.abs(wanted) / lot + 1e-9);
        final double unit = Math.copySign(lot, wanted);
        long fits = 0;
        long fails = lots;
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

    /** The first constraint q fails, or NONE. */
    private int failing(final double q)
    {
        final double x = held + q;
        final boolean worse = Math.abs(x) > Math.abs(held);
        if (!worse)
        {
            return NONE;
        }
        final double targetLeverage = p.targetLeverage();
        if (targetLeverage > 0.0 && leverage(x) > targetLeverage * TOLERANCE)
        {
            return LEVERAGE;
        }
        return NONE;
    }

    /** Leverage of the currency with x contracts of h. */
    private double leverage(final double x)
    {
        return (otherNotional + Math.abs(x) * notionalPerContract) / equity;
    }

    /** Notional of the currency's perpetuals and futures other than h, orders in flight counted. */
    private double otherNotional(final int c)
    {
        double sum = 0.0;
        for (int i = 0, n = ins.count(); i < n; i++)
        {
            final double price = priceOf(i);
            if (i != h && ins.kind[i] != InstrumentKind.OPTION && ins.kind[i] != InstrumentKind.SPOT &&
                Account.currency(ins, i) == c && price > 0.0)
            {
                sum += Math.abs(Account.notional(ins, i, ins.position[i] + ins.inFlight[i], price));
            }
        }
        return sum;
    }

    /** Mid of instrument i, or its last mark-to-market price without a two-sided quote. */
    private double priceOf(final int i)
    {
        return ins.bid[i] > 0.0 && ins.ask[i] > 0.0 ? 0.5 * (ins.bid[i] + ins.ask[i]) : account.mark(i);
    }
}
