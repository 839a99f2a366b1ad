package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.risk.margin.Liquidation;
import io.hedgeflow.risk.margin.MarginContext;
import io.hedgeflow.risk.margin.MarginModel;
import io.hedgeflow.risk.margin.PortfolioMargin;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The margin of an account's positions at the end of a Deribit feed, per settlement currency (the coin for inverse
 * instruments, the quote currency, USDC, for linear ones), as {@code risk --account} reports it (docs/margin.md):
 * the model (the account file's {@code margin_model}, else {@link MarginContext#model()}), equity (the account
 * file's; NaN without an account in that currency), initial and maintenance margin by that model over the
 * positions, notional (the sum of |size in coin| over every position, options by their underlying amount; in the
 * settlement currency: coin, or coin x index for linear) and leverage = notional / equity; per future or perpetual
 * (spot holdings are not margined and left out) the estimated liquidation price and its distance in percent of the index ({@link Liquidation}, the other
 * positions' maintenance margin held: the currency's maintenance margin less the position's standard maintenance).
 * Options are valued as {@link BookRisk} values them: mark, and for portfolio margin the latest implied volatility
 * on the expiry's forward (an option whose mark has no implied volatility is repriced at volatility 0, intrinsic).
 */
public final class BookMargin
{
    /** A future's or perpetual's liquidation estimate; NaN where none exists. */
    public record PositionMargin(String instrument, double size, double liquidationPrice, double liquidationDistance)
    {
    }

    /** One settlement currency's margin. */
    public record CurrencyMargin(
        String currency, MarginModel model, double equity, double initialMargin, double maintenanceMargin,
        double notional, double leverage, List<PositionMargin> positions)
    {
    }

    private BookMargin()
    {
    }

    /**
     * @param positions positions whose instruments the feed defined (as {@link BookRisk#of} checks).
     * @param accounts  the account file's accounts (an empty list: no equity).
     */
    public static List<CurrencyMargin> of(
        final DeribitInstruments instruments, final List<PositionsFile.Position> positions,
        final List<AccountFile.Account> accounts, final MarginContext ctx, final long endTimeNs)
    {
        final TreeMap<String, List<MarginPosition>> byCurrency = new TreeMap<>();
        for (final PositionsFile.Position position : positions)
        {
            final int slot = slotOf(instruments, position.instrument());
            if (slot != DeribitInstruments.MISSING && instruments.kind(slot) != null &&
                instruments.kind(slot) != InstrumentKind.SPOT)
            {
                final MarginPosition held = new MarginPosition(instruments, slot, position.size());
                byCurrency.computeIfAbsent(held.currency, c -> new ArrayList<>()).add(held);
            }
        }
        final List<CurrencyMargin> result = new ArrayList<>();
        byCurrency.forEach((currency, held) -> result.add(currency(currency, held, accounts, ctx, endTimeNs)));
        return result;
    }

    private static CurrencyMargin currency(
        final String currency, final List<MarginPosition> held, final List<AccountFile.Account> accounts,
        final MarginContext ctx, final long nowNs)
    {
        final AccountFile.Account account = AccountFile.find(accounts, currency);
        final MarginModel model = account != null && account.marginModel() != null ? account.marginModel() :
            ctx.model();
        final double equity = account != null ? account.equity() : Double.NaN;
        double initial = 0.0, maintenance = 0.0, notional = 0.0;
        for (final MarginPosition h : held)
        {
            initial += h.standardInitial(ctx, nowNs);
            maintenance += h.standardMaintenance(ctx, nowNs);
            notional += Math.abs(h.coinSize()) * h.unit();
        }
        if (model == MarginModel.PORTFOLIO)
        {
            try (PortfolioMargin portfolio = portfolio(held, ctx))
            {
                maintenance = portfolio.compute(nowNs, held.get(0).index);
                initial = portfolio.initial();
            }
        }
        final List<PositionMargin> positions = new ArrayList<>();
        for (final MarginPosition h : held)
        {
            if (h.kind != InstrumentKind.OPTION)
            {
                final double liquidation = Liquidation.price(h.inverse, h.size, h.price(), equity,
                    maintenance - h.standardMaintenance(ctx, nowNs), ctx);
                positions.add(new PositionMargin(h.name, h.size, liquidation,
                    Liquidation.distancePercent(h.size, h.price(), liquidation, h.index)));
            }
        }
        return new CurrencyMargin(currency, model, equity, initial, maintenance, notional, notional / equity,
            positions);
    }

    private static PortfolioMargin portfolio(final List<MarginPosition> held, final MarginContext ctx)
    {
        int options = 0;
        for (final MarginPosition h : held)
        {
            options += h.kind == InstrumentKind.OPTION ? 1 : 0;
        }
        final PortfolioMargin portfolio = new PortfolioMargin(ctx, options, held.size() - options, held.get(0).inverse);
        for (final MarginPosition h : held)
        {
            if (h.kind == InstrumentKind.OPTION)
            {
                final int slot = portfolio.addOption(h.call, h.strike, h.expiryNs, 1.0);
                portfolio.option(slot, h.size, h.forward, Double.isNaN(h.iv) ? 0.0 : h.iv);
            }
            else
            {
                final int slot = portfolio.addFuture(h.kind == InstrumentKind.PERPETUAL ? PortfolioMargin.PERPETUAL :
                    h.expiryNs);
                portfolio.future(slot, h.size, h.price());
            }
        }
        return portfolio;
    }

    private static int slotOf(final DeribitInstruments instruments, final String name)
    {
        for (int slot = 0; slot < instruments.count(); slot++)
        {
            if (instruments.name(slot).equals(name))
            {
                return slot;
            }
        }
        return DeribitInstruments.MISSING;
    }
}
