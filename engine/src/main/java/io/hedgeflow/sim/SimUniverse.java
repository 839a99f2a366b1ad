package io.hedgeflow.sim;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.Fixed8;

/**
 * The simulated instruments, built once from a {@link SimContext}: ids 1 to {@link #count()}, grouped per
 * underlying (BTC = 1, ETH = 2) as perpetual, spot, then options by expiry, strike, call before put.
 * <pre>
 *   id:  1 BTC-PERPETUAL | 2 BTC_USDC | 3.. BTC options | ETH_USDC-PERPETUAL | ETH_USDC | ETH options
 * </pre>
 * Expiries are at 08:00 UTC, whole days after the start date. Strikes per expiry are a grid around the initial
 * spot spanning up to +/- 1.5 standard deviations (the step rounded down to 1, 2, 2.5 or 5 times a power of ten),
 * shifted up if needed so that every strike is positive. The universe is static: options past their expiry stay
 * listed and are marked at intrinsic value. Contract specifications are in {@link UnderlyingSpec}.
 * Accessors take an instrument id; sizes and prices are Fixed8 mantissas.
 */
public final class SimUniverse
{
    static final long NS_PER_DAY = 86_400_000_000_000L;
    private static final long EXPIRY_HOUR_NS = 8 * 3_600_000_000_000L;

    private final int count;
    private final int[] underlyingId;
    private final InstrumentKind[] kind;
    private final Settlement[] settlement;
    private final OptionType[] optionType;
    private final long[] contractSize;
    private final long[] tickSize;
    private final long[] lotSize;
    private final long[] strike;
    private final long[] expiryNs;
    private final int[] maxLots;
    private final String[] symbol;
    private final int[] perpetualId = new int[UnderlyingSpec.ALL.length + 1];
    private final int[] optionsPerUnderlying = new int[UnderlyingSpec.ALL.length + 1];

    SimUniverse(final SimContext ctx)
    {
        final int[] expiryDays = ctx.expiryDays();
        final int options = 2 * expiryDays.length * ctx.strikesPerExpiry();
        final int capacity = 1 + UnderlyingSpec.ALL.length * (2 + options);
        underlyingId = new int[capacity];
        kind = new InstrumentKind[capacity];
        settlement = new Settlement[capacity];
        optionType = new OptionType[capacity];
        contractSize = new long[capacity];
        tickSize = new long[capacity];
        lotSize = new long[capacity];
        strike = new long[capacity];
        expiryNs = new long[capacity];
        maxLots = new int[capacity];
        symbol = new String[capacity];

        final long startDayNs = Math.floorDiv(ctx.startTimeNs(), NS_PER_DAY) * NS_PER_DAY;
        int id = 0;
        for (final UnderlyingSpec spec : UnderlyingSpec.ALL)
        {
            final int u = spec.underlyingId;
            final double spot = u == UnderlyingSpec.BTC.underlyingId ? ctx.btcSpot() : ctx.ethSpot();
            final double vol = u == UnderlyingSpec.BTC.underlyingId ? ctx.btcVolatility() : ctx.ethVolatility();
            perpetualId[u] = ++id;
            define(id, u, InstrumentKind.PERPETUAL, spec.perpSettlement, spec.perpSymbol, spec.perpContractSize,
                spec.perpTick, spec.perpLot, spec.perpMaxQuoteLots);
            define(++id, u, InstrumentKind.SPOT, Settlement.LINEAR, spec.spotSymbol, 1.0,
                spec.spotTick, spec.spotLot, spec.spotMaxQuoteLots);
            optionsPerUnderlying[u] = options;
            for (final int days : expiryDays)
            {
                final long expiry = startDayNs + days * NS_PER_DAY + EXPIRY_HOUR_NS;
                final double years = (expiry - ctx.startTimeNs()) / MarketMath.NS_PER_YEAR;
                final long step = Fixed8.fromDouble(niceStep(spot * vol * Math.sqrt(years) * 3.0 /
                    Math.max(ctx.strikesPerExpiry() - 1, 1)));
                final long first = Math.max(
                    (Math.round(spot * Fixed8.ONE / step) - ctx.strikesPerExpiry() / 2) * step, step);
                for (int i = 0; i < ctx.strikesPerExpiry(); i++)
                {
                    final long k = first + i * step;
                    defineOption(++id, u, spec, expiry, k, OptionType.CALL);
                    defineOption(++id, u, spec, expiry, k, OptionType.PUT);
                }
            }
        }
        count = id;
    }

    private void define(
        final int id,
        final int u,
        final InstrumentKind kind,
        final Settlement settlement,
        final String symbol,
        final double contractSize,
        final double tick,
        final double lot,
        final int maxLots)
    {
        this.underlyingId[id] = u;
        this.kind[id] = kind;
        this.settlement[id] = settlement;
        this.optionType[id] = OptionType.NONE;
        this.symbol[id] = symbol;
        this.contractSize[id] = Fixed8.fromDouble(contractSize);
        this.tickSize[id] = Fixed8.fromDouble(tick);
        this.lotSize[id] = Fixed8.fromDouble(lot);
        this.maxLots[id] = maxLots;
    }

    private void defineOption(
        final int id, final int u, final UnderlyingSpec spec, final long expiry, final long k, final OptionType type)
    {
        define(id, u, InstrumentKind.OPTION, spec.optionSettlement,
            DeribitSymbols.option(spec.optionPrefix, expiry, k, type == OptionType.CALL),
            1.0, spec.optionTick, spec.optionLot, spec.optionMaxTradeLots);
        optionType[id] = type;
        strike[id] = k;
        expiryNs[id] = expiry;
    }

    /** Rounds a positive step down to 1, 2, 2.5 or 5 times a power of ten. */
    static double niceStep(final double raw)
    {
        final double base = Math.pow(10.0, Math.floor(Math.log10(raw)));
        final double m = raw / base;
        return base * (m >= 5.0 ? 5.0 : m >= 2.5 ? 2.5 : m >= 2.0 ? 2.0 : 1.0);
    }

    /** Number of instruments; ids run from 1 to count. */
    public int count()
    {
        return count;
    }

    /** Id of the perpetual of an underlying (1 = BTC, 2 = ETH). */
    public int perpetualId(final int underlyingId)
    {
        return perpetualId[underlyingId];
    }

    /** Id of the spot instrument of an underlying. */
    public int spotId(final int underlyingId)
    {
        return perpetualId[underlyingId] + 1;
    }

    /** Id of the first option of an underlying; its options are contiguous. */
    public int firstOptionId(final int underlyingId)
    {
        return perpetualId[underlyingId] + 2;
    }

    /** Number of options of an underlying. */
    public int optionCount(final int underlyingId)
    {
        return optionsPerUnderlying[underlyingId];
    }

    public int underlyingId(final int id)
    {
        return underlyingId[id];
    }

    public InstrumentKind kind(final int id)
    {
        return kind[id];
    }

    public Settlement settlement(final int id)
    {
        return settlement[id];
    }

    public OptionType optionType(final int id)
    {
        return optionType[id];
    }

    public long contractSize(final int id)
    {
        return contractSize[id];
    }

    public long tickSize(final int id)
    {
        return tickSize[id];
    }

    /** Lot size, which is also the minimum order size. */
    public long lotSize(final int id)
    {
        return lotSize[id];
    }

    /** Strike in USD; 0 unless an option. */
    public long strike(final int id)
    {
        return strike[id];
    }

    /** Expiry in ns since the epoch; 0 unless an option. */
    public long expiryNs(final int id)
    {
        return expiryNs[id];
    }

    public String symbol(final int id)
    {
        return symbol[id];
    }

    /** Largest simulated size in lots: quote sizes for perpetuals and spot, client trade sizes for options. */
    int maxLots(final int id)
    {
        return maxLots[id];
    }
}
