package io.hedgeflow.logic;

import io.hedgeflow.greeks.GreekVectors;
import io.hedgeflow.hedge.HullWhiteDelta;
import io.hedgeflow.hedge.SmileDynamics;

/**
 * Book-level inputs of the cost-aware bands, from the Greek vectors the logic has just computed (one pass over the
 * options, no allocation): the book's gamma, its |gamma|-weighted volatility and time to expiry (a book holds
 * many expiries and vols; the bands of {@link HedgeBands} are stated for one option, so each option counts by
 * its share of the book's gamma), and the delta adjustments of the Leland volatility and the Hull-White
 * minimum-variance delta.
 * <pre>
 *   w_i = |q_i m_i Gamma_i|      sigma = sum w_i sigma_i / sum w_i      tau = sum w_i tau_i / sum w_i
 *   Leland: sigma_L,i = {@link HedgeBands#lelandVolatility}(sigma_i, 2 lambda, dt, book gamma &lt; 0)
 *           delta shift = sum q_i m_i vanna_i (sigma_L,i - sigma_i)    (first order in the vol change)
 *           sigma = sum w_i sigma_L,i / sum w_i
 *   Hull-White: delta shift += sum q_i m_i (delta_MV,i - delta_BS,i), {@link HullWhiteDelta#minimumVarianceDelta} on
 *           the Black-Scholes call delta and USD vega of each option (an inverse option's coin delta is
 *           premium-adjusted, delta_BS = D + P, and its coin vega is vega_BS / S; the shift of its coin delta,
 *           S x vega_coin x d sigma / dS, equals the linear one, vega_BS x d sigma / dS)
 *   STICKY_DELTA: delta shift += sum q_i m_i {@link HullWhiteDelta#stickyDeltaShift}(vega_BS,i, S, K_i, slope_i)
 *           slope_i = d sigma / dK at K_i from the book's mark IVs (OptionTicker markIv) of the same expiry:
 *           (sigma(K_hi) - sigma(K_lo)) / (K_hi - K_lo) with K_lo the nearest strike below K_i (or K_i itself
 *           when none is lower) and K_hi the nearest above (or K_i when none is higher); calls and puts pooled,
 *           the first option in book order at a strike gives its vol, options without a mark are skipped; 0 when
 *           the expiry has one marked strike. O(options^2) per evaluation.
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
        final UnderlyingBook book, final Instruments ins, final PolicyContext p, final double carry, final long nowNs)
    {
        final boolean hullWhite = p.delta().deltaDefinition() == DeltaDefinition.HULL_WHITE;
        final boolean stickyDelta = p.delta().smileDynamics() == SmileDynamics.STICKY_DELTA;
        final double s = book.indexPrice;
        final GreekVectors v = book.greeks();
        gamma = v.totalGamma();
        final boolean shortGamma = gamma < 0.0;
        final double k = 2.0 * p.trigger().costFraction();
        final double dt = p.trigger().horizonNs() / NS_PER_YEAR;
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
            if (p.delta().leland())
            {
                final double adjusted = HedgeBands.lelandVolatility(vol, k, dt, shortGamma);
                shift += units * v.vanna(slot) * (adjusted - vol);
                vol = adjusted;
            }
            final double years = Math.max(ins.expiryNs[i] - nowNs, 0L) / NS_PER_YEAR;
            if (hullWhite)
            {
                shift += units * hullWhiteShift(v, slot, ins.call[i], ins.inverse[i], s, years, carry, p);
            }
            if (stickyDelta)
            {
                final double vega = ins.inverse[i] ? v.vega(slot) * s : v.vega(slot);
                shift += units * HullWhiteDelta.stickyDeltaShift(vega, s, ins.strike[i], smileSlope(book, ins, slot));
            }
            weight += w;
            volSum += w * vol;
            yearsSum += w * years;
        }
        volatility = weight > 0.0 ? volSum / weight : 0.0;
        years = weight > 0.0 ? yearsSum / weight : 0.0;
        deltaShift = shift;
    }

    /** delta_MV - delta_BS of one option (per unit), from the kernel's outputs of its slot. */
    private static double hullWhiteShift(
        final GreekVectors v, final int slot, final boolean call, final boolean inverse, final double s,
        final double years, final double carry, final PolicyContext p)
    {
        final double delta = inverse ? v.delta(slot) + v.price(slot) : v.delta(slot);
        final double callDelta = call ? delta : delta + Math.exp(-carry * years);
        final double vega = inverse ? v.vega(slot) * s : v.vega(slot);
        return HullWhiteDelta.minimumVarianceDelta(
            callDelta, vega, s, years, p.delta().hullWhiteA(), p.delta().hullWhiteB(), p.delta().hullWhiteC()) -
            callDelta;
    }

    /** d sigma / dK at the strike of the option in slot, from the marks of the book's options of its expiry. */
    static double smileSlope(final UnderlyingBook book, final Instruments ins, final int slot)
    {
        final GreekVectors v = book.greeks();
        final int i = book.optionInstrument[slot];
        final double k = ins.strike[i];
        final long expiry = ins.expiryNs[i];
        double kLo = k, volLo = v.vol(slot), kHi = k, volHi = v.vol(slot);
        for (int other = 0, n = book.optionCount(); other < n; other++)
        {
            final int j = book.optionInstrument[other];
            final double kj = ins.strike[j];
            final double vol = v.vol(other);
            if (ins.expiryNs[j] == expiry && vol > 0.0)
            {
                if (kj < k && (kLo == k || kj > kLo))
                {
                    kLo = kj;
                    volLo = vol;
                }
                else if (kj > k && (kHi == k || kj < kHi))
                {
                    kHi = kj;
                    volHi = vol;
                }
            }
        }
        return kHi > kLo ? (volHi - volLo) / (kHi - kLo) : 0.0;
    }
}
