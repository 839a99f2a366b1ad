package io.hedgeflow.logic;

/** How the options' deltas are taken for hedging ({@code policy.deltaDefinition}). */
public enum DeltaDefinition
{
    /** The Black-Scholes delta of the Greek kernel at each option's implied volatility. */
    BLACK_SCHOLES,
    /**
     * The Hull-White (2017) minimum-variance delta: Black-Scholes plus the vega term of the expected implied
     * volatility move per spot move, with the configured coefficients hullWhiteA, hullWhiteB, hullWhiteC
     * ({@link io.hedgeflow.hedge.HullWhiteDelta}).
     */
    HULL_WHITE
}
