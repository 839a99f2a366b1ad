package io.hedgeflow.risk.margin;

import io.hedgeflow.greeks.PortableMath;
import io.hedgeflow.greeks.ScenarioVectors;

/**
 * Deribit's portfolio margin of one underlying's book in one settlement currency (docs/margin.md): options,
 * futures and perpetuals repriced together over a grid of underlying moves ({@link MarginContext#priceSteps()}
 * evenly spaced from -{@link MarginContext#priceMove()} to +priceMove) times three volatility scenarios (down, same,
 * up: each option's volatility times 1 -/+ volShock x (volShockDays / days to expiry)^volShockExponent, days at
 * least minDaysToExpiry); maintenance = the worst loss over the grid (at least 0: the unmoved scenario loses
 * nothing) + the option contingency (optionContingency per net short option per strike and expiry) + the futures
 * contingency (futureContingency x the offsetting size, min(long, short), of futures and perpetuals); initial =
 * maintenance x portfolioInitialFactor. Options are repriced with the vector kernel's price pass
 * ({@link ScenarioVectors}: Black-76 on each expiry's forward, r = 0, inverse in coin), every forward moved by the
 * same fraction; a future's P&amp;L is exact (inverse: size / price x m / (1 + m) coin; linear: size x price x m).
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
    private static final double NS_PER_DAY = 86_400e9;

    private final MarginContext ctx;
    private final boolean inverse;
    private final ScenarioVectors options;
    private final double[] contracts;
    private final double[] forwards;
    private final double[] multipliers;
    private final int[] strikeGroup;
    private final double[] groupNet;
    private final int[] expiryGroup;
    private final long[] groupExpiry;
    private final double[] groupShock;
    private final double[] futureSize;
    private final double[] futurePrice;
    private final long[] futureExpiry;
    private int strikeGroups;
    private int expiryGroups;
    private int futures;
    private double worstLoss;
    private double worstMove;
    private int worstVol;
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
        this.options = new ScenarioVectors(optionCapacity, inverse);
        this.contracts = new double[optionCapacity];
        this.forwards = new double[optionCapacity];
        this.multipliers = new double[optionCapacity];
        this.strikeGroup = new int[optionCapacity];
        this.groupNet = new double[optionCapacity];
        this.expiryGroup = new int[optionCapacity];
        this.groupExpiry = new long[optionCapacity];
        this.groupShock = new double[optionCapacity];
        this.futureSize = new double[futureCapacity];
        this.futurePrice = new double[futureCapacity];
        this.futureExpiry = new long[futureCapacity];
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
        final int slot = options.add(call, strike, expiryNs, multiplier);
        multipliers[slot] = multiplier;
        strikeGroup[slot] = strikeGroups;
        expiryGroup[slot] = expiryGroups;
        for (int other = 0; other < slot; other++)
        {
            if (options.expiryNs(other) == expiryNs)
            {
                expiryGroup[slot] = expiryGroup[other];
                if (options.strike(other) == strike)
                {
                    strikeGroup[slot] = strikeGroup[other];
                }
            }
        }
        strikeGroups += strikeGroup[slot] == strikeGroups ? 1 : 0;
        if (expiryGroup[slot] == expiryGroups)
        {
            groupExpiry[expiryGroups++] = expiryNs;
        }
        return slot;
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
        options.vol(slot, vol);
        options.forward(slot, forward);
        this.contracts[slot] = contracts;
        this.forwards[slot] = forward;
    }

    /**
     * Adds a future ({@link #PERPETUAL} for a perpetual) of size 0.
     *
     * @return its slot.
     * @throws IllegalStateException when the future capacity is used up.
     */
    public int addFuture(final long expiryNs)
    {
        if (futures == futureSize.length)
        {
            throw new IllegalStateException("PortfolioMargin futures full: capacity " + futureSize.length);
        }
        futureExpiry[futures] = expiryNs;
        futureSize[futures] = 0.0;
        return futures++;
    }

    /**
     * Sets a future's or perpetual's position and mark price.
     *
     * @param size  inverse: USD (contracts x face); linear: coin. Negative when short.
     * @param price its mark price.
     */
    public void future(final int slot, final double size, final double price)
    {
        if (slot < 0 || slot >= futures)
        {
            throw new IndexOutOfBoundsException("future " + slot + " of " + futures);
        }
        futureSize[slot] = size;
        futurePrice[slot] = price;
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
        if (!(index > 0.0 && index < Double.POSITIVE_INFINITY) || !optionsValued(nowNs))
        {
            return maintenance;
        }
        final double coinDelta = futuresCoin(nowNs);
        if (Double.isNaN(coinDelta))
        {
            return maintenance;
        }
        options.prepare(nowNs);
        worstGrid(coinDelta);
        final double unit = inverse ? 1.0 : index;
        optionContingency = optionNetShort() * ctx.optionContingency() * unit;
        futureContingency *= ctx.futureContingency() * unit;
        maintenance = worstLoss + optionContingency + futureContingency;
        return maintenance;
    }

    /** Sets each option's effective quantity (0 once expired) and shock; false when a held option has no forward. */
    private boolean optionsValued(final long nowNs)
    {
        final double exponent = ctx.volShockExponent();
        for (int g = 0; g < expiryGroups; g++)
        {
            final double days = Math.max((groupExpiry[g] - nowNs) / NS_PER_DAY, ctx.minDaysToExpiry());
            groupShock[g] = ctx.volShock() * PortableMath.exp(exponent * PortableMath.log(ctx.volShockDays() / days));
        }
        for (int slot = 0, size = options.size(); slot < size; slot++)
        {
            final boolean live = options.expiryNs(slot) > nowNs && contracts[slot] != 0.0;
            if (live && !(forwards[slot] > 0.0 && forwards[slot] < Double.POSITIVE_INFINITY))
            {
                return false;
            }
            options.quantity(slot, live ? contracts[slot] : 0.0);
            options.shock(slot, groupShock[expiryGroup[slot]]);
        }
        return true;
    }

    /**
     * The live futures' P&amp;L factor (inverse: coin size, P&amp;L = it x m / (1 + m); linear: size x price, P&amp;L
     * = it x m), leaving the offsetting coin size in futureContingency; NaN when a held one has no price.
     */
    private double futuresCoin(final long nowNs)
    {
        double factor = 0.0, longCoin = 0.0, shortCoin = 0.0;
        for (int i = 0; i < futures; i++)
        {
            if (futureExpiry[i] <= nowNs || futureSize[i] == 0.0)
            {
                continue;
            }
            final double price = futurePrice[i];
            if (!(price > 0.0 && price < Double.POSITIVE_INFINITY))
            {
                return Double.NaN;
            }
            final double coin = inverse ? futureSize[i] / price : futureSize[i];
            factor += inverse ? coin : coin * price;
            longCoin += Math.max(coin, 0.0);
            shortCoin += Math.max(-coin, 0.0);
        }
        futureContingency = Math.min(longCoin, shortCoin);
        return factor;
    }

    private void worstGrid(final double futuresFactor)
    {
        final double base = options.value(0.0, ScenarioVectors.VOL_SAME);
        final int steps = ctx.priceSteps();
        final double range = ctx.priceMove();
        worstLoss = 0.0;
        worstMove = 0.0;
        worstVol = ScenarioVectors.VOL_SAME;
        for (int j = 0; j < steps; j++)
        {
            final double move = range * (2.0 * j - (steps - 1)) / (steps - 1);
            final double futuresPnl = futuresFactor * (inverse ? move / (1.0 + move) : move);
            for (int vol = ScenarioVectors.VOL_DOWN; vol <= ScenarioVectors.VOL_UP; vol++)
            {
                final double loss = base - options.value(move, vol) - futuresPnl;
                if (loss > worstLoss)
                {
                    worstLoss = loss;
                    worstMove = move;
                    worstVol = vol;
                }
            }
        }
    }

    private double optionNetShort()
    {
        for (int g = 0; g < strikeGroups; g++)
        {
            groupNet[g] = 0.0;
        }
        for (int slot = 0, size = options.size(); slot < size; slot++)
        {
            groupNet[strikeGroup[slot]] += options.quantity(slot) * multipliers[slot];
        }
        double netShort = 0.0;
        for (int g = 0; g < strikeGroups; g++)
        {
            netShort += Math.max(-groupNet[g], 0.0);
        }
        return netShort;
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
        return worstLoss;
    }

    /** The underlying move of the worst scenario (0 when no scenario loses). */
    public double worstMove()
    {
        return worstMove;
    }

    /** The volatility scenario of the worst scenario: {@link ScenarioVectors#VOL_DOWN}, _SAME or _UP. */
    public int worstVol()
    {
        return worstVol;
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
        return options.size();
    }

    /** Futures and perpetuals added. */
    public int futureCount()
    {
        return futures;
    }

    /** Frees the option vectors; the instance must not be used afterwards. */
    public void close()
    {
        options.close();
    }
}
