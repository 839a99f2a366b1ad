package io.hedgeflow.logic;

/**
 * The instrument choice part of a {@link PolicyContext}: the hedge perpetual or, per order, the cheapest delta-one
 * instrument, and the taker fees by kind that choice counts. Setters return the owning policy, so a policy is
 * configured in one chain.
 */
public final class PolicyInstruments
{
    private final PolicyContext owner;
    private InstrumentChoice instrumentChoice = InstrumentChoice.HEDGE_PERPETUAL;
    private double perpetualFeeBps = 5.0;
    private double futureFeeBps = 5.0;
    private double spotFeeBps = 10.0;

    PolicyInstruments(final PolicyContext owner)
    {
        this.owner = owner;
    }

    /** Copies every setting of this group to other (of another policy). */
    void copyTo(final PolicyInstruments other)
    {
        other.instrumentChoice = instrumentChoice;
        other.perpetualFeeBps = perpetualFeeBps;
        other.futureFeeBps = futureFeeBps;
        other.spotFeeBps = spotFeeBps;
    }

    /** Checks the fees. */
    void concludeFees()
    {
        if (!Double.isFinite(perpetualFeeBps + futureFeeBps + spotFeeBps))
        {
            throw new IllegalArgumentException((!Double.isFinite(perpetualFeeBps) ? "perpetualFeeBps" :
                !Double.isFinite(futureFeeBps) ? "futureFeeBps" : "spotFeeBps") + " must be finite");
        }
    }

    /** The hedge perpetual, or the cheapest delta-one instrument per order. */
    public InstrumentChoice instrumentChoice()
    {
        return instrumentChoice;
    }

    public PolicyContext instrumentChoice(final InstrumentChoice value)
    {
        instrumentChoice = value;
        return owner;
    }

    /** CHEAPEST: taker fee of perpetuals, bps of notional. */
    public double perpetualFeeBps()
    {
        return perpetualFeeBps;
    }

    public PolicyContext perpetualFeeBps(final double value)
    {
        perpetualFeeBps = value;
        return owner;
    }

    /** CHEAPEST: taker fee of dated futures, bps of notional. */
    public double futureFeeBps()
    {
        return futureFeeBps;
    }

    public PolicyContext futureFeeBps(final double value)
    {
        futureFeeBps = value;
        return owner;
    }

    /** CHEAPEST: taker fee of spot, bps of notional. */
    public double spotFeeBps()
    {
        return spotFeeBps;
    }

    public PolicyContext spotFeeBps(final double value)
    {
        spotFeeBps = value;
        return owner;
    }
}
