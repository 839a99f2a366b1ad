package io.hedgeflow.logic;

import io.hedgeflow.hedge.SmileDynamics;

/**
 * The delta part of a {@link PolicyContext}: how the option deltas the policy hedges are defined (Black-Scholes or
 * Hull-White minimum variance), moved by Leland's volatility and by the smile's dynamics. Setters return the owning
 * policy, so a policy is configured in one chain.
 */
public final class PolicyDelta
{
    private final PolicyContext owner;
    private DeltaDefinition deltaDefinition = DeltaDefinition.BLACK_SCHOLES;
    private boolean leland = false;
    private double hullWhiteA = 0.0;
    private double hullWhiteB = 0.0;
    private double hullWhiteC = 0.0;
    private SmileDynamics smileDynamics = SmileDynamics.STICKY_STRIKE;

    PolicyDelta(final PolicyContext owner)
    {
        this.owner = owner;
    }

    /** Copies every setting of this group to other (of another policy). */
    void copyTo(final PolicyDelta other)
    {
        other.deltaDefinition = deltaDefinition;
        other.leland = leland;
        other.hullWhiteA = hullWhiteA;
        other.hullWhiteB = hullWhiteB;
        other.hullWhiteC = hullWhiteC;
        other.smileDynamics = smileDynamics;
    }

    /** Checks smileDynamics against deltaDefinition. */
    void concludeSmileDynamics()
    {
        if (smileDynamics == null || (smileDynamics == SmileDynamics.STICKY_DELTA &&
            deltaDefinition != DeltaDefinition.BLACK_SCHOLES))
        {
            throw new IllegalArgumentException("smileDynamics must be set, STICKY_DELTA only with deltaDefinition " +
                "BLACK_SCHOLES: " + smileDynamics);
        }
    }

    /** Checks the Hull-White coefficients. */
    void concludeHullWhite()
    {
        if (!Double.isFinite(hullWhiteA + hullWhiteB + hullWhiteC))
        {
            throw new IllegalArgumentException((!Double.isFinite(hullWhiteA) ? "hullWhiteA" :
                !Double.isFinite(hullWhiteB) ? "hullWhiteB" : "hullWhiteC") + " must be finite");
        }
    }

    /** Black-Scholes or Hull-White minimum-variance option deltas. */
    public DeltaDefinition deltaDefinition()
    {
        return deltaDefinition;
    }

    public PolicyContext deltaDefinition(final DeltaDefinition value)
    {
        deltaDefinition = value;
        return owner;
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
        return owner;
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
        return owner;
    }

    /** Hull-White coefficient b (see {@link #hullWhiteA()}). */
    public double hullWhiteB()
    {
        return hullWhiteB;
    }

    public PolicyContext hullWhiteB(final double value)
    {
        hullWhiteB = value;
        return owner;
    }

    /** Hull-White coefficient c (see {@link #hullWhiteA()}). */
    public double hullWhiteC()
    {
        return hullWhiteC;
    }

    public PolicyContext hullWhiteC(final double value)
    {
        hullWhiteC = value;
        return owner;
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
        return owner;
    }
}
