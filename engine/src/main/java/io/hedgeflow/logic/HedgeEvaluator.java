package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.risk.PreTradeRisk;

/**
 * The delta-band policy and its pre-trade checks. When the underlying's portfolio delta (options, delta-one
 * positions and orders in flight) leaves target +/- band, trade the hedge perpetual back to the target:
 * <pre>
 *   contracts = -(delta - target) / deltaPerContract      deltaPerContract = size (linear) or face / S (inverse)
 *   rounded to the lot (half away from zero); below the minimum size no order is sent (ROUNDED_TO_ZERO)
 *   limit = ask x (1 + limitOffset) rounded up to the tick for a buy, bid x (1 - limitOffset) down for a sell
 *   pre-trade: every limit of {@link PreTradeRisk}; the first failure is the decision's verdict
 * </pre>
 * After a decision without an order the underlying waits retryIntervalNs of logic time before deciding again.
 */
final class HedgeEvaluator
{
    private final LogicContext ctx;
    private final Instruments ins;
    private final OpenOrders openOrders;
    private final DecisionProxy proxy;
    private final LogicCounters counters;
    private final PreTradeRisk risk;
    private final Evaluation e = new Evaluation();
    private long nextOrderId;

    HedgeEvaluator(
        final LogicContext ctx,
        final Instruments ins,
        final OpenOrders openOrders,
        final DecisionProxy proxy,
        final LogicCounters counters,
        final PreTradeRisk risk)
    {
        this.risk = risk;
        this.ctx = ctx;
        this.ins = ins;
        this.openOrders = openOrders;
        this.proxy = proxy;
        this.counters = counters;
    }

    void evaluate(final UnderlyingBook book, final long nowNs, final long ringSequence, final int channel)
    {
        if (nowNs < book.retryNotBeforeNs)
        {
            return;
        }
        final int h = book.hedgeInstrument;
        final double s = book.indexPrice;
        e.delta = book.vectors.totalDelta() + book.deltaOneDelta(ins, true);
        e.target = 0.0;
        e.band = ctx.deltaBandUsd() / s;
        if (Math.abs(e.delta - e.target) <= e.band)
        {
            return;
        }
        e.underlyingId = book.underlyingId;
        e.hedgeInstrumentId = ins.id[h];
        e.underlyingPrice = s;
        e.gamma = book.vectors.totalGamma();
        e.vega = book.vectors.totalVega();
        e.deltaPerContract = ins.deltaPerContract(h, s);
        e.clearOrder();
        final double qty = roundToLot(-(e.delta - e.target) / e.deltaPerContract, ins.lotSize[h]);
        final DecisionReason reason;
        RiskVerdict verdict = RiskVerdict.REJECTED_NO_ORDER;
        if (Math.abs(qty) < Math.max(ins.minSize[h], ins.lotSize[h]))
        {
            reason = DecisionReason.ROUNDED_TO_ZERO;
        }
        else if (!(ins.bid[h] > 0.0 && ins.ask[h] > 0.0) || openOrders.isFull())
        {
            reason = DecisionReason.NO_HEDGE_PRICE;
        }
        else
        {
            reason = DecisionReason.BAND_BREACH;
            e.orderQty = qty;
            e.limitPrice = limitPrice(h, qty);
            final double notionalPerContract = ins.inverse[h] ? ins.contractSize[h] : ins.contractSize[h] * e.limitPrice;
            verdict = risk.check(h, qty, e.limitPrice, s, notionalPerContract, ins.position[h] + ins.inFlight[h], nowNs);
        }
        counters.decisions++;
        counters.verdict(verdict);
        if (verdict == RiskVerdict.ACCEPTED)
        {
            e.orderId = ++nextOrderId;
            counters.orders++;
            proxy.decision(nowNs, e, ringSequence, channel, reason, verdict);
            proxy.order(nowNs, e, ringSequence);
            openOrders.add(e.orderId, h, e.orderQty);
            ins.inFlight[h] += e.orderQty;
        }
        else
        {
            proxy.decision(nowNs, e, ringSequence, channel, reason, verdict);
            book.retryNotBeforeNs = nowNs + ctx.retryIntervalNs();
        }
    }

    /** Marketable limit: through the touch by limitOffset, rounded to the tick away from the touch. */
    private double limitPrice(final int h, final double qty)
    {
        final double tick = ins.tickSize[h];
        return qty > 0.0 ?
            Math.ceil(ins.ask[h] * (1.0 + ctx.limitOffset()) / tick) * tick :
            Math.floor(ins.bid[h] * (1.0 - ctx.limitOffset()) / tick) * tick;
    }

    long nextOrderId()
    {
        return nextOrderId;
    }

    void nextOrderId(final long value)
    {
        nextOrderId = value;
    }

    /** Rounds contracts to a whole number of lots, half away from zero. */
    static double roundToLot(final double contracts, final double lot)
    {
        return Math.copySign(Math.floor(Math.abs(contracts) / lot + 0.5), contracts) * lot;
    }
}
