package io.hedgeflow.hedge;

/**
 * Chooses among hedge instruments (spot, perpetuals, futures) for one hedge by all-in cost, in basis points of the
 * hedge's notional:
 * <pre>
 *   cost_i = fee_i + slippage_i + side x carry_i x horizon x 10,000
 * </pre>
 * fee_i: the taker fee in bps of notional; slippage_i: the expected slippage in bps from {@link BookWalker} for
 * this hedge's size on that instrument's book; carry_i: the annual rate a long position pays for holding the
 * instrument instead of the underlying (a perpetual's funding rate annualised, e.g. 8-hour rate x 3 x 365; a dated
 * future's annualised basis (F / S - 1) / T, which a long position loses as the future converges; 0 for spot);
 * side +1 to buy the hedge, -1 to sell (a short position receives positive carry); horizon in years over which the
 * hedge is expected to be held. Entry cost only (an exit at the horizon would add fee and slippage again). The
 * cheapest finite cost wins; ties go to the lowest index, so the choice is deterministic. Candidates live in
 * preallocated arrays; nothing is allocated.
 */
public final class HedgeInstrumentChooser
{
    private static final double BPS = 10_000.0;

    private final double[] fees;
    private final double[] slippages;
    private final double[] carries;
    private final double[] costs;
    private int count;

    /** @param capacity largest number of candidate instruments. */
    public HedgeInstrumentChooser(final int capacity)
    {
        fees = new double[capacity];
        slippages = new double[capacity];
        carries = new double[capacity];
        costs = new double[capacity];
    }

    /** Forgets the candidates. */
    public void clear()
    {
        count = 0;
    }

    /**
     * Adds a candidate.
     *
     * @return its index, or -1 when full.
     */
    public int add(final double feeBps, final double slippageBps, final double carryPerYear)
    {
        if (count == fees.length)
        {
            return -1;
        }
        fees[count] = feeBps;
        slippages[count] = slippageBps;
        carries[count] = carryPerYear;
        return count++;
    }

    /**
     * Computes every candidate's cost and returns the cheapest.
     *
     * @param buy          true when the hedge buys the instrument.
     * @param horizonYears expected holding period in years, not negative.
     * @return the cheapest candidate's index, or -1 when there is none with a finite cost.
     */
    public int choose(final boolean buy, final double horizonYears)
    {
        final double side = buy ? 1.0 : -1.0;
        int best = -1;
        for (int i = 0; i < count; i++)
        {
            costs[i] = fees[i] + slippages[i] + side * carries[i] * horizonYears * BPS;
            if (Double.isFinite(costs[i]) && (best < 0 || costs[i] < costs[best]))
            {
                best = i;
            }
        }
        return best;
    }

    /** All-in cost of candidate {@code index} in bps of notional, as of the last {@link #choose}. */
    public double costBps(final int index)
    {
        return costs[index];
    }

    /** Candidates added. */
    public int count()
    {
        return count;
    }
}
