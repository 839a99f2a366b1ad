package io.hedgeflow.logic;

import io.hedgeflow.greeks.GreekVectors;

/**
 * Book-level inputs of the cost-aware bands, from the Greek vectors the logic has just computed (one pass over the
 * options, no allocation): the book's gamma, its |gamma|-weighted volatility and time to expiry (a book holds
 * many expiries and vols; the bands of {@link HedgeBands} are stated for one option, so each option counts by
 * its share of the book's gamma), and the Leland delta adjustment.
 * <pre>
 *   w_i = |q_i m_i Gamma_i|      sigma = sum w_i sigma_i / sum w_i      tau = sum w_i tau_i / sum w_i
 *   Leland: sigma_L,i = {@link HedgeBands#lelandVolatility}(sigma_i, 2 lambda, dt, book gamma &lt; 0)
 *           delta shift = sum q_i m_i vanna_i (sigma_L,i - sigma_i)    (first order in the vol change)
 *           sigma = sum w_i sigma_L,i / sum w_i
 * </pre>
 */
final class PolicyInputs
{
    private static final double NS_PER_YEAR = 365.0 * 86_400e9;

    double gamma;
    double volatility;
    double years;
    double deltaShift;

    void compute(
        final UnderlyingBook book, final Instruments ins, final PolicyContext p, final long nowNs)
    {
        final GreekVectors v = book.vectors;
        gamma = v.totalGamma();
        final boolean shortGamma = gamma < 0.0;
        final double k = 2.0 * p.costFraction();
        final double dt = p.horizonNs() / NS_PER_YEAR;
        double weight = 0.0;
        double volSum = 0.0;
        double yearsSum = 0.0;
        double shift = 0.0;
        for (int slot = 0, n = book.optionCount(); slot < n; slot++)
        {
            final int i = book.optionInstrument[slot];
            final double units = v.quantity(slot) * ins.contractSize[i];
            final double w = Math.abs(units * v.gamma(slot));
            double vol = v.vol(slot);
            if (p.leland())
            {
                final double adjusted = HedgeBands.lelandVolatility(vol, k, dt, shortGamma);
                shift += units * v.vanna(slot) * (adjusted - vol);
                vol = adjusted;
            }
            weight += w;
            volSum += w * vol;
            yearsSum += w * Math.max(ins.expiryNs[i] - nowNs, 0L) / NS_PER_YEAR;
        }
        volatility = weight > 0.0 ? volSum / weight : 0.0;
        years = weight > 0.0 ? yearsSum / weight : 0.0;
        deltaShift = shift;
    }
}
