package io.hedgeflow.risk.margin;

import io.hedgeflow.greeks.ScenarioVectors;

/**
 * The options of a portfolio margin book, repriced over the {@link ScenarioGrid} with the vector kernel
 * ({@link ScenarioVectors}), and their net short size per strike and expiry (the option contingency). Options are
 * grouped by expiry when added, so the volatility shock, which depends on days to expiry only, is computed once
 * per expiry, and only when the valuation time changes; a slot's effective quantity is written to the vectors only
 * when it changes, and the net short size is summed again only after a quantity changed. Garbage-free after
 * construction; not thread safe.
 */
final class PortfolioOptions implements AutoCloseable
{
    private final ScenarioVectors vectors;
    private final double[] contracts;
    private final double[] quantities;
    private final long[] expiries;
    private final double[] forwards;
    private final double[] multipliers;
    private final int[] strikeGroup;
    private final double[] groupNet;
    private final int[] expiryGroup;
    private final long[] groupExpiry;
    private final double[] groupShock;
    private int strikeGroups;
    private int expiryGroups;
    private long shockNowNs = Long.MIN_VALUE;
    private double netShort;
    private boolean netShortStale;

    PortfolioOptions(final int capacity, final int steps, final boolean inverse)
    {
        vectors = new ScenarioVectors(capacity, steps, inverse);
        contracts = new double[capacity];
        quantities = new double[capacity];
        expiries = new long[capacity];
        forwards = new double[capacity];
        multipliers = new double[capacity];
        strikeGroup = new int[capacity];
        groupNet = new double[capacity];
        expiryGroup = new int[capacity];
        groupExpiry = new long[capacity];
        groupShock = new double[capacity];
    }

    int add(final boolean call, final double strike, final long expiryNs, final double multiplier)
    {
        final int slot = vectors.add(call, strike, expiryNs, multiplier);
        multipliers[slot] = multiplier;
        expiries[slot] = expiryNs;
        shockNowNs = Long.MIN_VALUE;
        strikeGroup[slot] = strikeGroups;
        expiryGroup[slot] = expiryGroups;
        for (int other = 0; other < slot; other++)
        {
            if (vectors.expiryNs(other) == expiryNs)
            {
                expiryGroup[slot] = expiryGroup[other];
                if (vectors.strike(other) == strike)
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

    void set(final int slot, final double contracts, final double forward, final double vol)
    {
        vectors.vol(slot, vol);
        vectors.forward(slot, forward);
        this.contracts[slot] = contracts;
        this.forwards[slot] = forward;
    }

    int count()
    {
        return vectors.size();
    }

    /**
     * Values the options in every scenario of the grid at nowNs into {@link ScenarioGrid#values()}: each option's
     * effective quantity (0 once expired) and its expiry's shock, then the vector kernel.
     *
     * @return false, valuing nothing, when a held option has no forward (not positive and finite).
     */
    boolean value(final long nowNs, final ScenarioGrid grid)
    {
        if (nowNs != shockNowNs)
        {
            shocks(nowNs, grid);
        }
        for (int slot = 0, size = vectors.size(); slot < size; slot++)
        {
            final boolean live = expiries[slot] > nowNs && contracts[slot] != 0.0;
            if (live && !(forwards[slot] > 0.0 && forwards[slot] < Double.POSITIVE_INFINITY))
            {
                return false;
            }
            final double quantity = live ? contracts[slot] : 0.0;
            if (quantity != quantities[slot])
            {
                quantities[slot] = quantity;
                vectors.quantity(slot, quantity);
                netShortStale = true;
            }
        }
        vectors.prepare(nowNs);
        vectors.values(grid.moves(), grid.steps(), grid.values());
        return true;
    }

    private void shocks(final long nowNs, final ScenarioGrid grid)
    {
        for (int g = 0; g < expiryGroups; g++)
        {
            groupShock[g] = grid.volShock(groupExpiry[g], nowNs);
        }
        for (int slot = 0, size = vectors.size(); slot < size; slot++)
        {
            vectors.shock(slot, groupShock[expiryGroup[slot]]);
        }
        shockNowNs = nowNs;
    }

    /** Sum over strikes and expiries of the net short size (contracts x multiplier) of the last {@link #value}. */
    double netShort()
    {
        if (netShortStale)
        {
            for (int g = 0; g < strikeGroups; g++)
            {
                groupNet[g] = 0.0;
            }
            for (int slot = 0, size = vectors.size(); slot < size; slot++)
            {
                groupNet[strikeGroup[slot]] += quantities[slot] * multipliers[slot];
            }
            netShort = 0.0;
            for (int g = 0; g < strikeGroups; g++)
            {
                netShort += Math.max(-groupNet[g], 0.0);
            }
            netShortStale = false;
        }
        return netShort;
    }

    public void close()
    {
        vectors.close();
    }
}
