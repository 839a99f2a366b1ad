package io.hedgeflow.logic;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;

/**
 * The account's equity per settlement currency: slot {@link #LINEAR} is USDC (every linear instrument), slot
 * 1 + b the coin of the underlying book b (its inverse instruments). An AccountSnapshot input sets a currency's
 * equity; from then on the logic keeps it from inputs only:
 * <pre>
 *   mark-to-market   every new mark m' of an instrument held (a delta-one mid, an option's ticker mark):
 *                    equity += value(q, m, m')      q = contracts held, m = the previous mark
 *   trade            a fill or an option trade of q contracts at price p: equity += value(q, p, m) - fee
 *                    (realized and unrealized P&amp;L together: the contracts are marked at once)
 *   funding          each FundingRate of a perpetual: equity -= value of q at m x r x dt / 8 h, r the previous
 *                    rate, dt the logic time since the previous FundingRate (a long pays a positive rate)
 *   value(q, a, b)   inverse perpetual/future: q x face x (1 / a - 1 / b) coin
 *                    linear, and options (price in the settlement currency): q x size x (b - a)
 * </pre>
 * A currency without an AccountSnapshot keeps the same sums from 0 but is not {@link #known}. Garbage-free.
 */
final class Account
{
    /** Currency slot of the linear (USDC) instruments. */
    static final int LINEAR = 0;
    private static final double FUNDING_PERIOD_NS = 8.0 * 3_600e9;

    private final double[] equity;
    private final boolean[] known;
    /** Per instrument: the mark the last mark-to-market used (0 before the first). */
    private final double[] mark;
    /** Per perpetual: logic time of its last FundingRate (0 before the first). */
    private final long[] fundingSinceNs;

    Account(final int maxUnderlyings, final int maxInstruments)
    {
        equity = new double[maxUnderlyings + 1];
        known = new boolean[maxUnderlyings + 1];
        mark = new double[maxInstruments];
        fundingSinceNs = new long[maxInstruments];
    }

    /** Currency slot of instrument i. */
    static int currency(final Instruments ins, final int i)
    {
        return ins.inverse[i] ? coin(ins.underlying[i]) : LINEAR;
    }

    /** Currency slot of the coin of book b. */
    static int coin(final int book)
    {
        return book + 1;
    }

    /** Sets a currency's equity from an AccountSnapshot. */
    void snapshot(final int currency, final double value)
    {
        equity[currency] = value;
        known[currency] = true;
    }

    boolean known(final int currency)
    {
        return known[currency];
    }

    double equity(final int currency)
    {
        return equity[currency];
    }

    /** The mark instrument i was last valued at (0 before the first). */
    double mark(final int i)
    {
        return mark[i];
    }

    /** A new mark of instrument i, of which qty contracts are held. */
    void onMark(final Instruments ins, final int i, final double qty, final double newMark)
    {
        final double old = mark[i];
        if (old > 0.0 && qty != 0.0)
        {
            equity[currency(ins, i)] += value(ins, i, qty, old, newMark);
        }
        mark[i] = newMark;
    }

    /** A trade of qty signed contracts of instrument i at price, with a fee in its settlement currency. */
    void onTrade(final Instruments ins, final int i, final double qty, final double price, final double fee)
    {
        final int c = currency(ins, i);
        if (mark[i] > 0.0)
        {
            equity[c] += value(ins, i, qty, price, mark[i]);
        }
        else
        {
            mark[i] = price;
        }
        equity[c] -= fee;
    }

    /** Funding of perpetual i, qty contracts held, at the previous rate up to nowNs; then restarts the period. */
    void onFunding(final Instruments ins, final int i, final double qty, final double rate, final long nowNs)
    {
        final long since = fundingSinceNs[i];
        if (since > 0L && qty != 0.0 && mark[i] > 0.0)
        {
            equity[currency(ins, i)] -= notional(ins, i, qty, mark[i]) * rate * ((nowNs - since) / FUNDING_PERIOD_NS);
        }
        fundingSinceNs[i] = nowNs;
    }

    /** Change of value of qty contracts of instrument i when its price moves from a to b. */
    static double value(final Instruments ins, final int i, final double qty, final double a, final double b)
    {
        return ins.inverse[i] && ins.kind[i] != InstrumentKind.OPTION ?
            qty * ins.contractSize[i] * (1.0 / a - 1.0 / b) : qty * ins.contractSize[i] * (b - a);
    }

    /** Signed notional of qty contracts of delta-one instrument i at price, in its settlement currency. */
    static double notional(final Instruments ins, final int i, final double qty, final double price)
    {
        return ins.inverse[i] ? qty * ins.contractSize[i] / price : qty * ins.contractSize[i] * price;
    }

    void writeTo(final StateWriter out, final int instruments)
    {
        out.putInt(equity.length);
        out.putDoubles(equity, equity.length);
        for (final boolean k : known)
        {
            out.putBoolean(k);
        }
        out.putDoubles(mark, instruments);
        out.putLongs(fundingSinceNs, instruments);
    }

    void readFrom(final StateReader in, final int instruments)
    {
        if (in.getInt() != equity.length)
        {
            throw new IllegalArgumentException("snapshot has a different number of account currencies");
        }
        in.getDoubles(equity, equity.length);
        for (int c = 0; c < known.length; c++)
        {
            known[c] = in.getBoolean();
        }
        in.getDoubles(mark, instruments);
        in.getLongs(fundingSinceNs, instruments);
    }
}
