package io.hedgeflow.logic;

/** The margin {@code policy.maxMarginUsage} counts against equity. */
public enum MarginBasis
{
    /** Initial margin: what opening the positions requires. */
    INITIAL,
    /** Maintenance margin: below it the venue liquidates. */
    MAINTENANCE
}
