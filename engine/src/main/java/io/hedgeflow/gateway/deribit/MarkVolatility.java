package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.greeks.ImpliedVol;

import java.util.Arrays;

/**
 * An option's implied volatility from its mark, Black-76 on the forward of its expiry with r = 0: the forward is
 * the mark of the dated future of the same underlying and expiry when that future has a ticker, else the index of
 * the underlying; time to expiry from the ticker's timestamp, Actual/365 in ns; an inverse option's mark is in coin
 * (USD price = mark x forward). A mark at or below intrinsic value (or above the forward or strike bound) has no
 * volatility, nor has a solution the engine's Fixed8 OptionTicker cannot carry into the logic's bounds (below 1e-8,
 * or 10.00 and above): the option is flagged, its last volatility cleared, nothing is invented.
 * <p>
 * The solve is split as {@link ImpliedVol#totalVolatility} (w = sigma sqrt(T), a pure function of the USD price, the
 * forward and the strike: T does not enter) and {@link ImpliedVol#volatility} (w / sqrt(T)). An option whose USD
 * price and forward are bit for bit those of its previous solve keeps that solve's w and only divides by the new
 * sqrt(T) (counted by {@link #reused}): never an approximation, at whatever time the ticker comes. Otherwise the
 * solve starts from the option's previous solve, moved along its slopes in price and forward
 * ({@link ImpliedVol#totalVolatility(boolean, double, double, double, double, double[], int)}: one evaluation for most
 * tickers, the full solve when the guess is too far): as accurate as a full solve, and deterministic, since the guess
 * comes from the same option's previous tickers of the feed.
 */
final class MarkVolatility
{
    /** A volatility was solved into {@link DeribitInstruments#iv}. */
    static final int SOLVED = 0;
    /** The mark admits no volatility; flagged in {@link DeribitInstruments#noIv}. */
    static final int NO_IV = 1;
    /** No usable input yet (no forward, no mark, expired): nothing changes. */
    static final int NO_INPUT = 2;
    /** Largest volatility the logic accepts (exclusive). */
    static final double MAX_VOL = 10.0;
    /** {@link #MAX_VOL} as a Fixed8 mantissa: a mantissa m is below it exactly when m / 1e8 is below MAX_VOL. */
    private static final long MAX_VOL_ON_WIRE = Fixed8.fromDouble(MAX_VOL);
    private static final double NS_PER_YEAR = 365.0 * 86_400.0 * 1e9;
    /** Entries of the direct-mapped cache of ln(forward) by the forward's bits: a power of two. */
    private static final int LOG_FORWARDS = 64;

    private final DeribitInstruments instruments;
    private final int[] searchedAt = new int[DeribitInstruments.CAPACITY];
    private final long[] lastPrice = new long[DeribitInstruments.CAPACITY];
    private final long[] lastForward = new long[DeribitInstruments.CAPACITY];
    private final double[] track = new double[DeribitInstruments.CAPACITY * ImpliedVol.TRACK_LENGTH];
    private final double[] lastTotalVol = new double[DeribitInstruments.CAPACITY];
    private final double[] logStrike = new double[DeribitInstruments.CAPACITY];
    private final long[] logForwardBits = new long[LOG_FORWARDS];
    private final double[] logForward = new double[LOG_FORWARDS];
    private long reused;
    private long ivOnWire;

    MarkVolatility(final DeribitInstruments instruments)
    {
        this.instruments = instruments;
        Arrays.fill(logStrike, Double.NaN);
        Arrays.fill(logForwardBits, Double.doubleToRawLongBits(Double.NaN));
        Arrays.fill(logForward, Double.NaN);
    }

    int solve(final int slot, final long timeNs)
    {
        final double forward = forward(slot);
        final double mark = instruments.mark[slot];
        final double years = (instruments.expiryNs[slot] - timeNs) / NS_PER_YEAR;
        if (!(forward > 0.0) || !(mark >= 0.0) || !(years > 0.0))
        {
            return NO_INPUT;
        }
        instruments.forward[slot] = forward;
        final double priceUsd = instruments.inverse[slot] ? mark * forward : mark;
        final double vol = solve(slot, forward, years, priceUsd);
        final long onWire = Fixed8.fromDouble(vol);
        if (onWire > 0L && onWire < MAX_VOL_ON_WIRE)
        {
            ivOnWire = onWire;
            instruments.iv[slot] = vol;
            instruments.noIv[slot] = false;
            return SOLVED;
        }
        instruments.iv[slot] = Double.NaN;
        instruments.noIv[slot] = true;
        return NO_IV;
    }

    /**
     * The volatility at years of the total volatility of (priceUsd, forward): solved, or the slot's previous total
     * volatility when price and forward are the same bits as at its previous solve.
     */
    private double solve(final int slot, final double forward, final double years, final double priceUsd)
    {
        final long price = Double.doubleToRawLongBits(priceUsd);
        final long f = Double.doubleToRawLongBits(forward);
        if (price == lastPrice[slot] && f == lastForward[slot])
        {
            reused++;
        }
        else
        {
            final double strike = instruments.strike[slot];
            if (Double.isNaN(logStrike[slot]))
            {
                logStrike[slot] = Math.log(strike);
            }
            lastTotalVol[slot] = ImpliedVol.totalVolatility(instruments.call[slot], forward, strike,
                logForward(forward, f) - logStrike[slot], priceUsd, track, slot * ImpliedVol.TRACK_LENGTH);
            lastPrice[slot] = price;
            lastForward[slot] = f;
        }
        return ImpliedVol.volatility(lastTotalVol[slot], years);
    }

    /**
     * ln(forward), remembered by the forward's bits: the options of an expiry share their forward until the index or
     * the future's mark moves, so most solves take ln F - ln K from two remembered logarithms instead of ln(F / K).
     * A cache of a function of the bits alone: whether it hits changes nothing but the time.
     */
    private double logForward(final double forward, final long bits)
    {
        final int entry = (int)(bits ^ (bits >>> 29) ^ (bits >>> 41)) & (LOG_FORWARDS - 1);
        if (logForwardBits[entry] != bits)
        {
            logForwardBits[entry] = bits;
            logForward[entry] = Math.log(forward);
        }
        return logForward[entry];
    }

    /** The volatility of the last {@link #SOLVED} solve as the Fixed8 mantissa the OptionTicker carries. */
    long ivOnWire()
    {
        return ivOnWire;
    }

    /** Solves answered from the previous solve of the same inputs. */
    long reused()
    {
        return reused;
    }

    /** The mark of the dated future of the option's expiry (searched again after new definitions), else the index. */
    private double forward(final int slot)
    {
        int future = instruments.future[slot];
        if (future == DeribitInstruments.MISSING && searchedAt[slot] != instruments.count())
        {
            searchedAt[slot] = instruments.count();
            future = findFuture(slot);
            instruments.future[slot] = future;
        }
        final double futureMark = future == DeribitInstruments.MISSING ? Double.NaN : instruments.mark[future];
        return futureMark > 0.0 ? futureMark : instruments.index[instruments.underlyingId[slot]];
    }

    private int findFuture(final int slot)
    {
        for (int s = 0; s < instruments.count(); s++)
        {
            if (instruments.kind[s] == InstrumentKind.FUTURE && instruments.normalized[s] &&
                instruments.underlyingId[s] == instruments.underlyingId[slot] &&
                instruments.expiryNs[s] == instruments.expiryNs[slot])
            {
                return s;
            }
        }
        return DeribitInstruments.MISSING;
    }
}
