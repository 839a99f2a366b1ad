package io.hedgeflow.sim;

import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.Fixed8;
import org.agrona.MutableDirectBuffer;

/**
 * Seeded, deterministic, infinite generator of hedgeflow market frames on channel {@link #CHANNEL_ID}: the same
 * context (seed included) gives byte-identical frames. Each {@link #poll} writes exactly one frame; sequences start
 * at 1 without gaps and sending times strictly increase by a uniform gap of 1 to 2 * meanSpacing - 1 ns.
 * <p>
 * The stream opens with one InstrumentDefinition per instrument of the {@link SimUniverse}, then repeats cycles:
 * <pre>
 *   [Heartbeat, when heartbeatInterval has passed]
 *   IndexPrice            one underlying, picked at random: GBM move and ATM vol step ({@link UnderlyingModel})
 *   Quote                 its perpetual: index * (1 + basis) +/- half spread, rounded out to ticks
 *   Quote                 its spot: index +/- half spread
 *   OptionTicker x n      random options of it: smile IV, bid/ask IV, BSM mark ({@link MarketMath})
 *   [OptionTrade]         with optionTradeProbability: client flow, random option and side, price = mark
 *   [BookLevels]          with bookProbability: 5 levels per side of the perpetual, best = last quote
 * </pre>
 * Random draws come from {@link SimRandom} (SplitMix64, {@link StrictMath}), so the paths are the same on every JDK;
 * option marks use {@link io.hedgeflow.greeks.BlackScholes} on {@link Math}, whose last bit may in principle differ
 * between JDK builds or CPUs. Garbage-free after construction; not thread safe.
 */
public final class MarketSimulator
{
    /** Channel of every market frame. */
    public static final int CHANNEL_ID = 1;

    private final SimUniverse universe;
    private final SimRandom random;
    private final UnderlyingModel[] models;
    private final MarketFrameWriter writer;
    private final long gapBound;
    private final long heartbeatIntervalNs;
    private final int tickersPerMove;
    private final double optionTradeProbability;
    private final double bookProbability;
    private final double perpBasis;
    private final double halfSpread;
    private final double rate;
    private final double skew;
    private final double curvature;
    private final double ivHalfSpread;
    private final int[] plan;
    private int planLength;
    private int planIndex;
    private UnderlyingModel model;
    private int definitionsSent;
    private long nextTimeNs;
    private long nextHeartbeatNs;

    public MarketSimulator(final SimContext ctx)
    {
        ctx.conclude();
        universe = new SimUniverse(ctx);
        random = new SimRandom(ctx.seed());
        models = new UnderlyingModel[]{
            new UnderlyingModel(UnderlyingSpec.BTC.underlyingId, ctx),
            new UnderlyingModel(UnderlyingSpec.ETH.underlyingId, ctx)};
        writer = new MarketFrameWriter(universe, Fixed8.fromDouble(ctx.takerFeeBps() * 1e-4));
        gapBound = 2 * ctx.meanSpacingNs() - 1;
        heartbeatIntervalNs = ctx.heartbeatIntervalNs();
        tickersPerMove = ctx.tickersPerMove();
        optionTradeProbability = ctx.optionTradeProbability();
        bookProbability = ctx.bookProbability();
        perpBasis = ctx.perpBasisBps() * 1e-4;
        halfSpread = ctx.quoteSpreadBps() * 0.5e-4;
        rate = ctx.rate();
        skew = ctx.smileSkew();
        curvature = ctx.smileCurvature();
        ivHalfSpread = ctx.ivHalfSpread();
        plan = new int[ctx.tickersPerMove() + 6];
        nextTimeNs = ctx.startTimeNs();
        nextHeartbeatNs = ctx.startTimeNs();
    }

    /** The instruments this simulator defines and quotes. */
    public SimUniverse universe()
    {
        return universe;
    }

    /** Sending time of the frame the next {@link #poll} will write. */
    public long nextTimeNs()
    {
        return nextTimeNs;
    }

    /**
     * Writes the next frame at offset; the buffer needs {@link io.hedgeflow.framing.FrameHeader#MAX_FRAME_LENGTH}
     * bytes there.
     *
     * @return the frame length
     */
    public int poll(final MutableDirectBuffer buffer, final int offset)
    {
        final long now = nextTimeNs;
        writer.wrap(buffer, offset, now);
        final int length;
        if (definitionsSent < universe.count())
        {
            length = writer.definition(++definitionsSent);
        }
        else
        {
            if (planIndex == planLength)
            {
                plan(now);
            }
            length = write(plan[planIndex++], now);
        }
        nextTimeNs = now + 1 + random.nextLong(gapBound);
        return length;
    }

    private void plan(final long now)
    {
        planIndex = 0;
        planLength = 0;
        if (now >= nextHeartbeatNs)
        {
            plan[planLength++] = MarketFrameWriter.HEARTBEAT;
            nextHeartbeatNs = now + heartbeatIntervalNs;
        }
        model = models[random.nextInt(models.length)];
        plan[planLength++] = MarketFrameWriter.INDEX;
        plan[planLength++] = MarketFrameWriter.PERP_QUOTE;
        plan[planLength++] = MarketFrameWriter.SPOT_QUOTE;
        for (int i = 0; i < tickersPerMove; i++)
        {
            plan[planLength++] = MarketFrameWriter.TICKER;
        }
        if (random.nextBoolean(optionTradeProbability))
        {
            plan[planLength++] = MarketFrameWriter.TRADE;
        }
        if (random.nextBoolean(bookProbability))
        {
            plan[planLength++] = MarketFrameWriter.BOOK;
        }
    }

    private int write(final int frameKind, final long now)
    {
        final int u = model.underlyingId;
        switch (frameKind)
        {
            case MarketFrameWriter.HEARTBEAT:
                return writer.heartbeat();
            case MarketFrameWriter.INDEX:
                model.move(now, random);
                return writer.index(u, Fixed8.fromDouble(model.index()));
            case MarketFrameWriter.PERP_QUOTE:
                return quote(universe.perpetualId(u), model.index() * (1.0 + perpBasis));
            case MarketFrameWriter.SPOT_QUOTE:
                return quote(universe.spotId(u), model.index());
            case MarketFrameWriter.TICKER:
                return ticker(randomOption(u), now);
            case MarketFrameWriter.TRADE:
                return trade(randomOption(u), now);
            default:
                return writer.book(universe.perpetualId(u), random);
        }
    }

    private int randomOption(final int underlyingId)
    {
        return universe.firstOptionId(underlyingId) + random.nextInt(universe.optionCount(underlyingId));
    }

    private int quote(final int id, final double mid)
    {
        final long tick = universe.tickSize(id);
        final long half = Fixed8.fromDouble(mid * halfSpread);
        final long midMantissa = Fixed8.fromDouble(mid);
        final long bid = Math.floorDiv(midMantissa - half, tick) * tick;
        final long ask = Math.max(-Math.floorDiv(-(midMantissa + half), tick) * tick, bid + tick);
        return writer.quote(id, bid, randomSize(id), ask, randomSize(id));
    }

    private long randomSize(final int id)
    {
        return (1 + random.nextInt(universe.maxLots(id))) * universe.lotSize(id);
    }

    private int ticker(final int id, final long now)
    {
        final long index = Fixed8.fromDouble(model.index());
        final double iv = impliedVol(id, now);
        final long markIv = Fixed8.fromDouble(iv);
        final long mark = mark(id, now, index, markIv);
        final long bidIv = Fixed8.fromDouble(Math.max(iv - ivHalfSpread, MarketMath.MIN_IV));
        final long askIv = Fixed8.fromDouble(iv + ivHalfSpread);
        return writer.ticker(id, mark, markIv, bidIv, askIv, index);
    }

    private int trade(final int id, final long now)
    {
        final long index = Fixed8.fromDouble(model.index());
        final long mark = mark(id, now, index, Fixed8.fromDouble(impliedVol(id, now)));
        final long size = randomSize(id);
        return writer.trade(id, random.nextBoolean(0.5) ? size : -size, mark);
    }

    private double impliedVol(final int id, final long now)
    {
        return MarketMath.smileIv(model.atmVol(), skew, curvature, model.index(),
            Fixed8.toDouble(universe.strike(id)), MarketMath.years(now, universe.expiryNs(id)), rate);
    }

    /** Mark from the wire values of index and IV, so a reader of the frames can reproduce it. */
    private long mark(final int id, final long now, final long index, final long iv)
    {
        return Fixed8.fromDouble(MarketMath.mark(
            universe.optionType(id) == OptionType.CALL,
            universe.settlement(id) == Settlement.INVERSE,
            Fixed8.toDouble(index),
            Fixed8.toDouble(universe.strike(id)),
            MarketMath.years(now, universe.expiryNs(id)),
            rate,
            Fixed8.toDouble(iv)));
    }
}
