package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.greeks.BlackScholes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Greeks of an account's positions at the end of a Deribit feed, per position and per underlying, as the
 * {@code risk} command reports them. Sticky strike: each option keeps the implied volatility of its latest mark
 * (solved with the forward and time to expiry of that moment) and is revalued by Black-76 (r = 0) on the latest
 * forward of its expiry with the time to expiry at the end of the feed.
 * <p>
 * Units: sizes are Deribit's (USD for inverse futures and perpetuals, the coin otherwise); delta in coin (an inverse
 * future's or perpetual's is size / mark, the index when it has no mark; a linear one's, spot's or option's is
 * size x per-coin delta); {@code delta_premium_adjusted} subtracts an inverse option's coin value (delta - V / F,
 * the delta of its coin value times F), equal to the delta elsewhere; gamma in coin per USD; vega in USD per 1.00
 * of volatility; theta in USD per year. An option whose latest mark has no implied volatility has no Greeks (NaN,
 * printed null), is counted in its underlying's {@code noIv} and left out of the totals, which sum the positions.
 */
public final class BookRisk
{
    private static final double NS_PER_YEAR = 365.0 * 86_400.0 * 1e9;

    /** One position's figures; NaN where none exists. */
    public record PositionRisk(
        String instrument, double size, double mark, double forward, double iv, double delta,
        double deltaPremiumAdjusted, double gamma, double vega, double theta)
    {
    }

    /** One expiry's forward. */
    public record Forward(long expiryNs, double forward)
    {
    }

    /** One underlying's totals and positions. */
    public record UnderlyingRisk(
        String underlying, double index, List<Forward> forwards, double delta, double deltaPremiumAdjusted,
        double gamma, double vega, double theta, int noIv, List<PositionRisk> positions)
    {
    }

    private BookRisk()
    {
    }

    /**
     * @param file      the positions file, for errors.
     * @param endTimeNs logic time at the end of the feed.
     * @throws PositionsException naming file, line and instrument for a position the feed never defined.
     */
    public static List<UnderlyingRisk> of(
        final DeribitInstruments instruments, final Path file, final List<PositionsFile.Position> positions,
        final long endTimeNs)
    {
        final TreeMap<Integer, List<PositionRisk>> byUnderlying = new TreeMap<>();
        for (final PositionsFile.Position position : positions)
        {
            final int slot = slotOf(instruments, position.instrument());
            if (slot == DeribitInstruments.MISSING)
            {
                throw new PositionsException(file, position.line(), "instrument_name",
                    position.instrument() + " is not an instrument of the feed");
            }
            byUnderlying.computeIfAbsent(instruments.underlyingId(slot), id -> new ArrayList<>())
                .add(position(instruments, slot, position.size(), endTimeNs));
        }
        final List<UnderlyingRisk> result = new ArrayList<>();
        byUnderlying.forEach((id, risks) -> result.add(underlying(instruments, id, risks)));
        return result;
    }

    private static UnderlyingRisk underlying(
        final DeribitInstruments instruments, final int underlyingId, final List<PositionRisk> positions)
    {
        double delta = 0.0, adjusted = 0.0, gamma = 0.0, vega = 0.0, theta = 0.0;
        int noIv = 0;
        for (final PositionRisk p : positions)
        {
            if (Double.isNaN(p.delta()))
            {
                noIv++;
                continue;
            }
            delta += p.delta();
            adjusted += p.deltaPremiumAdjusted();
            gamma += p.gamma();
            vega += p.vega();
            theta += p.theta();
        }
        return new UnderlyingRisk(instruments.underlyingName(underlyingId), instruments.index(underlyingId),
            forwards(instruments, underlyingId), delta, adjusted, gamma, vega, theta, noIv, positions);
    }

    private static List<Forward> forwards(final DeribitInstruments instruments, final int underlyingId)
    {
        final TreeMap<Long, Double> byExpiry = new TreeMap<>();
        for (int slot = 0; slot < instruments.count(); slot++)
        {
            if (instruments.underlyingId(slot) == underlyingId && instruments.kind(slot) == InstrumentKind.OPTION)
            {
                byExpiry.computeIfAbsent(instruments.expiryNs(slot),
                    expiry -> instruments.forward(underlyingId, expiry));
            }
        }
        final List<Forward> forwards = new ArrayList<>();
        byExpiry.forEach((expiry, forward) -> forwards.add(new Forward(expiry, forward)));
        return forwards;
    }

    static PositionRisk position(
        final DeribitInstruments instruments, final int slot, final double size, final long endTimeNs)
    {
        final String name = instruments.name(slot);
        final double mark = instruments.mark(slot);
        if (instruments.kind(slot) != InstrumentKind.OPTION)
        {
            final double price = mark > 0.0 ? mark : instruments.index(instruments.underlyingId(slot));
            final double delta = instruments.isInverse(slot) ? size / price : size;
            return new PositionRisk(name, size, mark, Double.NaN, Double.NaN, delta, delta, 0.0, 0.0, 0.0);
        }
        final double forward = instruments.forward(instruments.underlyingId(slot), instruments.expiryNs(slot));
        final double iv = instruments.hasNoIv(slot) ? Double.NaN : instruments.iv(slot);
        if (Double.isNaN(iv) || !(forward > 0.0))
        {
            return new PositionRisk(name, size, mark, forward, iv, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
        }
        final double[] g = new double[BlackScholes.OUTPUTS];
        final double years = (instruments.expiryNs(slot) - endTimeNs) / NS_PER_YEAR;
        BlackScholes.greeks(instruments.isCall(slot), forward, instruments.strike(slot), years, 0.0, 0.0, iv, true,
            false, g);
        final double premium = instruments.isInverse(slot) ? g[BlackScholes.PRICE] / forward : 0.0;
        return new PositionRisk(name, size, mark, forward, iv, size * g[BlackScholes.DELTA],
            size * (g[BlackScholes.DELTA] - premium), size * g[BlackScholes.GAMMA], size * g[BlackScholes.VEGA],
            size * g[BlackScholes.THETA]);
    }

    private static int slotOf(final DeribitInstruments instruments, final String name)
    {
        for (int slot = 0; slot < instruments.count(); slot++)
        {
            if (instruments.name(slot).equals(name))
            {
                return slot;
            }
        }
        return DeribitInstruments.MISSING;
    }
}
