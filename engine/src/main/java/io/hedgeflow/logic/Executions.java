package io.hedgeflow.logic;

import io.hedgeflow.risk.PreTradeRisk;

/**
 * What the venue's reports do to an open order, whether they come one by one (ExecutionReport) or summed up
 * after a logon (Reconciliation): a fill moves contracts from in flight to the position (and to the cross hedge
 * that sent the order) and its price and fee to the account's equity, and an order that ends takes what it still
 * had working out of flight.
 */
final class Executions
{
    private final Instruments ins;
    private final Books books;
    private final OpenOrders openOrders;
    private final PreTradeRisk risk;
    private final LogicCounters counters;
    private final Account account;

    Executions(
        final Instruments ins,
        final Books books,
        final OpenOrders openOrders,
        final PreTradeRisk risk,
        final LogicCounters counters,
        final Account account)
    {
        this.ins = ins;
        this.books = books;
        this.openOrders = openOrders;
        this.risk = risk;
        this.counters = counters;
        this.account = account;
    }

    /** Applies a fill of signed contracts (the order's sign, at most its leaves) at price, fee in settlement. */
    void fill(final int k, final double filled, final double price, final double fee)
    {
        final int i = openOrders.instrument(k);
        final UnderlyingBook owner = books.get(openOrders.book(k));
        risk.onFill();
        counters.fills++;
        ins.position[i] += filled;
        ins.inFlight[i] -= filled;
        account.onTrade(ins, i, filled, price, fee);
        if (owner.ratioHedged(ins, i))
        {
            owner.cross.position += filled;
            owner.cross.inFlight -= filled;
            ins.heldForOthers[i] += filled;
            ins.inFlightForOthers[i] -= filled;
        }
        final UnderlyingBook book = books.get(ins.underlying[i]);
        book.costs.onFill(filled, price, ins.mid(i), fee, ins.contractSize[i], ins.inverse[i],
            ins.inverse[book.hedgeInstrument == Instruments.MISSING ? i : book.hedgeInstrument], book.indexPrice);
        openOrders.reduce(k, filled);
    }

    /** Ends order k (filled, cancelled, rejected or lost): its remaining contracts are no longer in flight. */
    void close(final int k)
    {
        final int i = openOrders.instrument(k);
        final UnderlyingBook owner = books.get(openOrders.book(k));
        final double remaining = openOrders.signedLeaves(k);
        ins.inFlight[i] -= remaining;
        if (owner.ratioHedged(ins, i))
        {
            owner.cross.inFlight -= remaining;
            ins.inFlightForOthers[i] -= remaining;
        }
        openOrders.remove(k);
    }
}
