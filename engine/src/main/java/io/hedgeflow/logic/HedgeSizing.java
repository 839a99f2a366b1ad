package io.hedgeflow.logic;

import io.hedgeflow.hedge.BookWalker;

/**
 * The size and price of {@link HedgeEvaluator}'s order: contracts to the aim rounded to the lot, cut to the slippage
 * cap on the hedge instrument's depth ({@link BookWalker}), the first clip of a sliced parent ({@link ChildOrders}),
 * and the marketable limit price.
 */
final class HedgeSizing
{
    private static final double BPS = 10_000.0;

    private final LogicContext ctx;
    private final Instruments ins;
    private final Evaluation e;
    private final BookWalker walker = new BookWalker();

    HedgeSizing(final LogicContext ctx, final Instruments ins, final Evaluation e)
    {
        this.ctx = ctx;
        this.ins = ins;
        this.e = e;
    }

    /**
     * Signed contracts of hedge instrument h that take the delta to the aim: rounded to the lot, half away from
     * zero; to the band edge rounded up (into the band) but never past the target.
     */
    double contracts(final int h, final boolean toEdge)
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

    /**
     * The order's size within the policy's slippage cap on the hedge instrument's depth (largest lot multiple,
     * {@link BookWalker#maxQuantity}), and its expected slippage against the mid: the depth walk's, or the half
     * spread without depth. Sets {@link Evaluation#expectedSlippageBps}.
     */
    double size(final DepthLevels depth, final PolicyContext p, final int h, final double wanted)
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
        final double capBps = p.sizing().slippageCapBps();
        double qty = wanted;
        if (capBps > 0.0)
        {
            final double cap = walker.maxQuantity(buy, prices, sizes, levels, mid, capBps, ins.lotSize[h]);
            qty = Math.copySign(Math.min(cap, Math.abs(wanted)), wanted);
        }
        walker.walk(buy, prices, sizes, levels, qty, mid);
        e.expectedSlippageBps = walker.slippageBps();
        return qty;
    }

    /**
     * The order to send of a hedge of qty contracts: all of it when it fits in one clip (or without a clip),
     * otherwise the first clip of a parent started (or restarted from the recomputed remainder) on the slicer.
     */
    double clip(
        final ChildOrders children, final PolicyContext p, final int h, final double minSize, final double qty,
        final long nowNs)
    {
        final PolicySizing sizing = p.sizing();
        final double maxClip = Math.max(sizing.maxClipContracts(), minSize);
        if (sizing.maxClipContracts() == 0.0 || Math.abs(qty) <= maxClip)
        {
            children.slicer.reset();
            return qty;
        }
        children.slicer.start(qty, maxClip, ins.lotSize[h], sizing.clipSpacingNs(), nowNs);
        return children.slicer.next(nowNs);
    }

    /** Marketable limit: through the touch by limitOffset, rounded to the tick away from the touch. */
    double limitPrice(final int h, final double qty)
    {
        final double tick = ins.tickSize[h];
        return qty > 0.0 ?
            Math.ceil(ins.ask[h] * (1.0 + ctx.limitOffset()) / tick) * tick :
            Math.floor(ins.bid[h] * (1.0 - ctx.limitOffset()) / tick) * tick;
    }

    /** Rounds contracts to a whole number of lots, half away from zero. */
    static double roundToLot(final double contracts, final double lot)
    {
        return Math.copySign(Math.floor(Math.abs(contracts) / lot + 0.5), contracts) * lot;
    }
}
