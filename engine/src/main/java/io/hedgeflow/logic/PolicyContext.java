package io.hedgeflow.logic;

/**
 * The hedging policy of one underlying: when to trade (trigger) and to where (target or band edge). Configuration
 * section {@code policy} sets the policy of every underlying; section {@code underlyings} overrides it per
 * underlying id ({@link LogicContext#underlyingPolicy}). Delta quantities are in units of the underlying (coin).
 * <p>
 * Besides the type the settings are in parts by concern, each with its own validated defaults: {@link #trigger()},
 * {@link #delta()}, {@link #sizing()}, {@link #instruments()}, {@link #ratio()}, {@link #estimator()} and
 * {@link #margin()}. A part's setters return this policy, so a policy is configured in one chain
 * ({@code new PolicyContext().type(GAMMA_BAND).trigger().gammaBandSigmas(2.0).sizing().maxClipContracts(10.0)});
 * its configuration keys are the setters' names, directly under the section.
 */
public final class PolicyContext
{
    private PolicyType type = PolicyType.FIXED_BAND;
    private final PolicyTrigger trigger = new PolicyTrigger(this);
    private final PolicyDelta delta = new PolicyDelta(this);
    private final PolicySizing sizing = new PolicySizing(this);
    private final PolicyInstruments instruments = new PolicyInstruments(this);
    private final PolicyRatio ratio = new PolicyRatio(this);
    private final PolicyEstimator estimator = new PolicyEstimator(this);
    private final PolicyMargin margin = new PolicyMargin(this);

    /** A copy with the same settings, to override some of them for one underlying. */
    public PolicyContext copy()
    {
        final PolicyContext copy = new PolicyContext().type(type);
        trigger.copyTo(copy.trigger);
        delta.copyTo(copy.delta);
        sizing.copyTo(copy.sizing);
        instruments.copyTo(copy.instruments);
        ratio.copyTo(copy.ratio);
        estimator.copyTo(copy.estimator);
        margin.copyTo(copy.margin);
        return copy;
    }

    /**
     * Checks every value; throws IllegalArgumentException whose message starts with the key. The parts' checks run
     * in a fixed order, so a configuration with several bad values always names the same one.
     */
    public PolicyContext conclude()
    {
        if (type == null || trigger.hedgeTo() == null || delta.deltaDefinition() == null ||
            instruments.instrumentChoice() == null || estimator.ratioEstimator() == null)
        {
            throw new IllegalArgumentException((type == null ? "type" : trigger.hedgeTo() == null ? "hedgeTo" :
                delta.deltaDefinition() == null ? "deltaDefinition" : instruments.instrumentChoice() == null ?
                "instrumentChoice" : "ratioEstimator") + " must be set");
        }
        ratio.conclude(instruments.instrumentChoice());
        estimator.conclude();
        margin.conclude();
        delta.concludeSmileDynamics();
        sizing.concludeClips();
        instruments.concludeFees();
        delta.concludeHullWhite();
        sizing.concludeSlippageCap();
        trigger.conclude();
        return this;
    }

    /** This policy and its parts, whose getters are its settings ({@link LogicContext#digest()}). */
    Object[] parts()
    {
        return new Object[] {this, trigger, delta, sizing, instruments, ratio, estimator, margin};
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

    /** When to trade and to where: target, bands, interval and horizon. */
    public PolicyTrigger trigger()
    {
        return trigger;
    }

    /** How the hedged option deltas are defined. */
    public PolicyDelta delta()
    {
        return delta;
    }

    /** Slippage cap and clips of an order. */
    public PolicySizing sizing()
    {
        return sizing;
    }

    /** The hedge perpetual or the cheapest delta-one instrument, and the fees that choice counts. */
    public PolicyInstruments instruments()
    {
        return instruments;
    }

    /** Cross hedge (hedgeUnderlying) or basis hedge (hedgeInstrument FUTURE). */
    public PolicyRatio ratio()
    {
        return ratio;
    }

    /** The estimator of a ratio hedge's ratio. */
    public PolicyEstimator estimator()
    {
        return estimator;
    }

    /** Margin constraints of an order and the cost of the capital a hedge ties up. */
    public PolicyMargin margin()
    {
        return margin;
    }
}
