package io.hedgeflow.logic;

/** Where a band policy trades to once the band is breached ({@code policy.hedgeTo}). */
public enum HedgeTo
{
    /** Trade the whole difference back to the target delta. */
    TARGET,
    /** Trade only back to the nearest edge of the band: the cost-optimal rule of the Whalley-Wilmott and Zakamouline bands. */
    EDGE
}
