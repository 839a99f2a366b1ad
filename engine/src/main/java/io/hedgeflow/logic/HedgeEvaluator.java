package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.risk.PreTradeRisk;

/**
 * The hedging policies and their pre-trade checks. The underlying's portfolio delta (options, delta-one positions
 * and orders in flight) is compared with its policy's trigger ({@link PolicyContext}):
 * <pre>
 *   FIXED_BAND     abs(delta - target) &gt; band      band = bandUnderlying, or bandUsd / S; aim = target, or the
 *                                                   band edge (target + sign(delta - target) x band) with hedgeTo EDGE
 *   TIME_INTERVAL  intervalNs of logic time since the last rebalance; aim = target
 *   contracts = -(delta - aim) / deltaPerContract   deltaPerContract = size (linear) or face / S (inverse)
 *   rounded to the lot (half away from zero; to EDGE: up, into the band, never past the target); below the minimum
 *   size no order is sent (ROUNDED_TO_ZERO)
 *   limit = ask x (1 + limitOffset) rounded up to the tick for a buy, bid x (1 - limitOffset) down for a sell
 *   pre-trade: every limit of {@link PreTradeRisk}; the first failure is the decision's verdict
 * </pre>
 * After a decision without an order the underlying waits retryIntervalNs of logic time before deciding again.
 */
final class HedgeEvaluator
{
    private static final double BPS = 10_000.0;

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
        final PolicyContext p = book.policy;
        if (nowNs < book.retryNotBeforeNs || p.type() == PolicyType.NONE)
        {
            return;
        }
        final int h = book.hedgeInstrument;
        final double s = book.indexPrice;
        e.delta = book.vectors.totalDelta() + book.deltaOneDelta(ins, true);
        e.target = p.targetDelta();
        e.deltaPerContract = ins.deltaPerContract(h, s);
        final DecisionReason trigger = p.type() == PolicyType.TIME_INTERVAL ?
            timeTrigger(book, p, nowNs) : bandTrigger(p, s);
        if (trigger == null)
        {
            return;
        }
        e.policy = p.type().code();
        e.hedgeRatio = 1.0;
        e.hedgeEffectiveness = 1.0;
        e.volatility = 0.0;
        e.underlyingId = book.underlyingId;
        e.hedgeInstrumentId = ins.id[h];
        e.underlyingPrice = s;
        e.gamma = book.vectors.totalGamma();
        e.vega = book.vectors.totalVega();
        decide(book, h, contracts(h, p.type() != PolicyType.TIME_INTERVAL && p.hedgeTo() == HedgeTo.EDGE),
            trigger, nowNs, ringSequence, channel);
    }

    /** TIME_INTERVAL: due when intervalNs has passed since the last rebalance; null if not due or nothing to trade. */
    private DecisionReason timeTrigger(final UnderlyingBook book, final PolicyContext p, final long nowNs)
    {
        if (nowNs < book.nextRebalanceNs)
        {
            return null;
        }
        e.triggerValue = book.lastRebalanceNs == 0L ? 0.0 : nowNs - book.lastRebalanceNs;
        book.lastRebalanceNs = nowNs;
        book.nextRebalanceNs = nowNs + p.intervalNs();
        e.band = 0.0;
        e.aim = e.target;
        final int h = book.hedgeInstrument;
        return roundToLot(-(e.delta - e.aim) / e.deltaPerContract, ins.lotSize[h]) == 0.0 ?
            null : DecisionReason.TIME_REBALANCE;
    }

    /** FIXED_BAND: breached when abs(delta - target) exceeds the band; null otherwise. */
    private DecisionReason bandTrigger(final PolicyContext p, final double s)
    {
        e.band = p.bandUnderlying() > 0.0 ? p.bandUnderlying() : p.bandUsd() / s;
        final double gap = e.delta - e.target;
        e.triggerValue = Math.abs(gap);
        if (e.triggerValue <= e.band)
        {
            return null;
        }
        e.aim = p.hedgeTo() == HedgeTo.EDGE ? e.target + Math.copySign(e.band, gap) : e.target;
        return DecisionReason.BAND_BREACH;
    }

    /**
     * Signed contracts of hedge instrument h that take the delta to the aim: rounded to the lot, half away from
     * zero; to the band edge rounded up (into the band) but never past the target.
     */
    private double contracts(final int h, final boolean toEdge)
    {
        final double lot = ins.lotSize[h];
        final double toTarget = roundToLot(-(e.delta - e.target) / e.deltaPerContract, lot);
        if (!toEdge)
        {
            return toTarget;
        }
        final double toEdgeLots = Math.ceil(Math.abs(e.delta - e.aim) / Math.abs(e.deltaPerContract) / lot - 1e-9);
        return Math.copySign(Math.min(toEdgeLots * lot, Math.abs(toTarget)), toTarget);
    }

    private void decide(
        final UnderlyingBook book,
        final int h,
        final double qty,
        final DecisionReason trigger,
        final long nowNs,
        final long ringSequence,
        final int channel)
    {
        e.clearOrder();
        final double s = book.indexPrice;
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
            reason = trigger;
            e.orderQty = qty;
            e.limitPrice = limitPrice(h, qty);
            final double mid = 0.5 * (ins.bid[h] + ins.ask[h]);
            e.expectedSlippageBps = (qty > 0.0 ? ins.ask[h] - mid : mid - ins.bid[h]) / mid * BPS;
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
