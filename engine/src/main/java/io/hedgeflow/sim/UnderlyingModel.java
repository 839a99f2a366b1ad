package io.hedgeflow.sim;

/**
 * Market state of one simulated underlying: the index price, a geometric Brownian motion without drift, and the
 * at-the-money implied volatility, an Ornstein-Uhlenbeck process around the index volatility. Both step over the
 * logic time elapsed since the previous move, so their statistics hold whatever the frame spacing.
 */
final class UnderlyingModel
{
    private static final double MIN_ATM_VOL = 0.05;
    private static final double MAX_ATM_VOL = 5.0;

    final int underlyingId;
    private final double volatility;
    private final double volOfVol;
    private final double meanReversion;
    private double index;
    private double atmVol;
    private long lastMoveNs;

    UnderlyingModel(final int underlyingId, final SimContext ctx)
    {
        final boolean btc = underlyingId == UnderlyingSpec.BTC.underlyingId;
        this.underlyingId = underlyingId;
        this.volatility = btc ? ctx.btcVolatility() : ctx.ethVolatility();
        this.volOfVol = ctx.volOfVol();
        this.meanReversion = ctx.volMeanReversion();
        this.index = btc ? ctx.btcSpot() : ctx.ethSpot();
        this.atmVol = volatility;
        this.lastMoveNs = ctx.startTimeNs();
    }

    /** Advances index and ATM volatility to nowNs. */
    void move(final long nowNs, final SimRandom random)
    {
        final double dt = MarketMath.years(lastMoveNs, nowNs);
        final double sqrtDt = StrictMath.sqrt(dt);
        index *= StrictMath.exp(-0.5 * volatility * volatility * dt + volatility * sqrtDt * random.nextGaussian());
        final double nextVol = atmVol + meanReversion * (volatility - atmVol) * dt +
            volOfVol * sqrtDt * random.nextGaussian();
        atmVol = Math.max(MIN_ATM_VOL, Math.min(MAX_ATM_VOL, nextVol));
        lastMoveNs = nowNs;
    }

    /** Index price in USD. */
    double index()
    {
        return index;
    }

    double atmVol()
    {
        return atmVol;
    }
}
