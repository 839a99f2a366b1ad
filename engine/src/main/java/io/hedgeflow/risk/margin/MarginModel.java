package io.hedgeflow.risk.margin;

import java.util.Locale;

/** The margin model of an account: Deribit's standard margin (per position) or portfolio margin (whole book). */
public enum MarginModel
{
    /** Initial and maintenance margin per position, summed ({@link StandardMargin}). */
    STANDARD,
    /** The worst loss of the whole book over a scenario grid plus contingencies ({@link PortfolioMargin}). */
    PORTFOLIO;

    /**
     * The model a name stands for, as Deribit's {@code margin_model} writes it: {@code segregated_sm},
     * {@code cross_sm} and {@code standard} are standard margin; {@code segregated_pm}, {@code cross_pm},
     * {@code legacy_pm} and {@code portfolio} are portfolio margin (case-insensitive).
     *
     * @param name the name.
     * @return the model, or null when the name is none of these.
     */
    public static MarginModel of(final String name)
    {
        return switch (name.toLowerCase(Locale.ROOT))
        {
            case "standard", "segregated_sm", "cross_sm" -> STANDARD;
            case "portfolio", "segregated_pm", "cross_pm", "legacy_pm" -> PORTFOLIO;
            default -> null;
        };
    }

    /** The lower-case name reports print: {@code standard} or {@code portfolio}. */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
