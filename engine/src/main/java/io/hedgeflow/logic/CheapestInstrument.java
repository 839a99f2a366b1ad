package io.hedgeflow.logic;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.hedge.HedgeInstrumentChooser;

/**
 * instrumentChoice CHEAPEST of {@link HedgeEvaluator}: the underlying's delta-one instrument of the lowest all-in
 * cost for the order from the evaluation's delta to its aim ({@link HedgeInstrumentChooser}).
 */
final class CheapestInstrument
{
    private static final double BPS = 10_000.0;
    private static final double NS_PER_YEAR = 365.0 * 86_400e9;
    /** Funding rates are per 8 hours: 3 x 365 periods a year. */
    private static final double FUNDING_PERIODS_PER_YEAR = 3.0 * 365.0;

    private final Instruments ins;
    private final AccountRisk accountRisk;
    private final Evaluation e;
    private final HedgeInstrumentChooser chooser;
    private final int[] candidates;

    CheapestInstrument(
        final LogicContext ctx, final Instruments ins, final AccountRisk accountRisk, final Evaluation e)
    {
        this.ins = ins;
        this.accountRisk = accountRisk;
        this.e = e;
        this.chooser = new HedgeInstrumentChooser(ctx.maxInstruments());
        this.candidates = new int[ctx.maxInstruments()];
    }

    /**
     * The underlying's delta-one instrument with a two-sided quote and the lowest all-in cost in bps:
     * taker fee (the instrument's own when its definition gives one, else the configured fee of its kind) +
     * {@link #marginCostBps} + half spread + side x carry x horizon, carry being a dated future's annualised basis
     * (mid / S - 1) / T, a perpetual's last funding rate per 8 hours x 3 x 365 (a long pays a positive rate), 0 for
     * spot; the hedge perpetual when none qualifies.
     */
    int choose(final UnderlyingBook book, final PolicyContext p, final boolean buy, final long nowNs)
    {
        final PolicyInstruments fees = p.instruments();
        chooser.clear();
        for (int k = 0; k < book.deltaOneCount; k++)
        {
            final int i = book.deltaOneInstrument[k];
            final double mid = 0.5 * (ins.bid[i] + ins.ask[i]);
            final InstrumentKind kind = ins.kind[i];
            final double years = (ins.expiryNs[i] - nowNs) / NS_PER_YEAR;
            if (ins.bid[i] > 0.0 && ins.ask[i] > 0.0 && (kind != InstrumentKind.FUTURE || years > 0.0))
            {
                final double fee = ins.takerFeeBps(i, kind == InstrumentKind.SPOT ? fees.spotFeeBps() :
                    kind == InstrumentKind.FUTURE ? fees.futureFeeBps() : fees.perpetualFeeBps()) +
                    marginCostBps(p, i, book.indexPrice);
                final double carry = kind == InstrumentKind.FUTURE ? (mid / book.indexPrice - 1.0) / years :
                    kind == InstrumentKind.PERPETUAL ? ins.fundingRate[i] * FUNDING_PERIODS_PER_YEAR : 0.0;
                candidates[chooser.add(fee, 0.5 * (ins.ask[i] - ins.bid[i]) / mid * BPS, carry)] = i;
            }
        }
        final int best = chooser.choose(buy, p.trigger().horizonNs() / NS_PER_YEAR);
        return best < 0 ? book.hedgeInstrument : candidates[best];
    }

    /**
     * CHEAPEST with marginCostRate: the capital the hedge ties up, in bps of its notional, over horizonNs: the
     * change of initial margin ({@link AccountRisk}) a perpetual or future position takes from the hedge (negative
     * when it shrinks), or the whole notional for spot, x marginCostRate x horizon.
     */
    private double marginCostBps(final PolicyContext p, final int i, final double s)
    {
        final double rate = p.margin().marginCostRate();
        if (rate == 0.0)
        {
            return 0.0;
        }
        final double perYear = rate * p.trigger().horizonNs() / NS_PER_YEAR * BPS;
        if (ins.kind[i] == InstrumentKind.SPOT)
        {
            return perYear;
        }
        final double price = accountRisk.priceOf(i);
        final double held = ins.position[i] + ins.inFlight[i];
        final double q = (e.aim - e.delta) / ins.deltaPerContract(i, s);
        final double added = accountRisk.futureInitial(i, held + q, price) - accountRisk.futureInitial(i, held, price);
        return added / Math.abs(Account.notional(ins, i, q, price)) * perYear;
    }
}
