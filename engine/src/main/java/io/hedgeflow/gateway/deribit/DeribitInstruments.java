package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentKind;
import org.agrona.collections.Int2IntHashMap;

import java.util.Arrays;

/**
 * The Deribit instruments a feed defined, in the order it defined them (slots 0 to {@link #count()} - 1), with
 * what the normalization last saw of each: mark, forward, implied volatility or its absence, and per underlying
 * the index. Read by the {@code risk} command at the end of a feed, on the thread that polled it.
 * <p>
 * Prices are Deribit's: an inverse option's mark is in coin, a linear one's in USDC; forwards and indices in USD.
 * A value not seen yet is NaN.
 */
public final class DeribitInstruments
{
    /** Slot of an instrument id that was not defined. */
    public static final int MISSING = -1;
    /** Instruments kept; a definition beyond is ignored (its data dropped). */
    public static final int CAPACITY = 8192;
    static final int MAX_UNDERLYING_ID = 4096;

    /** Entries of the direct-mapped lookup in front of {@link #slotById}: a power of two. */
    private static final int LOOKUP_ENTRIES = 4096;

    private final Int2IntHashMap slotById = new Int2IntHashMap(MISSING);
    private final int[] lookupId = new int[LOOKUP_ENTRIES];
    private final int[] lookupSlot = new int[LOOKUP_ENTRIES];
    final int[] instrumentId = new int[CAPACITY];
    final String[] name = new String[CAPACITY];
    final int[] underlyingId = new int[CAPACITY];
    final InstrumentKind[] kind = new InstrumentKind[CAPACITY];
    final boolean[] combo = new boolean[CAPACITY];
    final boolean[] normalized = new boolean[CAPACITY];
    final boolean[] inverse = new boolean[CAPACITY];
    final boolean[] call = new boolean[CAPACITY];
    final double[] strike = new double[CAPACITY];
    final long[] expiryNs = new long[CAPACITY];
    final double[] contractSize = new double[CAPACITY];
    final double[] tickSize = new double[CAPACITY];
    final double[] minTradeAmount = new double[CAPACITY];
    final double[] makerFee = new double[CAPACITY];
    final double[] takerFee = new double[CAPACITY];
    final int[] channel = new int[CAPACITY];
    final boolean[] ticked = new boolean[CAPACITY];
    final double[] mark = new double[CAPACITY];
    final double[] forward = new double[CAPACITY];
    final double[] iv = new double[CAPACITY];
    final boolean[] noIv = new boolean[CAPACITY];
    final int[] future = new int[CAPACITY];
    final DepthBook[] books = new DepthBook[CAPACITY];
    final double[] index = new double[MAX_UNDERLYING_ID];
    final boolean[] underlyingDefined = new boolean[MAX_UNDERLYING_ID];
    private final DeribitUnderlyings underlyings;
    private int count;

    DeribitInstruments(final DeribitUnderlyings underlyings)
    {
        this.underlyings = underlyings;
        Arrays.fill(index, Double.NaN);
        Arrays.fill(lookupSlot, MISSING);
    }

    /** Adds an instrument (after checking it is new and there is room); returns its slot. */
    int add(final int id, final String instrumentName)
    {
        final int slot = count++;
        slotById.put(id, slot);
        lookupId[id & (LOOKUP_ENTRIES - 1)] = id;
        lookupSlot[id & (LOOKUP_ENTRIES - 1)] = slot;
        instrumentId[slot] = id;
        name[slot] = instrumentName;
        mark[slot] = Double.NaN;
        forward[slot] = Double.NaN;
        iv[slot] = Double.NaN;
        future[slot] = MISSING;
        return slot;
    }

    boolean isFull()
    {
        return count == CAPACITY;
    }

    /**
     * Slot of a Deribit instrument id, or {@link #MISSING}: from a direct-mapped table of the ids last added per
     * entry (one compare for the feed's instruments, whose ids rarely share their low 12 bits), else the map. An entry
     * never written holds id 0 and MISSING, which is right for id 0 too: had it been added, its entry would say so.
     */
    public int slotOf(final int deribitInstrumentId)
    {
        final int entry = deribitInstrumentId & (LOOKUP_ENTRIES - 1);
        return lookupId[entry] == deribitInstrumentId ? lookupSlot[entry] : slotById.get(deribitInstrumentId);
    }

    /** Instruments defined. */
    public int count()
    {
        return count;
    }

    public int instrumentId(final int slot)
    {
        return instrumentId[slot];
    }

    /** The Deribit instrument name, e.g. BTC-16JUN23-26000-C (also the engine symbol). */
    public String name(final int slot)
    {
        return name[slot];
    }

    /** Engine underlying id ({@link DeribitUnderlyings}). */
    public int underlyingId(final int slot)
    {
        return underlyingId[slot];
    }

    /** The coin of an engine underlying id (BTC, ETH, ...), or null. */
    public String underlyingName(final int underlyingId)
    {
        return underlyings.name(underlyingId);
    }

    /** Engine kind; null for a combo (decoded and counted, not normalized). */
    public InstrumentKind kind(final int slot)
    {
        return combo[slot] ? null : kind[slot];
    }

    /** True when the instrument was defined to the engine (not a combo, and a definition the logic accepts). */
    public boolean isNormalized(final int slot)
    {
        return normalized[slot];
    }

    public boolean isCombo(final int slot)
    {
        return combo[slot];
    }

    /** Coin settled (Deribit "reversed"); false for linear (USDC) and spot. */
    public boolean isInverse(final int slot)
    {
        return inverse[slot];
    }

    public boolean isCall(final int slot)
    {
        return call[slot];
    }

    /** Option strike in USD (USDC); NaN otherwise. */
    public double strike(final int slot)
    {
        return strike[slot];
    }

    /** Expiry, ns since the epoch (08:00 UTC); 0 for perpetuals and spot. */
    public long expiryNs(final int slot)
    {
        return expiryNs[slot];
    }

    public double contractSize(final int slot)
    {
        return contractSize[slot];
    }

    public double tickSize(final int slot)
    {
        return tickSize[slot];
    }

    public double minTradeAmount(final int slot)
    {
        return minTradeAmount[slot];
    }

    public double makerFee(final int slot)
    {
        return makerFee[slot];
    }

    public double takerFee(final int slot)
    {
        return takerFee[slot];
    }

    /** Last mark price of the instrument's ticker (option: coin for inverse, USDC for linear). */
    public double mark(final int slot)
    {
        return mark[slot];
    }

    /** Option: forward of its expiry used for its last implied volatility. */
    public double forward(final int slot)
    {
        return forward[slot];
    }

    /** Option: implied volatility of its last mark; NaN when none was solvable (see {@link #hasNoIv}). */
    public double iv(final int slot)
    {
        return iv[slot];
    }

    /** Option: its last mark was at or below intrinsic value (or above the no-arbitrage bound): no implied vol. */
    public boolean hasNoIv(final int slot)
    {
        return noIv[slot];
    }

    /** Last index (coin_usd) of an engine underlying id, NaN when none. */
    public double index(final int underlyingId)
    {
        return underlyingId > 0 && underlyingId < MAX_UNDERLYING_ID ? index[underlyingId] : Double.NaN;
    }

    /**
     * Forward of an underlying's expiry: the last mark of the dated future of that expiry when it has one, else
     * the index.
     */
    public double forward(final int underlyingId, final long expiryNs)
    {
        for (int s = 0; s < count; s++)
        {
            if (kind[s] == InstrumentKind.FUTURE && !combo[s] && this.underlyingId[s] == underlyingId &&
                this.expiryNs[s] == expiryNs && mark[s] > 0.0)
            {
                return mark[s];
            }
        }
        return index(underlyingId);
    }
}
