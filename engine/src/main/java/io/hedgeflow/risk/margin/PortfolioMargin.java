package io.hedgeflow.risk.margin;

import io.hedgeflow.greeks.ScenarioVectors;

/**
 * Deribit's portfolio margin of one underlying's book in one settlement currency (docs/margin.md): options,
 * futures and perpetuals repriced together over a grid of underlying moves ({@link MarginContext#priceSteps()}
 * evenly spaced from -{@link MarginContext#priceMove()} to +priceMove) times three volatility scenarios (down, same,
 * up: each option's volatility times 1 -/+ volShock x (volShockDays / days to expiry)^volShockExponent, days at
 * least minDaysToExpiry); maintenance = the worst loss over the grid (at least 0: the unmoved scenario loses
 * nothing) + the option contingency (optionContingency per net short option per strike and expiry) + the futures
 * contingency (futureContingency x the offsetting size, min(long, short), of futures and perpetuals); initial =
 * maintenance x portfolioInitialFactor. The grid is {@code ScenarioGrid}; options are repriced over it at once
 * with the vector kernel's price pass ({@code PortfolioOptions}, {@link ScenarioVectors}: Black-76 on each expiry's
 * forward, r = 0, inverse in coin), every forward moved by the same fraction; a future's P&amp;L is exact
 * ({@code PortfolioFutures}: inverse size / price x m / (1 + m) coin; linear size x price x m).
 * <p>
 * Amounts are in the settlement currency: coin for an inverse book (contingencies as published, in coin), USDC for
 * a linear book (contingencies in coin times the index). Edge cases: an option or future at or past its expiry is
 * left out (it has settled); a position of size 0 adds nothing; an index, or the forward or price of a position
 * held, that is not positive and finite gives NaN (no valuation exists: callers treat it as a breach).
 * Garbage-free after construction; not thread safe.
 */
public final class PortfolioMargin implements AutoCloseable
{
    /** Expiry of a perpetual. */
    public static final long PERPETUAL = Long.MAX_VALUE;

    private final MarginContext ctx;
    private final boolean inverse;
    private final ScenarioGrid grid;
    private final PortfolioOptions options;
    private final PortfolioFutures futures;
    private double optionContingency;
    private double futureContingency;
    private double maintenance = Double.NaN;

    /**
     * @param ctx            concluded parameters.
     * @param optionCapacity the most options.
     * @param futureCapacity the most futures and perpetuals.
     * @param inverse        coin-settled book (amounts in coin) rather than linear (USDC).
     */
    public PortfolioMargin(
        final MarginContext ctx, final int optionCapacity, final int futureCapacity, final boolean inverse)
    {
        this.ctx = ctx;
        this.inverse = inverse;
        this.grid = new ScenarioGrid(ctx);
        this.options = new PortfolioOptions(optionCapacity, grid.steps(), inverse);
        this.futures = new PortfolioFutures(futureCapacity, inverse);
    }

    /**
     * Adds an option of size 0.
     *
     * @param multiplier coin of underlying per contract.
     * @return its slot.
     * @throws IllegalStateException when the option capacity is used up.
     */
    public int addOption(final boolean call, final double strike, final long expiryNs, final double multiplier)
    {
        return options.add(call, strike, expiryNs, multiplier);
    }

    /**
     * Sets an option's position and market.
     *
     * @param contracts contracts, negative when short.
     * @param forward   the forward of its expiry.
     * @param vol       its implied volatility (mark).
     */
    public void option(final int slot, final double contracts, final double forward, final double vol)
    {
        options.set(slot, contracts, forward, vol);
    }

    /**
     * Adds a future ({@link #PERPETUAL} for a perpetual) of size 0.
     *
     * @return its slot.
     * @throws IllegalStateException when the future capacity is used up.
     */
    public int addFuture(final long expiryNs)
    {
        return futures.add(expiryNs);
    }

    /**
     * Sets a future's or perpetual's position and mark price.
     *
     * @param size  inverse: USD (contracts x face); linear: coin. Negative when short.
     * @param price its mark price.
     */
    public void future(final int slot, final double size, final double price)
    {
        futures.set(slot, size, price);
    }

    /**
     * Recomputes the margin at a valuation time.
     *
     * @param nowNs valuation time (days to expiry, expired positions).
     * @param index the underlying's index price (the linear book's contingencies).
     * @return the maintenance margin, settlement currency; NaN when no valuation exists (see the class notes).
     */
    public double compute(final long nowNs, final double index)
    {
        maintenance = Double.NaN;
        if (!(index > 0.0 && index < Double.POSITIVE_INFINITY))
        {
            return maintenance;
        }
        final double futuresFactor = futures.factor(nowNs);
        if (Double.isNaN(futuresFactor) || !options.value(nowNs, grid))
        {
            return maintenance;
        }
        grid.worst(futuresFactor, inverse);
        final double unit = inverse ? 1.0 : index;
        optionContingency = options.netShort() * ctx.optionContingency() * unit;
        futureContingency = futures.offsetting() * ctx.futureContingency() * unit;
        maintenance = grid.worstLoss() + optionContingency + futureContingency;
        return maintenance;
    }

    /** Maintenance margin of the last {@link #compute}, settlement currency; NaN when none exists. */
    public double maintenance()
    {
        return maintenance;
    }

    /** Initial margin of the last {@link #compute}: maintenance x portfolioInitialFactor. */
    public double initial()
    {
        return maintenance * ctx.portfolioInitialFactor();
    }

    /** The worst loss over the grid of the last {@link #compute} (at least 0). */
    public double worstLoss()
    {
        return grid.worstLoss();
    }

    /** The underlying move of the worst scenario (0 when no scenario loses). */
    public double worstMove()
    {
        return grid.worstMove();
    }

    /** The volatility scenario of the worst scenario: {@link ScenarioVectors#VOL_DOWN}, _SAME or _UP. */
    public int worstVol()
    {
        return grid.worstVol();
    }

    /** The option contingency of the last {@link #compute}. */
    public double optionContingency()
    {
        return optionContingency;
    }

    /** The futures contingency of the last {@link #compute}. */
    public double futureContingency()
    {
        return futureContingency;
    }

    /** Options added. */
    public int optionCount()
    {
        return options.count();
    }

    /** Futures and perpetuals added. */
    public int futureCount()
    {
        return futures.count();
    }

    /** Frees the option vectors; the instance must not be used afterwards. */
    public void close()
    {
        options.close();
    }
}
