package io.hedgeflow.risk.margin;

/**
 * Margin model parameters (configuration section {@code margin}) with Deribit's published values as defaults
 * (docs/margin.md restates the formulas and where each number comes from). Setters return this;
 * {@link #conclude()} validates and names the key of the first invalid value. Rates are fractions (0.02 = 2%),
 * sizes and contingencies in coin of the underlying.
 */
public final class MarginContext
{
    private MarginModel model = MarginModel.STANDARD;
    private double futureInitialRate = 0.02;
    private double futureMaintenanceRate = 0.015;
    private double futureRateIncrement = 0.005;
    private double futureIncrementSize = 100.0;
    private double optionInitialRate = 0.15;
    private double optionMinimumRate = 0.10;
    private double optionMaintenanceRate = 0.075;
    private double priceMove = 0.10;
    private int priceSteps = 9;
    private double volShock = 0.38;
    private double volShockDays = 30.0;
    private double volShockExponent = 0.30;
    private double minDaysToExpiry = 1.0;
    private double optionContingency = 0.01;
    private double futureContingency = 0.01;
    private double portfolioInitialFactor = 1.3;

    /** Checks every value; IllegalArgumentException whose message starts with the key. */
    public MarginContext conclude()
    {
        if (model == null)
        {
            throw new IllegalArgumentException("model is not set");
        }
        nonNegative("futureInitialRate", futureInitialRate);
        nonNegative("futureMaintenanceRate", futureMaintenanceRate);
        atMost("futureMaintenanceRate", futureMaintenanceRate, "futureInitialRate", futureInitialRate);
        nonNegative("futureRateIncrement", futureRateIncrement);
        positive("futureIncrementSize", futureIncrementSize);
        nonNegative("optionInitialRate", optionInitialRate);
        nonNegative("optionMinimumRate", optionMinimumRate);
        atMost("optionMinimumRate", optionMinimumRate, "optionInitialRate", optionInitialRate);
        nonNegative("optionMaintenanceRate", optionMaintenanceRate);
        if (!(priceMove > 0.0 && priceMove < 1.0))
        {
            throw new IllegalArgumentException("priceMove must be in (0, 1): " + priceMove);
        }
        if (priceSteps < 3 || priceSteps > 101 || priceSteps % 2 == 0)
        {
            throw new IllegalArgumentException("priceSteps must be odd, from 3 to 101: " + priceSteps);
        }
        nonNegative("volShock", volShock);
        positive("volShockDays", volShockDays);
        nonNegative("volShockExponent", volShockExponent);
        positive("minDaysToExpiry", minDaysToExpiry);
        nonNegative("optionContingency", optionContingency);
        nonNegative("futureContingency", futureContingency);
        if (!(portfolioInitialFactor >= 1.0) || Double.isInfinite(portfolioInitialFactor))
        {
            throw new IllegalArgumentException("portfolioInitialFactor must be at least 1 and finite: " +
                portfolioInitialFactor);
        }
        return this;
    }

    private static void nonNegative(final String key, final double value)
    {
        if (!(value >= 0.0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(key + " must be non-negative and finite: " + value);
        }
    }

    private static void positive(final String key, final double value)
    {
        if (!(value > 0.0) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException(key + " must be positive and finite: " + value);
        }
    }

    private static void atMost(final String key, final double value, final String otherKey, final double other)
    {
        if (value > other)
        {
            throw new IllegalArgumentException(key + " must not exceed " + otherKey + " (" + other + "): " + value);
        }
    }

    /** The model margin is computed with (an account file's {@code margin_model} may choose another). */
    public MarginModel model()
    {
        return model;
    }

    public MarginContext model(final MarginModel value)
    {
        model = value;
        return this;
    }

    /** Futures and perpetuals: initial margin rate of a position of size 0 (Deribit: 2%). */
    public double futureInitialRate()
    {
        return futureInitialRate;
    }

    public MarginContext futureInitialRate(final double value)
    {
        futureInitialRate = value;
        return this;
    }

    /** Futures and perpetuals: maintenance margin rate of a position of size 0 (Deribit: 1.5%). */
    public double futureMaintenanceRate()
    {
        return futureMaintenanceRate;
    }

    public MarginContext futureMaintenanceRate(final double value)
    {
        futureMaintenanceRate = value;
        return this;
    }

    /** Futures and perpetuals: both rates grow by this per {@link #futureIncrementSize()} of size (Deribit: 0.5%). */
    public double futureRateIncrement()
    {
        return futureRateIncrement;
    }

    public MarginContext futureRateIncrement(final double value)
    {
        futureRateIncrement = value;
        return this;
    }

    /** Futures and perpetuals: position size, coin, per {@link #futureRateIncrement()} (Deribit: 100 BTC). */
    public double futureIncrementSize()
    {
        return futureIncrementSize;
    }

    public MarginContext futureIncrementSize(final double value)
    {
        futureIncrementSize = value;
        return this;
    }

    /** Short options: initial rate a in max(a - OTM / underlying, b) (Deribit: 0.15). */
    public double optionInitialRate()
    {
        return optionInitialRate;
    }

    public MarginContext optionInitialRate(final double value)
    {
        optionInitialRate = value;
        return this;
    }

    /** Short options: the floor b in max(a - OTM / underlying, b) (Deribit: 0.10). */
    public double optionMinimumRate()
    {
        return optionMinimumRate;
    }

    public MarginContext optionMinimumRate(final double value)
    {
        optionMinimumRate = value;
        return this;
    }

    /** Short options: maintenance rate m (Deribit: 0.075). */
    public double optionMaintenanceRate()
    {
        return optionMaintenanceRate;
    }

    public MarginContext optionMaintenanceRate(final double value)
    {
        optionMaintenanceRate = value;
        return this;
    }

    /** Portfolio margin: largest underlying move of the grid, fraction (Deribit: 0.10, +-10%). */
    public double priceMove()
    {
        return priceMove;
    }

    public MarginContext priceMove(final double value)
    {
        priceMove = value;
        return this;
    }

    /** Portfolio margin: evenly spaced underlying moves from -priceMove to +priceMove, 0 included (Deribit: 9). */
    public int priceSteps()
    {
        return priceSteps;
    }

    public MarginContext priceSteps(final int value)
    {
        priceSteps = value;
        return this;
    }

    /** Portfolio margin: relative volatility shock at {@link #volShockDays()} to expiry (Deribit: 0.38). */
    public double volShock()
    {
        return volShock;
    }

    public MarginContext volShock(final double value)
    {
        volShock = value;
        return this;
    }

    /** Portfolio margin: days to expiry at which the shock is {@link #volShock()} (Deribit: 30). */
    public double volShockDays()
    {
        return volShockDays;
    }

    public MarginContext volShockDays(final double value)
    {
        volShockDays = value;
        return this;
    }

    /** Portfolio margin: shock = volShock x (volShockDays / days)^this (Deribit: 0.30). */
    public double volShockExponent()
    {
        return volShockExponent;
    }

    public MarginContext volShockExponent(final double value)
    {
        volShockExponent = value;
        return this;
    }

    /** Portfolio margin: days to expiry are at least this in the shock formula (a documented default: 1). */
    public double minDaysToExpiry()
    {
        return minDaysToExpiry;
    }

    public MarginContext minDaysToExpiry(final double value)
    {
        minDaysToExpiry = value;
        return this;
    }

    /** Portfolio margin: coin per net short option per strike and expiry (Deribit: 0.01). */
    public double optionContingency()
    {
        return optionContingency;
    }

    public MarginContext optionContingency(final double value)
    {
        optionContingency = value;
        return this;
    }

    /** Portfolio margin: fraction of the offsetting futures' size, coin (Deribit: 0.01). */
    public double futureContingency()
    {
        return futureContingency;
    }

    public MarginContext futureContingency(final double value)
    {
        futureContingency = value;
        return this;
    }

    /** Portfolio margin: initial = maintenance x this (a documented default: 1.3). */
    public double portfolioInitialFactor()
    {
        return portfolioInitialFactor;
    }

    public MarginContext portfolioInitialFactor(final double value)
    {
        portfolioInitialFactor = value;
        return this;
    }
}
