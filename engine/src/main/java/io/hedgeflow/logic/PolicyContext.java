package io.hedgeflow.logic;

import io.hedgeflow.hedge.SmileDynamics;

/**
 * The hedging policy of one underlying: when to trade (trigger) and to where (target or band edge). Configuration
 * section {@code policy} sets the policy of every underlying; section {@code underlyings} overrides it per
 * underlying id ({@link LogicContext#underlyingPolicy}). Delta quantities are in units of the underlying (coin).
 */
public final class PolicyContext
{
    private PolicyType type = PolicyType.FIXED_BAND;
    private double targetDelta = 0.0;
    private double bandUsd = 250_000.0;
    private double bandUnderlying = 0.0;
    private HedgeTo hedgeTo = HedgeTo.POLICY;
    private long intervalNs = 60_000_000_000L;
    private double costFraction = 0.0005;
    private double riskAversion = 1e-5;
    private double gammaBandSigmas = 1.0;
    private long horizonNs = 3_600_000_000_000L;
    private boolean leland = false;
    private DeltaDefinition deltaDefinition = DeltaDefinition.BLACK_SCHOLES;
    private double hullWhiteA = 0.0;
    private double hullWhiteB = 0.0;
    private double hullWhiteC = 0.0;
    private double slippageCapBps = 0.0;
    private InstrumentChoice instrumentChoice = InstrumentChoice.HEDGE_PERPETUAL;
    private double perpetualFeeBps = 5.0;
    private double futureFeeBps = 5.0;
    private double spotFeeBps = 10.0;
    private int hedgeUnderlying = 0;
    private HedgeInstrument hedgeInstrument = HedgeInstrument.PERPETUAL;
    private int hedgeFutureId = 0;
    private RatioEstimator ratioEstimator = RatioEstimator.EWMA;
    private int ratioWindow = 100;
    private double ratioHalfLife = 50.0;
    private double kalmanProcessVariance = 1e-6;
    private double kalmanObservationVariance = 1e-6;
    private long ratioSampleNs = 60_000_000_000L;
    private int minObservations = 30;
    private double minEffectiveness = 0.5;
    private double maxClipContracts = 0.0;
    private long clipSpacingNs = 1_000_000_000L;
    private SmileDynamics smileDynamics = SmileDynamics.STICKY_STRIKE;
    private double targetLeverage = 0.0;
    private double maxMarginUsage = 0.0;
    private MarginBasis marginBasis = MarginBasis.INITIAL;
    private double minLiquidationDistance = 0.0;
    private double marginCostRate = 0.0;

    /** A copy with the same settings, to override some of them for one underlying. */
    public PolicyContext copy()
    {
        return new PolicyContext()
            .type(type)
            .targetDelta(targetDelta)
            .bandUsd(bandUsd)
            .bandUnderlying(bandUnderlying)
            .hedgeTo(hedgeTo)
            .intervalNs(intervalNs)
            .costFraction(costFraction)
            .riskAversion(riskAversion)
            .gammaBandSigmas(gammaBandSigmas)
            .horizonNs(horizonNs)
            .leland(leland)
            .deltaDefinition(deltaDefinition)
            .hullWhiteA(hullWhiteA)
            .hullWhiteB(hullWhiteB)
            .hullWhiteC(hullWhiteC)
            .slippageCapBps(slippageCapBps)
            .instrumentChoice(instrumentChoice)
            .perpetualFeeBps(perpetualFeeBps)
            .futureFeeBps(futureFeeBps)
            .spotFeeBps(spotFeeBps)
            .hedgeUnderlying(hedgeUnderlying)
            .hedgeInstrument(hedgeInstrument)
            .hedgeFutureId(hedgeFutureId)
            .ratioEstimator(ratioEstimator)
            .ratioWindow(ratioWindow)
            .ratioHalfLife(ratioHalfLife)
            .kalmanProcessVariance(kalmanProcessVariance)
            .kalmanObservationVariance(kalmanObservationVariance)
            .ratioSampleNs(ratioSampleNs)
            .minObservations(minObservations)
            .minEffectiveness(minEffectiveness)
            .maxClipContracts(maxClipContracts)
            .clipSpacingNs(clipSpacingNs)
            .smileDynamics(smileDynamics)
            .targetLeverage(targetLeverage)
            .maxMarginUsage(maxMarginUsage)
            .marginBasis(marginBasis)
            .minLiquidationDistance(minLiquidationDistance)
            .marginCostRate(marginCostRate);
    }

    /** Checks every value; throws IllegalArgumentException whose message starts with the key. */
    public PolicyContext conclude()
    {
        if (type == null || hedgeTo == null || deltaDefinition == null || instrumentChoice == null ||
            ratioEstimator == null)
        {
            throw new IllegalArgumentException((type == null ? "type" : hedgeTo == null ? "hedgeTo" :
                deltaDefinition == null ? "deltaDefinition" : instrumentChoice == null ? "instrumentChoice" :
                "ratioEstimator") + " must be set");
        }
        concludeCrossHedge();
        concludeMargin();
        if (smileDynamics == null || (smileDynamics == SmileDynamics.STICKY_DELTA &&
            deltaDefinition != DeltaDefinition.BLACK_SCHOLES))
        {
            throw new IllegalArgumentException("smileDynamics must be set, STICKY_DELTA only with deltaDefinition " +
                "BLACK_SCHOLES: " + smileDynamics);
        }
        if (!(maxClipContracts >= 0.0) || Double.isInfinite(maxClipContracts) || clipSpacingNs < 0)
        {
            throw new IllegalArgumentException(clipSpacingNs < 0 ? "clipSpacingNs must not be negative: " +
                clipSpacingNs : "maxClipContracts must be zero or positive and finite: " + maxClipContracts);
        }
        if (!Double.isFinite(perpetualFeeBps + futureFeeBps + spotFeeBps))
        {
            throw new IllegalArgumentException((!Double.isFinite(perpetualFeeBps) ? "perpetualFeeBps" :
                !Double.isFinite(futureFeeBps) ? "futureFeeBps" : "spotFeeBps") + " must be finite");
        }
        if (!Double.isFinite(hullWhiteA + hullWhiteB + hullWhiteC))
        {
            throw new IllegalArgumentException((!Double.isFinite(hullWhiteA) ? "hullWhiteA" :
                !Double.isFinite(hullWhiteB) ? "hullWhiteB" : "hullWhiteC") + " must be finite");
        }
        if (!(slippageCapBps >= 0.0) || Double.isInfinite(slippageCapBps))
        {
            throw new IllegalArgumentException("slippageCapBps must be zero or positive and finite: " + slippageCapBps);
        }
        if (!Double.isFinite(targetDelta))
        {
            throw new IllegalArgumentException("targetDelta must be finite: " + targetDelta);
        }
        if (!(bandUsd > 0.0) || Double.isInfinite(bandUsd))
        {
            throw new IllegalArgumentException("bandUsd must be positive and finite: " + bandUsd);
        }
        if (!(bandUnderlying >= 0.0) || Double.isInfinite(bandUnderlying))
        {
            throw new IllegalArgumentException("bandUnderlying must be zero or positive and finite: " + bandUnderlying);
        }
        if (intervalNs <= 0 || horizonNs <= 0)
        {
            throw new IllegalArgumentException(intervalNs <= 0 ?
                "intervalNs must be positive: " + intervalNs : "horizonNs must be positive: " + horizonNs);
        }
        if (!(costFraction > 0.0 && costFraction < 0.1))
        {
            throw new IllegalArgumentException("costFraction must be in (0, 0.1): " + costFraction);
        }
        if (!(riskAversion > 0.0) || Double.isInfinite(riskAversion))
        {
            throw new IllegalArgumentException("riskAversion must be positive and finite: " + riskAversion);
        }
        if (!(gammaBandSigmas > 0.0) || Double.isInfinite(gammaBandSigmas))
        {
            throw new IllegalArgumentException("gammaBandSigmas must be positive and finite: " + gammaBandSigmas);
        }
        return this;
    }

    private void concludeMargin()
    {
        if (marginBasis == null)
        {
            throw new IllegalArgumentException("marginBasis must be set");
        }
        if (!(targetLeverage >= 0.0) || Double.isInfinite(targetLeverage) ||
            !(maxMarginUsage >= 0.0) || Double.isInfinite(maxMarginUsage))
        {
            throw new IllegalArgumentException((!(targetLeverage >= 0.0) || Double.isInfinite(targetLeverage) ?
                "targetLeverage must be zero (off) or positive and finite: " + targetLeverage :
                "maxMarginUsage must be zero (off) or positive and finite: " + maxMarginUsage));
        }
        if (!(marginCostRate >= 0.0) || Double.isInfinite(marginCostRate))
        {
            throw new IllegalArgumentException("marginCostRate must be zero (off) or positive and finite: " +
                marginCostRate);
        }
        if (!(minLiquidationDistance >= 0.0 && minLiquidationDistance < 100.0))
        {
            throw new IllegalArgumentException("minLiquidationDistance must be in [0, 100) percent: " +
                minLiquidationDistance);
        }
    }

    /** True when any of targetLeverage, maxMarginUsage, minLiquidationDistance is set. */
    public boolean marginConstrained()
    {
        return targetLeverage > 0.0 || maxMarginUsage > 0.0 || minLiquidationDistance > 0.0;
    }

    private void concludeCrossHedge()
    {
        if (hedgeUnderlying < 0 || (hedgeUnderlying != 0 && instrumentChoice != InstrumentChoice.HEDGE_PERPETUAL))
        {
            throw new IllegalArgumentException("hedgeUnderlying must be 0 or an underlying id, with instrumentChoice " +
                "HEDGE_PERPETUAL: " + hedgeUnderlying);
        }
        if (hedgeInstrument == null || (hedgeInstrument == HedgeInstrument.FUTURE &&
            (hedgeUnderlying != 0 || instrumentChoice != InstrumentChoice.HEDGE_PERPETUAL)) || hedgeFutureId < 0)
        {
            throw new IllegalArgumentException(hedgeFutureId < 0 ?
                "hedgeFutureId must be 0 or an instrument id: " + hedgeFutureId :
                "hedgeInstrument must be set, FUTURE only with hedgeUnderlying 0 and instrumentChoice " +
                "HEDGE_PERPETUAL: " + hedgeInstrument);
        }
        if (ratioWindow < 2 || !(ratioHalfLife > 0.0) || Double.isInfinite(ratioHalfLife))
        {
            throw new IllegalArgumentException(ratioWindow < 2 ? "ratioWindow must be at least 2: " + ratioWindow :
                "ratioHalfLife must be positive and finite: " + ratioHalfLife);
        }
        if (!(kalmanProcessVariance >= 0.0) || Double.isInfinite(kalmanProcessVariance))
        {
            throw new IllegalArgumentException("kalmanProcessVariance must be zero or positive and finite: " +
                kalmanProcessVariance);
        }
        if (!(kalmanObservationVariance > 0.0) || Double.isInfinite(kalmanObservationVariance))
        {
            throw new IllegalArgumentException("kalmanObservationVariance must be positive and finite: " +
                kalmanObservationVariance);
        }
        if (ratioSampleNs <= 0 || minObservations < 2)
        {
            throw new IllegalArgumentException(ratioSampleNs <= 0 ? "ratioSampleNs must be positive: " +
                ratioSampleNs : "minObservations must be at least 2: " + minObservations);
        }
        if (!(minEffectiveness >= 0.0 && minEffectiveness <= 1.0))
        {
            throw new IllegalArgumentException("minEffectiveness must be in [0, 1]: " + minEffectiveness);
        }
    }

    /** The policy; FIXED_BAND by default. */
    public PolicyType type()
    {
        return type;
    }

    public PolicyContext type(final PolicyType value)
    {
        type = value;
        return this;
    }

    /** Portfolio delta the policy hedges to, underlying units (0: delta neutral). */
    public double targetDelta()
    {
        return targetDelta;
    }

    public PolicyContext targetDelta(final double value)
    {
        targetDelta = value;
        return this;
    }

    /** FIXED_BAND half width as USD notional of the underlying (band in coin = this / index price). */
    public double bandUsd()
    {
        return bandUsd;
    }

    public PolicyContext bandUsd(final double value)
    {
        bandUsd = value;
        return this;
    }

    /** FIXED_BAND half width in underlying units; when positive it replaces {@link #bandUsd()}. */
    public double bandUnderlying()
    {
        return bandUnderlying;
    }

    public PolicyContext bandUnderlying(final double value)
    {
        bandUnderlying = value;
        return this;
    }

    /** Band policies: trade back to the target or only to the band's edge; POLICY: the policy's own rule. */
    public HedgeTo hedgeTo()
    {
        return hedgeTo;
    }

    public PolicyContext hedgeTo(final HedgeTo value)
    {
        hedgeTo = value;
        return this;
    }

    /** TIME_INTERVAL: logic time between rebalances. */
    public long intervalNs()
    {
        return intervalNs;
    }

    public PolicyContext intervalNs(final long value)
    {
        intervalNs = value;
        return this;
    }

    /**
     * One-way proportional cost lambda of trading the hedge (fees plus half spread, as a fraction of the value
     * traded) for WHALLEY_WILMOTT and ZAKAMOULINE; Leland's round-trip cost is twice this.
     */
    public double costFraction()
    {
        return costFraction;
    }

    public PolicyContext costFraction(final double value)
    {
        costFraction = value;
        return this;
    }

    /** Absolute risk aversion of the exponential utility, per USD, for WHALLEY_WILMOTT and ZAKAMOULINE. */
    public double riskAversion()
    {
        return riskAversion;
    }

    public PolicyContext riskAversion(final double value)
    {
        riskAversion = value;
        return this;
    }

    /** GAMMA_BAND: the band is the delta change of a move of this many standard deviations over horizonNs. */
    public double gammaBandSigmas()
    {
        return gammaBandSigmas;
    }

    public PolicyContext gammaBandSigmas(final double value)
    {
        gammaBandSigmas = value;
        return this;
    }

    /** Rebalancing horizon: GAMMA_BAND's move horizon and Leland's hedging interval dt (logic time). */
    public long horizonNs()
    {
        return horizonNs;
    }

    public PolicyContext horizonNs(final long value)
    {
        horizonNs = value;
        return this;
    }

    /**
     * Leland (1985) adjusted volatility: option deltas are taken at sigma_L (first order, through vanna) and the
     * bands use sigma_L ({@link HedgeBands#lelandVolatility}, round-trip cost 2 x costFraction, dt = horizonNs).
     */
    public boolean leland()
    {
        return leland;
    }

    public PolicyContext leland(final boolean value)
    {
        leland = value;
        return this;
    }

    /** Black-Scholes or Hull-White minimum-variance option deltas. */
    public DeltaDefinition deltaDefinition()
    {
        return deltaDefinition;
    }

    public PolicyContext deltaDefinition(final DeltaDefinition value)
    {
        deltaDefinition = value;
        return this;
    }

    /**
     * Hull-White coefficient a of E[d sigma] = (a + b delta + c delta^2) dS / (S sqrt(T)), delta the Black-Scholes
     * call delta (fitted offline, e.g. by {@link io.hedgeflow.hedge.HullWhiteFit}).
     */
    public double hullWhiteA()
    {
        return hullWhiteA;
    }

    public PolicyContext hullWhiteA(final double value)
    {
        hullWhiteA = value;
        return this;
    }

    /** Hull-White coefficient b (see {@link #hullWhiteA()}). */
    public double hullWhiteB()
    {
        return hullWhiteB;
    }

    public PolicyContext hullWhiteB(final double value)
    {
        hullWhiteB = value;
        return this;
    }

    /** Hull-White coefficient c (see {@link #hullWhiteA()}). */
    public double hullWhiteC()
    {
        return hullWhiteC;
    }

    public PolicyContext hullWhiteC(final double value)
    {
        hullWhiteC = value;
        return this;
    }

    /**
     * Largest expected slippage of a hedge order against the hedge instrument's mid, walking its last L2 depth
     * (BookLevels); orders are cut to the largest lot multiple within it ({@link io.hedgeflow.hedge.BookWalker}).
     * 0: no cap. Without depth the order is not capped and its expected slippage is the half spread.
     */
    public double slippageCapBps()
    {
        return slippageCapBps;
    }

    public PolicyContext slippageCapBps(final double value)
    {
        slippageCapBps = value;
        return this;
    }

    /** The hedge perpetual, or the cheapest delta-one instrument per order. */
    public InstrumentChoice instrumentChoice()
    {
        return instrumentChoice;
    }

    public PolicyContext instrumentChoice(final InstrumentChoice value)
    {
        instrumentChoice = value;
        return this;
    }

    /** CHEAPEST: taker fee of perpetuals, bps of notional. */
    public double perpetualFeeBps()
    {
        return perpetualFeeBps;
    }

    public PolicyContext perpetualFeeBps(final double value)
    {
        perpetualFeeBps = value;
        return this;
    }

    /** CHEAPEST: taker fee of dated futures, bps of notional. */
    public double futureFeeBps()
    {
        return futureFeeBps;
    }

    public PolicyContext futureFeeBps(final double value)
    {
        futureFeeBps = value;
        return this;
    }

    /** CHEAPEST: taker fee of spot, bps of notional. */
    public double spotFeeBps()
    {
        return spotFeeBps;
    }

    public PolicyContext spotFeeBps(final double value)
    {
        spotFeeBps = value;
        return this;
    }

    /**
     * PERPETUAL (default) or FUTURE: a basis hedge with a dated future of this underlying, sized by the online
     * minimum-variance ratio of index returns on the future's mid returns (same estimator keys as hedgeUnderlying).
     */
    public HedgeInstrument hedgeInstrument()
    {
        return hedgeInstrument;
    }

    public PolicyContext hedgeInstrument(final HedgeInstrument value)
    {
        hedgeInstrument = value;
        return this;
    }

    /** hedgeInstrument FUTURE: the future's instrument id; 0 (default) for the nearest unexpired future. */
    public int hedgeFutureId()
    {
        return hedgeFutureId;
    }

    public PolicyContext hedgeFutureId(final int value)
    {
        hedgeFutureId = value;
        return this;
    }

    /** True when a ratio sizes the hedge: a cross hedge (hedgeUnderlying) or a basis hedge (FUTURE). */
    boolean ratioHedge(final int underlyingId)
    {
        return hedgeInstrument == HedgeInstrument.FUTURE || (hedgeUnderlying != 0 && hedgeUnderlying != underlyingId);
    }

    /**
     * Cross hedge: id of another underlying whose perpetual hedges this one, sized by the online minimum-variance
     * ratio of the two index returns; 0 (default): this underlying's own perpetual.
     */
    public int hedgeUnderlying()
    {
        return hedgeUnderlying;
    }

    public PolicyContext hedgeUnderlying(final int value)
    {
        hedgeUnderlying = value;
        return this;
    }

    /** Cross hedge: the estimator of the ratio. */
    public RatioEstimator ratioEstimator()
    {
        return ratioEstimator;
    }

    public PolicyContext ratioEstimator(final RatioEstimator value)
    {
        ratioEstimator = value;
        return this;
    }

    /** Cross hedge, OLS: samples in the rolling window. */
    public int ratioWindow()
    {
        return ratioWindow;
    }

    public PolicyContext ratioWindow(final int value)
    {
        ratioWindow = value;
        return this;
    }

    /** Cross hedge, EWMA (and KALMAN's effectiveness): half-life in samples. */
    public double ratioHalfLife()
    {
        return ratioHalfLife;
    }

    public PolicyContext ratioHalfLife(final double value)
    {
        ratioHalfLife = value;
        return this;
    }

    /** Cross hedge, KALMAN: variance of the random walk of the ratio per sample. */
    public double kalmanProcessVariance()
    {
        return kalmanProcessVariance;
    }

    public PolicyContext kalmanProcessVariance(final double value)
    {
        kalmanProcessVariance = value;
        return this;
    }

    /** Cross hedge, KALMAN: variance of the observation noise, in squared returns per sample. */
    public double kalmanObservationVariance()
    {
        return kalmanObservationVariance;
    }

    public PolicyContext kalmanObservationVariance(final double value)
    {
        kalmanObservationVariance = value;
        return this;
    }

    /** Cross hedge: logic time between two samples of the index returns. */
    public long ratioSampleNs()
    {
        return ratioSampleNs;
    }

    public PolicyContext ratioSampleNs(final long value)
    {
        ratioSampleNs = value;
        return this;
    }

    /** Cross hedge: return samples needed before the first order. */
    public int minObservations()
    {
        return minObservations;
    }

    public PolicyContext minObservations(final int value)
    {
        minObservations = value;
        return this;
    }

    /** Cross hedge: least hedge effectiveness (R squared) for an order. */
    public double minEffectiveness()
    {
        return minEffectiveness;
    }

    public PolicyContext minEffectiveness(final double value)
    {
        minEffectiveness = value;
        return this;
    }

    /**
     * Largest hedge order in contracts (rounded down to the lot, at least the minimum size): a larger hedge is sent
     * as clips ({@link ChildOrders}); 0 (default): no slicing.
     */
    public double maxClipContracts()
    {
        return maxClipContracts;
    }

    public PolicyContext maxClipContracts(final double value)
    {
        maxClipContracts = value;
        return this;
    }

    /** Least logic time between two clips of a parent hedge (each also waits until the previous is done). */
    public long clipSpacingNs()
    {
        return clipSpacingNs;
    }

    public PolicyContext clipSpacingNs(final long value)
    {
        clipSpacingNs = value;
        return this;
    }

    /**
     * How option implied vols move with the underlying for the hedged delta: STICKY_STRIKE (the kernel's
     * Black-Scholes delta) or STICKY_DELTA (plus vega_BS d sigma / dS = -vega_BS (K / S) d sigma / dK, the smile
     * slope estimated from the book's option marks by {@link PolicyInputs}).
     */
    public SmileDynamics smileDynamics()
    {
        return smileDynamics;
    }

    public PolicyContext smileDynamics(final SmileDynamics value)
    {
        smileDynamics = value;
        return this;
    }

    /**
     * Largest leverage of the hedge instrument's settlement currency after a hedge order: notional of its
     * perpetuals and futures (orders in flight counted) over its equity; 0 (default): off.
     */
    public double targetLeverage()
    {
        return targetLeverage;
    }

    public PolicyContext targetLeverage(final double value)
    {
        targetLeverage = value;
        return this;
    }

    /**
     * Largest margin ({@link #marginBasis()}) over equity of the hedge instrument's settlement currency after a
     * hedge order, a fraction (0.5 = half the equity); 0 (default): off.
     */
    public double maxMarginUsage()
    {
        return maxMarginUsage;
    }

    public PolicyContext maxMarginUsage(final double value)
    {
        maxMarginUsage = value;
        return this;
    }

    /** The margin {@link #maxMarginUsage()} counts: INITIAL (default) or MAINTENANCE. */
    public MarginBasis marginBasis()
    {
        return marginBasis;
    }

    public PolicyContext marginBasis(final MarginBasis value)
    {
        marginBasis = value;
        return this;
    }

    /**
     * Least distance, in percent of the index, between the index and the estimated liquidation price of the hedge
     * instrument's position after a hedge order (perpetuals and futures); 0 (default): off.
     */
    public double minLiquidationDistance()
    {
        return minLiquidationDistance;
    }

    public PolicyContext minLiquidationDistance(final double value)
    {
        minLiquidationDistance = value;
        return this;
    }

    /**
     * instrumentChoice CHEAPEST: annual cost of the capital a hedge ties up (the initial margin it adds to a
     * perpetual or future, the whole notional of spot), a fraction, charged over horizonNs; 0 (default): off.
     */
    public double marginCostRate()
    {
        return marginCostRate;
    }

    public PolicyContext marginCostRate(final double value)
    {
        marginCostRate = value;
        return this;
    }
}
