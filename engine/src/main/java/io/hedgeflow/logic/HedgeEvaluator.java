package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.hedge.BookWalker;
import io.hedgeflow.hedge.HedgeInstrumentChooser;
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
 *   instrument: the hedge perpetual, or with instrumentChoice CHEAPEST the cheapest delta-one instrument ({@link #cheapest})
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
 */
final class HedgeEvaluator
{
    private static final double BPS = 10_000.0;
    private static final double NS_PER_YEAR = 365.0 * 86_400e9;
    /** Funding rates are per 8 hours: 3 x 365 periods a year. */
    private static final double FUNDING_PERIODS_PER_YEAR = 3.0 * 365.0;
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
    private final BookWalker walker = new BookWalker();
    private final HedgeInstrumentChooser chooser;
    private final MarginConstraints margin;
    private final AccountRisk accountRisk;
    private final int[] candidates;
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
        this.chooser = new HedgeInstrumentChooser(ctx.maxInstruments());
        this.candidates = new int[ctx.maxInstruments()];
        this.margin = new MarginConstraints(ins, account, accountRisk);
        this.accountRisk = accountRisk;
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
        final double s = book.indexPrice;
        final boolean bookInputs = p.delta().leland() || p.delta().deltaDefinition() != DeltaDefinition.BLACK_SCHOLES ||
            type.gammaBand() || p.delta().smileDynamics() == SmileDynamics.STICKY_DELTA;
        if (!bookInputs && !book.children.active() && quiet(book, p, hedge, hedgePrice, nowNs))
        {
            return;
        }
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
        e.target = p.trigger().targetDelta();
        deltaPerContract(book, hedge, hedgePrice);
        final DecisionReason trigger = trigger(book, p, hedge, nowNs);
        if (trigger == null)
        {
            return;
        }
        final int h = p.instruments().instrumentChoice() == InstrumentChoice.CHEAPEST ?
            cheapest(book, p, e.aim > e.delta, nowNs) : hedge;
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
        decide(book, hedgeBook, hedgePrice, p, h, contracts(h, p.trigger().hedgeTo().toEdge(type)), trigger, nowNs,
            ringSequence,
            channel);
    }

    /**
     * True when the policy's trigger, which reads the book's total delta, cannot fire, shown without the Greeks:
     * TIME_INTERVAL before its next rebalance; FIXED_BAND when every total the kernel could compute now
     * ({@link DeltaEnvelope}) leaves the delta inside the band. The trigger would return null with the same state,
     * so skipping it changes no decision.
     */
    private boolean quiet(
        final UnderlyingBook book, final PolicyContext p, final int hedge, final double hedgePrice, final long nowNs)
    {
        if (p.type() == PolicyType.TIME_INTERVAL)
        {
            return nowNs < book.nextRebalanceNs;
        }
        if (p.type() != PolicyType.FIXED_BAND)
        {
            return false;
        }
        final double s = book.indexPrice;
        final CrossHedge cross = book.cross;
        final double rest = book.deltaOneDelta(ins, true) + (cross == null ? 0.0 :
            cross.delta(cross.deltaPerContract(ins.deltaPerContract(hedge, hedgePrice), s, hedgePrice)));
        return book.envelope.inside(s, nowNs, rest, p.trigger().targetDelta(), fixedBand(p, s));
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

    /**
     * The policy's trigger, or the next clip of a parent being sliced ({@link ChildOrders}) once it is due: the
     * parent's trigger and aim; null when there is nothing to decide.
     */
    private DecisionReason trigger(final UnderlyingBook book, final PolicyContext p, final int hedge, final long nowNs)
    {
        final ChildOrders children = book.children;
        final PolicyType type = p.type();
        if (!children.active())
        {
            return type == PolicyType.TIME_INTERVAL ?
                timeTrigger(book, p, hedge, nowNs) : bandTrigger(p, book.indexPrice);
        }
        if (children.waiting(openOrders, nowNs))
        {
            return null;
        }
        e.band = type == PolicyType.TIME_INTERVAL ? 0.0 : band(p, book.indexPrice);
        e.triggerValue = Math.abs(e.delta - e.target);
        e.aim = children.aim;
        return children.trigger;
    }

    /** TIME_INTERVAL: due when intervalNs has passed since the last rebalance; null if not due or nothing to trade. */
    private DecisionReason timeTrigger(
        final UnderlyingBook book, final PolicyContext p, final int h, final long nowNs)
    {
        if (nowNs < book.nextRebalanceNs)
        {
            return null;
        }
        e.triggerValue = book.lastRebalanceNs == 0L ? 0.0 : nowNs - book.lastRebalanceNs;
        book.lastRebalanceNs = nowNs;
        book.nextRebalanceNs = nowNs + p.trigger().intervalNs();
        e.band = 0.0;
        e.aim = e.target;
        return roundToLot(-(e.delta - e.aim) / e.deltaPerContract, ins.lotSize[h]) == 0.0 ?
            null : DecisionReason.TIME_REBALANCE;
    }

    /** Band policies: breached when abs(delta - target) exceeds the policy's band; null otherwise. */
    private DecisionReason bandTrigger(final PolicyContext p, final double s)
    {
        e.band = band(p, s);
        final double gap = e.delta - e.target;
        e.triggerValue = Math.abs(gap);
        if (e.triggerValue <= e.band)
        {
            return null;
        }
        e.aim = p.trigger().hedgeTo().toEdge(p.type()) ? e.target + Math.copySign(e.band, gap) : e.target;
        return DecisionReason.BAND_BREACH;
    }

    /**
     * Half width of the policy's band in underlying units. The gamma bands use {@link #inputs}; a book without
     * option gamma (no options, or none held) has no volatility or horizon to scale them, and uses the fixed band.
     */
    private double band(final PolicyContext p, final double s)
    {
        final PolicyType type = inputs.volatility > 0.0 ? p.type() : PolicyType.FIXED_BAND;
        return switch (type)
        {
            case GAMMA_BAND -> HedgeBands.gammaBand(
                p.trigger().gammaBandSigmas(), inputs.gamma, s, inputs.volatility, p
                    .trigger().horizonNs() / NS_PER_YEAR);
            case WHALLEY_WILMOTT -> HedgeBands.whalleyWilmott(
                p.trigger().costFraction(), p.trigger().riskAversion(), s, inputs.gamma, ctx.rate(), inputs.years);
            case ZAKAMOULINE -> HedgeBands.zakamouline(
                p.trigger().costFraction(), p.trigger().riskAversion(), s, inputs.gamma, inputs.volatility,
                    ctx.rate(), inputs.years);
            default -> fixedBand(p, s);
        };
    }

    private static double fixedBand(final PolicyContext p, final double s)
    {
        return p.trigger().bandUnderlying() > 0.0 ? p.trigger().bandUnderlying() : p.trigger().bandUsd() / s;
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
            final double capped = size(h == hedgeBook.hedgeInstrument ? hedgeBook.depth : NO_DEPTH, p, h, wanted);
            final boolean slippageCapped = Math.abs(capped) < minSize;
            final double fitted = slippageCapped ? capped : margin.fit(p, h, capped, hedgeBook.indexPrice, nowNs);
            reason = slippageCapped ? DecisionReason.SLIPPAGE_CAPPED :
                margin.bound == MarginConstraints.NONE ? trigger :
                Math.abs(fitted) < minSize ? DecisionReason.MARGIN_REFUSED : DecisionReason.MARGIN_LIMITED;
            counters.margin(reason, margin.bound);
            final boolean send = reason == trigger || reason == DecisionReason.MARGIN_LIMITED;
            final double qty = send ? clip(book.children, p, h, minSize, fitted, nowNs) : capped;
            verdict = send ? check(h, qty, hedgePrice, nowNs) : verdict;
        }
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

    /**
     * The order to send of a hedge of qty contracts: all of it when it fits in one clip (or without a clip),
     * otherwise the first clip of a parent started (or restarted from the recomputed remainder) on the slicer.
     */
    private double clip(
        final ChildOrders children, final PolicyContext p, final int h, final double minSize, final double qty,
        final long nowNs)
    {
        final double maxClip = Math.max(p.sizing().maxClipContracts(), minSize);
        if (p.sizing().maxClipContracts() == 0.0 || Math.abs(qty) <= maxClip)
        {
            children.slicer.reset();
            return qty;
        }
        children.slicer.start(qty, maxClip, ins.lotSize[h], p.sizing().clipSpacingNs(), nowNs);
        return children.slicer.next(nowNs);
    }

    /**
     * CHEAPEST: the underlying's delta-one instrument with a two-sided quote and the lowest all-in cost in bps:
     * taker fee (the instrument's own when its definition gives one, else the configured fee of its kind) +
     * {@link #marginCostBps} + half spread + side x carry x horizon, carry being a dated future's annualised basis
     * (mid / S - 1) / T, a perpetual's last funding rate per 8 hours x 3 x 365 (a long pays a positive rate), 0 for
     * spot; the hedge perpetual when none qualifies.
     */
    private int cheapest(final UnderlyingBook book, final PolicyContext p, final boolean buy, final long nowNs)
    {
        chooser.clear();
        for (int k = 0; k < book.deltaOneCount; k++)
        {
            final int i = book.deltaOneInstrument[k];
            final double mid = 0.5 * (ins.bid[i] + ins.ask[i]);
            final InstrumentKind kind = ins.kind[i];
            final double years = (ins.expiryNs[i] - nowNs) / NS_PER_YEAR;
            if (ins.bid[i] > 0.0 && ins.ask[i] > 0.0 && (kind != InstrumentKind.FUTURE || years > 0.0))
            {
                final double fee = ins.takerFeeBps(i, kind == InstrumentKind.SPOT ? p.instruments().spotFeeBps() :
                    kind == InstrumentKind.FUTURE ? p.instruments().futureFeeBps() : p
                        .instruments().perpetualFeeBps()) +
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
        if (p.margin().marginCostRate() == 0.0)
        {
            return 0.0;
        }
        final double perYear = p.margin().marginCostRate() * p.trigger().horizonNs() / NS_PER_YEAR * BPS;
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

    /** Prices the order and runs the pre-trade checks. */
    private RiskVerdict check(final int h, final double qty, final double s, final long nowNs)
    {
        e.orderQty = qty;
        e.limitPrice = limitPrice(h, qty);
        final double notionalPerContract = ins.inverse[h] ? ins.contractSize[h] : ins.contractSize[h] * e.limitPrice;
        return risk.check(h, qty, e.limitPrice, s, notionalPerContract, ins.position[h] + ins.inFlight[h], nowNs);
    }

    /**
     * The order's size within the policy's slippage cap on the hedge instrument's depth (largest lot multiple,
     * {@link BookWalker#maxQuantity}), and its expected slippage against the mid: the depth walk's, or the half
     * spread without depth. Sets {@link Evaluation#expectedSlippageBps}.
     */
    private double size(final DepthLevels depth, final PolicyContext p, final int h, final double wanted)
    {
        final boolean buy = wanted > 0.0;
        final double mid = 0.5 * (ins.bid[h] + ins.ask[h]);
        final int levels = buy ? depth.asks : depth.bids;
        if (levels == 0)
        {
            e.expectedSlippageBps = (buy ? ins.ask[h] - mid : mid - ins.bid[h]) / mid * BPS;
            return wanted;
        }
        final double[] prices = buy ? depth.askPrices : depth.bidPrices;
        final double[] sizes = buy ? depth.askSizes : depth.bidSizes;
        double qty = wanted;
        if (p.sizing().slippageCapBps() > 0.0)
        {
            final double cap = walker.maxQuantity(buy, prices, sizes, levels, mid, p.sizing().slippageCapBps(),
                ins.lotSize[h]);
            qty = Math.copySign(Math.min(cap, Math.abs(wanted)), wanted);
        }
        walker.walk(buy, prices, sizes, levels, qty, mid);
        e.expectedSlippageBps = walker.slippageBps();
        return qty;
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
