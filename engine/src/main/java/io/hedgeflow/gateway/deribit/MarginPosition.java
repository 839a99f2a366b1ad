package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.risk.margin.MarginContext;
import io.hedgeflow.risk.margin.StandardMargin;

/**
 * One option, future or perpetual position with the market {@link BookMargin} margins it by: its settlement
 * currency (inverse: the coin; linear: the quote currency of its name, BTC_USDC-... settles in USDC), mark (the
 * index when it has none), index, the forward of its expiry and implied volatility (NaN when none).
 */
final class MarginPosition
{
    final String name;
    final String currency;
    final InstrumentKind kind;
    final boolean inverse;
    final boolean call;
    final double strike;
    final long expiryNs;
    final double size;
    final double mark;
    final double index;
    final double forward;
    final double iv;

    MarginPosition(final DeribitInstruments instruments, final int slot, final double size)
    {
        final int underlying = instruments.underlyingId(slot);
        this.name = instruments.name(slot);
        this.kind = instruments.kind(slot);
        this.inverse = instruments.isInverse(slot);
        this.currency = inverse ? instruments.underlyingName(underlying) : quote(name);
        this.call = instruments.isCall(slot);
        this.strike = instruments.strike(slot);
        this.expiryNs = instruments.expiryNs(slot);
        this.size = size;
        this.mark = instruments.mark(slot);
        this.index = instruments.index(underlying);
        this.forward = kind == InstrumentKind.OPTION ? instruments.forward(underlying, expiryNs) : Double.NaN;
        this.iv = kind == InstrumentKind.OPTION && !instruments.hasNoIv(slot) ? instruments.iv(slot) : Double.NaN;
    }

    /** The quote currency of a linear name: USDC of BTC_USDC-PERPETUAL. */
    private static String quote(final String name)
    {
        final int dash = name.indexOf('-');
        final String pair = dash < 0 ? name : name.substring(0, dash);
        final int underscore = pair.indexOf('_');
        return underscore < 0 ? pair : pair.substring(underscore + 1);
    }

    /** A future's or perpetual's price: its mark, else the index. */
    double price()
    {
        return mark > 0.0 ? mark : index;
    }

    /** Size in coin of the underlying: an inverse future's USD size / price; otherwise the size. */
    double coinSize()
    {
        return kind != InstrumentKind.OPTION && inverse ? size / price() : size;
    }

    /** Settlement currency per coin amount: 1 for inverse, the index for linear. */
    double unit()
    {
        return inverse ? 1.0 : index;
    }

    /** An option's mark in coin: an inverse option's as it is, a linear one's / index. */
    private double markCoin()
    {
        return inverse ? mark : mark / index;
    }

    double standardInitial(final MarginContext ctx, final long nowNs)
    {
        return unit() * (kind == InstrumentKind.OPTION ?
            StandardMargin.optionInitial(size, call, index, strike, markCoin(), expiryNs, nowNs, ctx) :
            StandardMargin.futureInitial(coinSize(), ctx));
    }

    double standardMaintenance(final MarginContext ctx, final long nowNs)
    {
        return unit() * (kind == InstrumentKind.OPTION ?
            StandardMargin.optionMaintenance(size, call, markCoin(), expiryNs, nowNs, ctx) :
            StandardMargin.futureMaintenance(coinSize(), ctx));
    }
}
