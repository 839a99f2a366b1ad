package io.hedgeflow.risk.margin;

/**
 * Deribit's standard margin, per position, as static functions on primitives (docs/margin.md restates the published
 * formulas). Amounts are in coin of the underlying per unit of underlying (an inverse book's settlement currency;
 * a linear USDC book multiplies them by the index price, with option marks given in coin, mark USDC / index).
 * <ul>
 * <li>Futures and perpetuals: margin = |size| x rate, rate = base + increment x |size| / incrementSize, size in
 * coin (an inverse contract's USD size / its mark price); initial and maintenance differ only in the base.</li>
 * <li>Short call: initial = max(a - OTM / U, b) + mark, maintenance = m + mark, OTM = max(K - U, 0).</li>
 * <li>Short put: maintenance = max(m, m x mark) + mark; initial = max(max(a - OTM / U, b) + mark, maintenance),
 * OTM = max(U - K, 0).</li>
 * <li>Long option: the premium is paid and no further margin is charged; its mark is held as both initial and
 * maintenance margin, so the option's value (part of equity) never counts as collateral for other positions.</li>
 * </ul>
 * a, b, m are {@link MarginContext#optionInitialRate()}, {@link MarginContext#optionMinimumRate()} and
 * {@link MarginContext#optionMaintenanceRate()}; U the underlying (index) price, K the strike, mark the option's
 * mark price in coin. Edge cases: size 0 gives 0 (whatever the other inputs); an option at or past its expiry gives
 * 0 (it has settled); an underlying price that is not positive (no index) earns no out-of-the-money credit
 * (OTM / U is taken as 0, the largest requirement); NaN inputs otherwise give NaN, which callers treat as a breach.
 */
public final class StandardMargin
{
    private StandardMargin()
    {
    }

    /**
     * Futures and perpetual margin rate for a position size.
     *
     * @param sizeCoin      position size, coin (either sign).
     * @param base          rate of a size-0 position.
     * @param increment     rate added per incrementSize of size.
     * @param incrementSize coin per increment, positive.
     * @return base + increment x |sizeCoin| / incrementSize.
     */
    public static double futureRate(
        final double sizeCoin, final double base, final double increment, final double incrementSize)
    {
        return base + increment * Math.abs(sizeCoin) / incrementSize;
    }

    /** Futures and perpetual margin, coin: |sizeCoin| x {@link #futureRate}; 0 for size 0. */
    public static double future(
        final double sizeCoin, final double base, final double increment, final double incrementSize)
    {
        return sizeCoin == 0.0 ? 0.0 : Math.abs(sizeCoin) * futureRate(sizeCoin, base, increment, incrementSize);
    }

    /** Initial margin of a futures or perpetual position, coin. */
    public static double futureInitial(final double sizeCoin, final MarginContext ctx)
    {
        return future(sizeCoin, ctx.futureInitialRate(), ctx.futureRateIncrement(), ctx.futureIncrementSize());
    }

    /** Maintenance margin of a futures or perpetual position, coin. */
    public static double futureMaintenance(final double sizeCoin, final MarginContext ctx)
    {
        return future(sizeCoin, ctx.futureMaintenanceRate(), ctx.futureRateIncrement(), ctx.futureIncrementSize());
    }

    /** Out-of-the-money amount / underlying: (K - U) / U for a call, (U - K) / U for a put, at least 0; 0 for U &lt;= 0. */
    public static double otmFraction(final boolean call, final double underlying, final double strike)
    {
        if (!(underlying > 0.0))
        {
            return 0.0;
        }
        return Math.max(call ? strike - underlying : underlying - strike, 0.0) / underlying;
    }

    /** Short call initial margin per option, coin: max(a - OTM / U, b) + mark. */
    public static double shortCallInitial(
        final double underlying, final double strike, final double mark, final double a, final double b)
    {
        return Math.max(a - otmFraction(true, underlying, strike), b) + mark;
    }

    /** Short call maintenance margin per option, coin: m + mark. */
    public static double shortCallMaintenance(final double mark, final double m)
    {
        return m + mark;
    }

    /** Short put initial margin per option, coin: max(max(a - OTM / U, b) + mark, maintenance). */
    public static double shortPutInitial(
        final double underlying, final double strike, final double mark, final double a, final double b,
        final double m)
    {
        return Math.max(Math.max(a - otmFraction(false, underlying, strike), b) + mark, shortPutMaintenance(mark, m));
    }

    /** Short put maintenance margin per option, coin: max(m, m x mark) + mark. */
    public static double shortPutMaintenance(final double mark, final double m)
    {
        return Math.max(m, m * mark) + mark;
    }

    /**
     * Initial margin of an option position, coin.
     *
     * @param size       position, coin of underlying (contracts x multiplier), negative when short.
     * @param call       call or put.
     * @param underlying the index price U.
     * @param strike     strike K.
     * @param mark       the option's mark price, coin per option.
     * @param expiryNs   expiry; at or before nowNs the margin is 0.
     * @param nowNs      valuation time.
     * @param ctx        the rates.
     * @return the margin; long: size x mark; short: |size| x the per-option formula.
     */
    public static double optionInitial(
        final double size, final boolean call, final double underlying, final double strike, final double mark,
        final long expiryNs, final long nowNs, final MarginContext ctx)
    {
        if (size == 0.0 || nowNs >= expiryNs)
        {
            return 0.0;
        }
        if (size > 0.0)
        {
            return size * mark;
        }
        return -size * (call ?
            shortCallInitial(underlying, strike, mark, ctx.optionInitialRate(), ctx.optionMinimumRate()) :
            shortPutInitial(underlying, strike, mark, ctx.optionInitialRate(), ctx.optionMinimumRate(),
                ctx.optionMaintenanceRate()));
    }

    /** Maintenance margin of an option position, coin; arguments as {@link #optionInitial}. */
    public static double optionMaintenance(
        final double size, final boolean call, final double mark, final long expiryNs, final long nowNs,
        final MarginContext ctx)
    {
        if (size == 0.0 || nowNs >= expiryNs)
        {
            return 0.0;
        }
        if (size > 0.0)
        {
            return size * mark;
        }
        final double m = ctx.optionMaintenanceRate();
        return -size * (call ? shortCallMaintenance(mark, m) : shortPutMaintenance(mark, m));
    }
}
