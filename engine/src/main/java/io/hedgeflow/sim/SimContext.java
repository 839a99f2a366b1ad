package io.hedgeflow.sim;

/**
 * Configuration of the market simulator and the simulated exchange, with realistic defaults.
 * Fluent setters return this; {@link #conclude()} validates and throws {@link IllegalArgumentException} naming the
 * first bad field. {@link MarketSimulator} and {@link SimExchange} conclude the context they are given.
 * <p>
 * Units: times in nanoseconds of logic time; volatilities, rates and probabilities as fractions (0.55 = 55 vol
 * points); basis, spread and fees in basis points. The underlyings are fixed: BTC (underlying id 1) and ETH (2).
 * Prices move in logic time (GBM with the configured volatility), so a larger {@link #meanSpacingNs()} makes a
 * given number of frames cover more market.
 */
public final class SimContext
{
    /** Monday 2026-01-05T00:00:00Z in nanoseconds since the epoch. */
    public static final long DEFAULT_START_TIME_NS = 1_767_571_200_000_000_000L;

    private long seed = 42L;
    private long startTimeNs = DEFAULT_START_TIME_NS;
    private long meanSpacingNs = 50_000L;
    private double btcSpot = 95_000.0;
    private double btcVolatility = 0.55;
    private double ethSpot = 3_300.0;
    private double ethVolatility = 0.70;
    private double rate = 0.03;
    private double volOfVol = 0.5;
    private double volMeanReversion = 4.0;
    private double smileSkew = -0.05;
    private double smileCurvature = 0.04;
    private double ivHalfSpread = 0.005;
    private double perpBasisBps = 2.0;
    private double quoteSpreadBps = 0.5;
    private int[] expiryDays = {7, 14, 30, 60, 90};
    private int strikesPerExpiry = 11;
    private int tickersPerMove = 4;
    private double optionTradeProbability = 0.05;
    private double bookProbability = 0.1;
    private long heartbeatIntervalNs = 100_000_000L;
    private long latencyNs = 5_000_000L;
    private double takerFeeBps = 5.0;
    private int orderCapacity = 1024;
    private int instrumentCapacity = 1024;

    /**
     * Validates every field.
     *
     * @return this
     * @throws IllegalArgumentException naming the first invalid field
     */
    public SimContext conclude()
    {
        require(startTimeNs > 0, "startTimeNs", startTimeNs);
        require(meanSpacingNs >= 1 && meanSpacingNs <= 3_600_000_000_000L, "meanSpacingNs", meanSpacingNs);
        require(btcSpot >= 1 && btcSpot < 1e9, "btcSpot", btcSpot);
        require(btcVolatility > 0 && btcVolatility <= 5, "btcVolatility", btcVolatility);
        require(ethSpot >= 1 && ethSpot < 1e9, "ethSpot", ethSpot);
        require(ethVolatility > 0 && ethVolatility <= 5, "ethVolatility", ethVolatility);
        require(rate > -1 && rate < 1, "rate", rate);
        require(volOfVol >= 0 && volOfVol <= 10, "volOfVol", volOfVol);
        require(volMeanReversion >= 0 && volMeanReversion <= 1000, "volMeanReversion", volMeanReversion);
        require(Math.abs(smileSkew) <= 1, "smileSkew", smileSkew);
        require(smileCurvature >= 0 && smileCurvature <= 1, "smileCurvature", smileCurvature);
        require(ivHalfSpread >= 0 && ivHalfSpread < 1, "ivHalfSpread", ivHalfSpread);
        require(Math.abs(perpBasisBps) <= 1000, "perpBasisBps", perpBasisBps);
        require(quoteSpreadBps >= 0 && quoteSpreadBps <= 1000, "quoteSpreadBps", quoteSpreadBps);
        require(expiryDays.length >= 1 && expiryDays.length <= 32, "expiryDays", expiryDays.length);
        for (final int days : expiryDays)
        {
            require(days >= 1 && days <= 3650, "expiryDays", days);
        }
        require(strikesPerExpiry >= 1 && strikesPerExpiry <= 101, "strikesPerExpiry", strikesPerExpiry);
        require(tickersPerMove >= 0 && tickersPerMove <= 64, "tickersPerMove", tickersPerMove);
        require(optionTradeProbability >= 0 && optionTradeProbability <= 1, "optionTradeProbability",
            optionTradeProbability);
        require(bookProbability >= 0 && bookProbability <= 1, "bookProbability", bookProbability);
        require(heartbeatIntervalNs >= 1, "heartbeatIntervalNs", heartbeatIntervalNs);
        require(latencyNs >= 0, "latencyNs", latencyNs);
        require(takerFeeBps >= -100 && takerFeeBps <= 100, "takerFeeBps", takerFeeBps);
        require(orderCapacity >= 1 && orderCapacity <= 1 << 20, "orderCapacity", orderCapacity);
        require(instrumentCapacity >= 1 && instrumentCapacity <= 1 << 20, "instrumentCapacity", instrumentCapacity);
        return this;
    }

    private static void require(final boolean valid, final String field, final double value)
    {
        if (!valid)
        {
            throw new IllegalArgumentException("invalid SimContext." + field + ": " + value);
        }
    }

    /** Seed of the deterministic generator; the same seed gives byte-identical streams. */
    public long seed()
    {
        return seed;
    }

    public SimContext seed(final long value)
    {
        seed = value;
        return this;
    }

    /** Logic time of the first frame, ns since the epoch; option expiries are whole days after its date. */
    public long startTimeNs()
    {
        return startTimeNs;
    }

    public SimContext startTimeNs(final long value)
    {
        startTimeNs = value;
        return this;
    }

    /** Mean logic time between consecutive frames; gaps are uniform in [1, 2 * mean - 1] ns. */
    public long meanSpacingNs()
    {
        return meanSpacingNs;
    }

    public SimContext meanSpacingNs(final long value)
    {
        meanSpacingNs = value;
        return this;
    }

    /** Initial BTC index price in USD. */
    public double btcSpot()
    {
        return btcSpot;
    }

    public SimContext btcSpot(final double value)
    {
        btcSpot = value;
        return this;
    }

    /** BTC index volatility (GBM) and the mean level of its ATM implied volatility. */
    public double btcVolatility()
    {
        return btcVolatility;
    }

    public SimContext btcVolatility(final double value)
    {
        btcVolatility = value;
        return this;
    }

    /** Initial ETH index price in USD. */
    public double ethSpot()
    {
        return ethSpot;
    }

    public SimContext ethSpot(final double value)
    {
        ethSpot = value;
        return this;
    }

    /** ETH index volatility (GBM) and the mean level of its ATM implied volatility. */
    public double ethVolatility()
    {
        return ethVolatility;
    }

    public SimContext ethVolatility(final double value)
    {
        ethVolatility = value;
        return this;
    }

    /** Continuously compounded USD rate used for forwards and option marks (dividend yield is 0). */
    public double rate()
    {
        return rate;
    }

    public SimContext rate(final double value)
    {
        rate = value;
        return this;
    }

    /** Annualised volatility of the ATM implied volatility (Ornstein-Uhlenbeck, in vol units). */
    public double volOfVol()
    {
        return volOfVol;
    }

    public SimContext volOfVol(final double value)
    {
        volOfVol = value;
        return this;
    }

    /** Mean reversion speed per year of the ATM implied volatility towards the underlying's volatility. */
    public double volMeanReversion()
    {
        return volMeanReversion;
    }

    public SimContext volMeanReversion(final double value)
    {
        volMeanReversion = value;
        return this;
    }

    /** Smile slope: relative IV change per standard deviation of log-moneyness (negative: puts richer). */
    public double smileSkew()
    {
        return smileSkew;
    }

    public SimContext smileSkew(final double value)
    {
        smileSkew = value;
        return this;
    }

    /** Smile convexity: relative IV change per squared standard deviation of log-moneyness. */
    public double smileCurvature()
    {
        return smileCurvature;
    }

    public SimContext smileCurvature(final double value)
    {
        smileCurvature = value;
        return this;
    }

    /** Half the bid/ask spread of option implied volatilities. */
    public double ivHalfSpread()
    {
        return ivHalfSpread;
    }

    public SimContext ivHalfSpread(final double value)
    {
        ivHalfSpread = value;
        return this;
    }

    /** Perpetual mid over the index, basis points. */
    public double perpBasisBps()
    {
        return perpBasisBps;
    }

    public SimContext perpBasisBps(final double value)
    {
        perpBasisBps = value;
        return this;
    }

    /** Quoted bid/ask spread of perpetuals and spot before tick rounding, basis points of the mid. */
    public double quoteSpreadBps()
    {
        return quoteSpreadBps;
    }

    public SimContext quoteSpreadBps(final double value)
    {
        quoteSpreadBps = value;
        return this;
    }

    /** Option expiries in days after the start date (at 08:00 UTC, Deribit style). */
    public int[] expiryDays()
    {
        return expiryDays.clone();
    }

    public SimContext expiryDays(final int... value)
    {
        expiryDays = value.clone();
        return this;
    }

    /** Strikes per expiry, calls and puts each, centred on the at-the-money strike. */
    public int strikesPerExpiry()
    {
        return strikesPerExpiry;
    }

    public SimContext strikesPerExpiry(final int value)
    {
        strikesPerExpiry = value;
        return this;
    }

    /** OptionTicker frames after each index move, for random options of the moved underlying. */
    public int tickersPerMove()
    {
        return tickersPerMove;
    }

    public SimContext tickersPerMove(final int value)
    {
        tickersPerMove = value;
        return this;
    }

    /** Probability that an index move is followed by a client OptionTrade. */
    public double optionTradeProbability()
    {
        return optionTradeProbability;
    }

    public SimContext optionTradeProbability(final double value)
    {
        optionTradeProbability = value;
        return this;
    }

    /** Probability that an index move is followed by a BookLevels snapshot of the perpetual. */
    public double bookProbability()
    {
        return bookProbability;
    }

    public SimContext bookProbability(final double value)
    {
        bookProbability = value;
        return this;
    }

    /** Logic time between Heartbeat frames. */
    public long heartbeatIntervalNs()
    {
        return heartbeatIntervalNs;
    }

    public SimContext heartbeatIntervalNs(final long value)
    {
        heartbeatIntervalNs = value;
        return this;
    }

    /** Simulated exchange: delay from an order's logic time to its execution report. */
    public long latencyNs()
    {
        return latencyNs;
    }

    public SimContext latencyNs(final long value)
    {
        latencyNs = value;
        return this;
    }

    /** Simulated exchange: taker fee on notional in the settlement currency, basis points. */
    public double takerFeeBps()
    {
        return takerFeeBps;
    }

    public SimContext takerFeeBps(final double value)
    {
        takerFeeBps = value;
        return this;
    }

    /** Simulated exchange: orders in flight at once; beyond it orders are rejected. */
    public int orderCapacity()
    {
        return orderCapacity;
    }

    public SimContext orderCapacity(final int value)
    {
        orderCapacity = value;
        return this;
    }

    /** Simulated exchange: instrument ids it tracks are 0 to capacity - 1. */
    public int instrumentCapacity()
    {
        return instrumentCapacity;
    }

    public SimContext instrumentCapacity(final int value)
    {
        instrumentCapacity = value;
        return this;
    }
}
