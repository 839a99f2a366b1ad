package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.hedge.SmileDynamics;
import io.hedgeflow.risk.PreTradeRisk;

/**
 * The hedging policies and their pre-trade checks. The underlying's portfolio delta (options, delta-one positions
 * and orders in flight; option deltas by the policy's delta definition, moved to the Leland volatility when
 * configured) is compared with its policy's trigger
 * ({@link PolicyContext}):
 * <pre>
 *   band policies  abs(delta - target) &gt; band; aim = target, or the band edge target + sign(delta - target) x band
 *                  (hedgeTo EDGE, and by default for WHALLEY_WILMOTT and ZAKAMOULINE)
 *     FIXED_BAND       band = bandUnderlying, or bandUsd / S
 *     GAMMA_BAND       {@link HedgeBands#gammaBand}(gammaBandSigmas, book gamma, S, sigma, horizon)
 *     WHALLEY_WILMOTT  {@link HedgeBands#whalleyWilmott}(costFraction, riskAversion, S, book gamma, rate, tau)
 *     ZAKAMOULINE      {@link HedgeBands#zakamouline}(costFraction, riskAversion, S, book gamma, sigma, rate, tau)
 *                      sigma, tau: the book's gamma-weighted volatility and time to expiry ({@link PolicyInputs})
 *   TIME_INTERVAL  intervalNs of logic time since the last rebalance; aim = target
 *   contracts = -(delta - aim) / deltaPerContract   deltaPerContract = size (linear) or face / S (inverse)
 *   rounded to the lot (half away from zero; to EDGE: up, into the band, never past the target); below the minimum
 *   size no order is sent (ROUNDED_TO_ZERO)
 *   instrument: the hedge perpetual, or with instrumentChoice CHEAPEST the cheapest delta-one
 *   instrument ({@link CheapestInstrument})
 *   cross hedge (hedgeUnderlying): the hedge underlying's perpetual, deltaPerContract = d_H x H / (h* x S) of
 *   {@link CrossHedge}; basis hedge (hedgeInstrument FUTURE): the future, the same with H its mid; until the
 *   ratio is ready no order is sent (RATIO_NOT_READY)
 *   with slippageCapBps and L2 depth of the hedge instrument: cut to the largest lot multiple whose walk of the
 *   depth stays within the cap against the mid (below the minimum size: SLIPPAGE_CAPPED, no order)
 *   limit = ask x (1 + limitOffset) rounded up to the tick for a buy, bid x (1 - limitOffset) down for a sell
 *   maxClipContracts: a larger order is sent as clips ({@link ChildOrders}), each recomputed from the current delta
 *   margin: with targetLeverage, maxMarginUsage or minLiquidationDistance, cut to the largest lot multiple that
 *   meets them ({@link MarginConstraints}; MARGIN_LIMITED), below the minimum size no order (MARGIN_REFUSED)
 *   pre-trade: every limit of {@link PreTradeRisk}; the first failure is the decision's verdict
 * </pre>
 * After a decision without an order the underlying waits retryIntervalNs of logic time before deciding again.
 * The trigger is {@link HedgeTrigger}'s, the order's size and price {@link HedgeSizing}'s.
 */
final class HedgeEvaluator
{
    /** Depth of an instrument other than the hedge perpetual: none is kept. */
    private static final DepthLevels NO_DEPTH = new DepthLevels();

    private final LogicContext ctx;
    private final Instruments ins;
    private final OpenOrders openOrders;
    private final DecisionProxy proxy;
    private final LogicCounters counters;
    private final PreTradeRisk risk;
    private final Evaluation e = new Evaluation();
    private final PolicyInputs inputs = new PolicyInputs();
    private final HedgeTrigger triggers;
    private final HedgeSizing sizing;
    private final CheapestInstrument cheapest;
    private final MarginConstraints margin;
    private long nextOrderId;

    HedgeEvaluator(
        final LogicContext ctx,
        final Instruments ins,
        final OpenOrders openOrders,
        final DecisionProxy proxy,
        final LogicCounters counters,
        final PreTradeRisk risk,
        final AccountRisk accountRisk,
        final Account account)
    {
        this.risk = risk;
        this.ctx = ctx;
        this.ins = ins;
        this.openOrders = openOrders;
        this.proxy = proxy;
        this.counters = counters;
        this.triggers = new HedgeTrigger(ctx, ins, openOrders, e, inputs);
        this.sizing = new HedgeSizing(ctx, ins, e);
        this.cheapest = new CheapestInstrument(ctx, ins, accountRisk, e);
        this.margin = new MarginConstraints(ins, account, accountRisk);
    }

    /**
     * Decides for a book; hedgeBook is the book whose instruments hedge it (itself, or the hedge underlying's book
     * of a cross hedge, with an index price), hedge its hedge instrument (that book's perpetual, or the future of a
     * basis hedge) and hedgePrice the price H of a ratio hedge (the hedge underlying's index, or the future's mid).
     */
    void evaluate(
        final UnderlyingBook book,
        final UnderlyingBook hedgeBook,
        final int hedge,
        final double hedgePrice,
        final long nowNs,
        final long ringSequence,
        final int channel)
    {
        final PolicyContext p = book.policy;
        final PolicyType type = p.type();
        if (nowNs < book.retryNotBeforeNs || type == PolicyType.NONE)
        {
            return;
        }
        final PolicyDelta d = p.delta();
        final boolean bookInputs = d.leland() || d.deltaDefinition() != DeltaDefinition.BLACK_SCHOLES ||
            type.gammaBand() || d.smileDynamics() == SmileDynamics.STICKY_DELTA;
        if (!bookInputs && !book.children.active() && triggers.quiet(book, p, hedge, hedgePrice, nowNs))
        {
            return;
        }
        delta(book, p, bookInputs, nowNs);
        e.target = p.trigger().targetDelta();
        deltaPerContract(book, hedge, hedgePrice);
        final DecisionReason trigger = triggers.trigger(book, p, hedge, nowNs);
        if (trigger == null)
        {
            return;
        }
        final double s = book.indexPrice;
        final int h = p.instruments().instrumentChoice() == InstrumentChoice.CHEAPEST ?
            cheapest.choose(book, p, e.aim > e.delta, nowNs) : hedge;
        if (h != hedge)
        {
            e.deltaPerContract = ins.deltaPerContract(h, s);
        }
        e.policy = type.code();
        e.underlyingId = book.underlyingId;
        e.hedgeInstrumentId = ins.id[h];
        e.underlyingPrice = s;
        e.gamma = book.greeks().totalGamma();
        e.vega = book.vectors.totalVega();
        final double wanted = sizing.contracts(h, p.trigger().hedgeTo().toEdge(type));
        decide(book, hedgeBook, hedgePrice, p, h, wanted, trigger, nowNs, ringSequence, channel);
    }

    /**
     * The book's portfolio delta: options (the full Greeks when the policy reads the book's inputs, else first
     * order), delta-one positions and orders in flight, and the policy's shift of the option deltas
     * ({@link PolicyInputs}).
     */
    private void delta(final UnderlyingBook book, final PolicyContext p, final boolean bookInputs, final long nowNs)
    {
        e.delta = (bookInputs ? book.greeks() : book.firstOrder()).totalDelta() + book.deltaOneDelta(ins, true);
        e.volatility = 0.0;
        e.deltaAdjustment = 0.0;
        if (bookInputs)
        {
            inputs.compute(book, ins, p, ctx.carry(), nowNs);
            e.deltaAdjustment = inputs.deltaShift;
            e.delta += inputs.deltaShift;
            e.volatility = inputs.volatility;
        }
    }

    /**
     * Delta of the book per contract of its hedge instrument, the hedge ratio and effectiveness; a ratio hedge adds
     * the delta of the contracts it holds and has in flight ({@link CrossHedge}).
     */
    private void deltaPerContract(final UnderlyingBook book, final int hedge, final double hedgePrice)
    {
        final CrossHedge cross = book.cross;
        if (cross == null)
        {
            e.deltaPerContract = ins.deltaPerContract(hedge, book.indexPrice);
            e.hedgeRatio = 1.0;
            e.hedgeEffectiveness = 1.0;
            return;
        }
        e.deltaPerContract = cross.deltaPerContract(
            ins.deltaPerContract(hedge, hedgePrice), book.indexPrice, hedgePrice);
        e.delta += cross.delta(e.deltaPerContract);
        e.hedgeRatio = cross.estimator.hedgeRatio();
        e.hedgeEffectiveness = cross.estimator.effectiveness();
    }

    private void decide(
        final UnderlyingBook book,
        final UnderlyingBook hedgeBook,
        final double hedgePrice,
        final PolicyContext p,
        final int h,
        final double wanted,
        final DecisionReason trigger,
        final long nowNs,
        final long ringSequence,
        final int channel)
    {
        e.clearOrder();
        final double minSize = Math.max(ins.minSize[h], ins.lotSize[h]);
        final DecisionReason reason;
        RiskVerdict verdict = RiskVerdict.REJECTED_NO_ORDER;
        if (book.cross != null && !book.cross.ready(p))
        {
            reason = DecisionReason.RATIO_NOT_READY;
        }
        else if (Math.abs(wanted) < minSize)
        {
            reason = DecisionReason.ROUNDED_TO_ZERO;
        }
        else if (!(ins.bid[h] > 0.0 && ins.ask[h] > 0.0) || openOrders.isFull())
        {
            reason = DecisionReason.NO_HEDGE_PRICE;
        }
        else
        {
            final double capped =
                sizing.size(h == hedgeBook.hedgeInstrument ? hedgeBook.depth : NO_DEPTH, p, h, wanted);
            final boolean slippageCapped = Math.abs(capped) < minSize;
            final double fitted = slippageCapped ? capped : margin.fit(p, h, capped, hedgeBook.indexPrice, nowNs);
            reason = slippageCapped ? DecisionReason.SLIPPAGE_CAPPED :
                margin.bound == MarginConstraints.NONE ? trigger :
                Math.abs(fitted) < minSize ? DecisionReason.MARGIN_REFUSED : DecisionReason.MARGIN_LIMITED;
            counters.margin(reason, margin.bound);
            final boolean send = reason == trigger || reason == DecisionReason.MARGIN_LIMITED;
            final double qty = send ? sizing.clip(book.children, p, h, minSize, fitted, nowNs) : capped;
            verdict = send ? check(h, qty, hedgePrice, nowNs) : verdict;
        }
        publish(book, h, reason, verdict, nowNs, ringSequence, channel);
    }

    /**
     * Counts and publishes the decision, and the order when the checks accepted it (in flight from then on, and the
     * parent of any further clips); otherwise the book waits retryIntervalNs and any slicing stops.
     */
    private void publish(
        final UnderlyingBook book,
        final int h,
        final DecisionReason reason,
        final RiskVerdict verdict,
        final long nowNs,
        final long ringSequence,
        final int channel)
    {
        counters.decisions++;
        counters.verdict(verdict);
        margin.gauge(h, nowNs, counters);
        if (verdict == RiskVerdict.ACCEPTED)
        {
            e.orderId = ++nextOrderId;
            counters.orders++;
            proxy.decision(nowNs, e, ringSequence, channel, reason, verdict);
            proxy.order(nowNs, e, ringSequence);
            openOrders.add(e.orderId, h, book.index, e.orderQty);
            book.children.orderId = e.orderId;
            book.children.aim = e.aim;
            book.children.trigger = reason;
            ins.inFlight[h] += e.orderQty;
            if (book.cross != null)
            {
                book.cross.inFlight += e.orderQty;
                ins.inFlightForOthers[h] += e.orderQty;
            }
        }
        else
        {
            proxy.decision(nowNs, e, ringSequence, channel, reason, verdict);
            book.retryNotBeforeNs = nowNs + ctx.retryIntervalNs();
            book.children.slicer.reset();
        }
    }

    /** Prices the order and runs the pre-trade checks. */
    private RiskVerdict check(final int h, final double qty, final double s, final long nowNs)
    {
        e.orderQty = qty;
        e.limitPrice = sizing.limitPrice(h, qty);
        final double notionalPerContract = ins.inverse[h] ? ins.contractSize[h] : ins.contractSize[h] * e.limitPrice;
        return risk.check(h, qty, e.limitPrice, s, notionalPerContract, ins.position[h] + ins.inFlight[h], nowNs);
    }

    long nextOrderId()
    {
        return nextOrderId;
    }

    void nextOrderId(final long value)
    {
        nextOrderId = value;
    }
}
