package io.hedgeflow.logic;

import io.hedgeflow.codecs.DecisionReason;

/**
 * The band and time triggers of {@link HedgeEvaluator}: whether the policy's trigger fires on the book's delta
 * ({@link Evaluation#delta}, target and delta per contract already set), and the band and aim it sets on the
 * evaluation. The gamma bands read the book's {@link PolicyInputs}.
 */
final class HedgeTrigger
{
    private static final double NS_PER_YEAR = 365.0 * 86_400e9;

    private final LogicContext ctx;
    private final Instruments ins;
    private final OpenOrders openOrders;
    private final Evaluation e;
    private final PolicyInputs inputs;

    HedgeTrigger(
        final LogicContext ctx,
        final Instruments ins,
        final OpenOrders openOrders,
        final Evaluation e,
        final PolicyInputs inputs)
    {
        this.ctx = ctx;
        this.ins = ins;
        this.openOrders = openOrders;
        this.e = e;
        this.inputs = inputs;
    }

    /**
     * True when the policy's trigger, which reads the book's total delta, cannot fire, shown without the Greeks:
     * TIME_INTERVAL before its next rebalance; FIXED_BAND when every total the kernel could compute now
     * ({@link DeltaEnvelope}) leaves the delta inside the band. The trigger would return null with the same state,
     * so skipping it changes no decision.
     */
    boolean quiet(
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
        return book.envelope.inside(s, nowNs, rest, p.trigger().targetDelta(), fixedBand(p.trigger(), s));
    }

    /**
     * The policy's trigger, or the next clip of a parent being sliced ({@link ChildOrders}) once it is due: the
     * parent's trigger and aim; null when there is nothing to decide.
     */
    DecisionReason trigger(final UnderlyingBook book, final PolicyContext p, final int hedge, final long nowNs)
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
        return HedgeSizing.roundToLot(-(e.delta - e.aim) / e.deltaPerContract, ins.lotSize[h]) == 0.0 ?
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
        final PolicyTrigger t = p.trigger();
        return switch (type)
        {
            case GAMMA_BAND -> HedgeBands.gammaBand(
                t.gammaBandSigmas(), inputs.gamma, s, inputs.volatility, t.horizonNs() / NS_PER_YEAR);
            case WHALLEY_WILMOTT -> HedgeBands.whalleyWilmott(
                t.costFraction(), t.riskAversion(), s, inputs.gamma, ctx.rate(), inputs.years);
            case ZAKAMOULINE -> HedgeBands.zakamouline(
                t.costFraction(), t.riskAversion(), s, inputs.gamma, inputs.volatility, ctx.rate(), inputs.years);
            default -> fixedBand(t, s);
        };
    }

    private static double fixedBand(final PolicyTrigger t, final double s)
    {
        return t.bandUnderlying() > 0.0 ? t.bandUnderlying() : t.bandUsd() / s;
    }
}
