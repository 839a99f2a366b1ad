package io.hedgeflow.logic;

/** Which instrument an underlying's hedge orders trade ({@code policy.instrumentChoice}). */
public enum InstrumentChoice
{
    /** Always the underlying's hedge instrument: its first perpetual. */
    HEDGE_PERPETUAL,
    /**
     * Per order, the delta-one instrument of the underlying (perpetual, future or spot) with the lowest all-in cost
     * ({@link io.hedgeflow.hedge.HedgeInstrumentChooser}): taker fee (the instrument definition's, else the
     * configured fee of its kind) + half spread + the carry of a dated future's basis or a perpetual's last funding
     * rate (per 8 hours x 3 x 365, a long pays a positive rate) over horizonNs.
     */
    CHEAPEST
}
