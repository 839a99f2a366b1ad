package io.hedgeflow.logic;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.risk.margin.Liquidation;
import io.hedgeflow.risk.margin.MarginContext;
import io.hedgeflow.risk.margin.StandardMargin;

import java.util.ArrayList;
import java.util.List;

/**
 * Notional and Deribit standard margin ({@link StandardMargin}) of one settlement currency's positions, orders in
 * flight counted as filled, optionally without one instrument (the one a hedge order would change):
 * <pre>
 *   perpetuals, futures   size = contracts x face / price coin (inverse) or contracts x size coin (linear)
 *                         notional = |size| (coin) or |size| x price (USDC); margin = futureInitial / Maintenance
 *   options               size = contracts x size coin, mark in coin (a linear mark / index); optionInitial /
 *                         Maintenance at the index of the option's underlying
 *   linear (USDC)         coin margins x the underlying's index (delta-one: x its price)
 * </pre>
 * price is the instrument's mid, or its last mark without a two-sided quote; spot holds no margin and no notional.
 * Garbage-free: the sums are fields, one currency at a time.
 */
final class AccountRisk
{
    private final Instruments ins;
    private final Books books;
    private final Account account;
    private final MarginContext margin;
    double notional;
    double initial;
    double maintenance;

    AccountRisk(final Instruments ins, final Books books, final Account account, final MarginContext margin)
    {
        this.ins = ins;
        this.books = books;
        this.account = account;
        this.margin = margin;
    }

    /** Sums currency c's positions other than instrument except (or {@link Instruments#MISSING}) at nowNs. */
    void compute(final int c, final int except, final long nowNs)
    {
        notional = 0.0;
        initial = 0.0;
        maintenance = 0.0;
        for (int i = 0, n = ins.count(); i < n; i++)
        {
            if (i == except || Account.currency(ins, i) != c || ins.kind[i] == InstrumentKind.SPOT)
            {
                continue;
            }
            if (ins.kind[i] == InstrumentKind.OPTION)
            {
                addOption(i, nowNs);
            }
            else
            {
                final double contracts = ins.position[i] + ins.inFlight[i];
                final double price = priceOf(i);
                if (contracts != 0.0 && price > 0.0)
                {
                    notional += Math.abs(Account.notional(ins, i, contracts, price));
                    initial += futureInitial(i, contracts, price);
                    maintenance += futureMaintenance(i, contracts, price);
                }
            }
        }
    }

    private void addOption(final int i, final long nowNs)
    {
        final int slot = ins.greekSlot[i];
        final UnderlyingBook book = books.get(ins.underlying[i]);
        final double contracts = slot == Instruments.MISSING ? 0.0 : book.vectors.quantity(slot);
        final double index = book.indexPrice;
        if (contracts == 0.0 || !(index > 0.0))
        {
            return;
        }
        final double size = contracts * ins.contractSize[i];
        final double toCurrency = ins.inverse[i] ? 1.0 : index;
        final double mark = account.mark(i) / toCurrency;
        initial += StandardMargin.optionInitial(size, ins.call[i], index, ins.strike[i], mark, ins.expiryNs[i],
            nowNs, margin) * toCurrency;
        maintenance += StandardMargin.optionMaintenance(size, ins.call[i], mark, ins.expiryNs[i], nowNs, margin) *
            toCurrency;
    }

    /** Position size in coin of contracts of delta-one instrument i at price. */
    double sizeCoin(final int i, final double contracts, final double price)
    {
        return ins.inverse[i] ? contracts * ins.contractSize[i] / price : contracts * ins.contractSize[i];
    }

    /** Initial margin of contracts of delta-one instrument i at price, in its settlement currency. */
    double futureInitial(final int i, final double contracts, final double price)
    {
        return StandardMargin.futureInitial(sizeCoin(i, contracts, price), margin) * (ins.inverse[i] ? 1.0 : price);
    }

    /** Maintenance margin of contracts of delta-one instrument i at price, in its settlement currency. */
    double futureMaintenance(final int i, final double contracts, final double price)
    {
        return StandardMargin.futureMaintenance(sizeCoin(i, contracts, price), margin) *
            (ins.inverse[i] ? 1.0 : price);
    }

    /** Mid of instrument i, or its last mark-to-market price without a two-sided quote (0 when neither). */
    double priceOf(final int i)
    {
        return ins.bid[i] > 0.0 && ins.ask[i] > 0.0 ? 0.5 * (ins.bid[i] + ins.ask[i]) : account.mark(i);
    }

    /** The account per settlement currency at nowNs ({@link HedgeLogic#accounts}). */
    List<AccountReport> reports(final long nowNs)
    {
        final List<AccountReport> reports = new ArrayList<>();
        for (int c = Account.LINEAR; c <= books.count(); c++)
        {
            if (account.known(c) || settles(c))
            {
                reports.add(report(c, nowNs));
            }
        }
        return reports;
    }

    private boolean settles(final int c)
    {
        for (int i = 0; i < ins.count(); i++)
        {
            if (Account.currency(ins, i) == c)
            {
                return true;
            }
        }
        return false;
    }

    private AccountReport report(final int c, final long nowNs)
    {
        final double equity = account.known(c) ? account.equity(c) : Double.NaN;
        final List<AccountReport.Position> positions = new ArrayList<>();
        for (int i = 0; i < ins.count(); i++)
        {
            final double contracts = ins.position[i] + ins.inFlight[i];
            if (Account.currency(ins, i) == c && contracts != 0.0 &&
                (ins.kind[i] == InstrumentKind.PERPETUAL || ins.kind[i] == InstrumentKind.FUTURE))
            {
                compute(c, i, nowNs);
                final double price = priceOf(i);
                final double size = ins.inverse[i] ? contracts * ins.contractSize[i] :
                    sizeCoin(i, contracts, price);
                final double liquidation = Liquidation.price(ins.inverse[i], size, price, equity,
                    maintenance, margin);
                positions.add(new AccountReport.Position(ins.id[i], contracts, liquidation,
                    Liquidation.distancePercent(size, price, liquidation, books.get(ins.underlying[i]).indexPrice)));
            }
        }
        compute(c, Instruments.MISSING, nowNs);
        return new AccountReport(c == Account.LINEAR ? 0 : books.get(c - 1).underlyingId, c != Account.LINEAR,
            equity, initial, maintenance, notional, notional / equity, positions);
    }

    MarginContext margin()
    {
        return margin;
    }
}
