package io.hedgeflow.logic;

import io.hedgeflow.greeks.GreekVectors;
import io.hedgeflow.greeks.Normal;

/**
 * A proven bound on how far the book's total option delta can have moved since the vector kernel last computed it
 * (the anchor: total T0 at spot S0, logic time t0 and the volatilities of then), so a band check that the bound
 * shows cannot trigger needs no computation at all. The decision is the same as with the computed total: the
 * check only skips the kernel when every total inside the bound leaves the book inside its band.
 * <p>
 * The computed coin delta of an option, D = Delta_BS - V / S (inverse) or Delta_BS (linear, bounded by the same),
 * is within {@link #KERNEL_ERROR} x (1 + K / S) per unit of its mathematical value (the kernel's operations are
 * within a few ulps; its normal CDF within 1e-16), and the mathematical value moves by at most
 * <pre>
 *   |dD| &lt;= L_S |S - S0| + L_v |v - v0| + L_t |t - t0|     over the box of S, v, t between anchor and now
 *   L_S = e^(|q|T) phi / (S a) + e^(|r|T) K / S^2                        phi = 1 / sqrt(2 pi), a = v sqrt(t)
 *   L_v = e^(|q|T) ((x phi(x))max + phi a) / v + e^(|q|T) phi sqrt(t)   (x phi(x))max = e^(-1/2) phi
 *   L_t = 2 |q| e^(|q|T) + e^(|q|T) (phi (a + 2 |r - q| sqrt(t) / v) + (x phi(x))max) / (2 t)
 *         + e^(|q|T) phi v / (2 sqrt(t)) + |r| e^(|r|T) K / S
 * </pre>
 * each at the box's worst corner (smallest S, t, v and a, largest t, v and a; T the longest time). Summed with
 * weights |quantity x multiplier| over the options held (options not held add exactly 0 to the total), with the
 * volatility moves as the weighted path of every OptionTicker since the anchor. A quantity change moves the
 * anchor's total by the change times the option's delta at the anchor and widens the weights, the volatility path
 * by the change times the option's volatility move since the anchor and the box by both volatilities. A held option
 * expired or too close to expiry (a &lt; {@link #MIN_TOTAL_VOL}), or an option added, leaves no bound until the
 * next computation. Garbage-free; the state is not part of a snapshot (a restored book has no bound until it
 * computes).
 */
final class DeltaEnvelope
{
    /** Bound on the kernel's error per option, per unit of (1 + K / S): far above its few ulps. */
    static final double KERNEL_ERROR = 1e-9;
    /** Below this v sqrt(t) of an option held no bound is given (the kernel's error grows as 1 / a). */
    static final double MIN_TOTAL_VOL = 1e-3;
    /** Relative slack for the rounding of the band check's own sums. */
    private static final double ROUNDING = 1e-12;
    private static final double PHI = Normal.INV_SQRT_2PI;
    private static final double X_PHI_MAX = 0.24197072451914337;
    private static final double NS_PER_YEAR = 365.0 * 86_400e9;

    private final double rate;
    private final double carry;
    private final double[] strike;
    private final long[] expiryNs;
    private final double[] multiplier;
    /** Per slot: the volatility the anchor's computation used. */
    private final double[] anchorVol;
    private boolean anchored;
    private double total;
    private double spot;
    private long ns;
    /** Over the options held: sum of |q m|, of |q m| K, expiries' range, volatilities' range since counted. */
    private double weight;
    private double strikeWeight;
    private long expiryLoNs;
    private long expiryHiNs;
    private double volLo;
    private double volHi;
    private boolean bounded;
    /** Sum of |q m| |dv| of the volatility changes of options held since the anchor. */
    private double volPath;

    DeltaEnvelope(final double rate, final double carry, final int maxOptions)
    {
        this.rate = rate;
        this.carry = carry;
        strike = new double[maxOptions];
        expiryNs = new long[maxOptions];
        multiplier = new double[maxOptions];
        anchorVol = new double[maxOptions];
    }

    /** The option added in slot (quantity 0); no bound until the next anchor. */
    void add(final int slot, final double strike, final long expiryNs, final double multiplier)
    {
        this.strike[slot] = strike;
        this.expiryNs[slot] = expiryNs;
        this.multiplier[slot] = multiplier;
        invalidate();
    }

    /**
     * The quantity of the option in slot changed from oldQuantity to newQuantity contracts, its volatility vol and
     * its delta at the anchor anchorDelta (the kernel's output, not computed since): the anchor's total moves by
     * the change x anchorDelta, and the weights widen by the change, so the radius bounds the new total as well.
     */
    void onQuantity(
        final int slot, final double oldQuantity, final double newQuantity, final double vol, final double anchorDelta)
    {
        if (!anchored)
        {
            invalidate();
            return;
        }
        final double change = newQuantity * multiplier[slot] - oldQuantity * multiplier[slot];
        final double w = Math.abs(change);
        total += change * anchorDelta;
        weight += w;
        strikeWeight += w * strike[slot];
        volPath += w * Math.abs(vol - anchorVol[slot]);
        expiryLoNs = Math.min(expiryLoNs, expiryNs[slot]);
        expiryHiNs = Math.max(expiryHiNs, expiryNs[slot]);
        volLo = Math.min(volLo, Math.min(vol, anchorVol[slot]));
        volHi = Math.max(volHi, Math.max(vol, anchorVol[slot]));
        bounded &= strike[slot] > 0.0 && Double.isFinite(total) && Double.isFinite(weight) &&
            Double.isFinite(strikeWeight);
    }

    /** The book was restored: no bound until the next anchor. */
    void invalidate()
    {
        anchored = false;
    }

    /** The volatility of the option in slot, of which quantity contracts are held, moved from oldVol to newVol. */
    void onVol(final int slot, final double quantity, final double oldVol, final double newVol)
    {
        final double weight = Math.abs(quantity * multiplier[slot]);
        if (weight != 0.0)
        {
            volPath += weight * Math.abs(newVol - oldVol);
            volLo = Math.min(volLo, newVol);
            volHi = Math.max(volHi, newVol);
        }
    }

    /** The kernel computed the total delta at spot and nowNs from the current quantities and volatilities. */
    void anchor(final GreekVectors v, final double spot, final long nowNs)
    {
        countHeld(v);
        total = v.totalDelta();
        this.spot = spot;
        ns = nowNs;
        volPath = 0.0;
        anchored = true;
    }

    private void countHeld(final GreekVectors v)
    {
        weight = 0.0;
        strikeWeight = 0.0;
        expiryLoNs = Long.MAX_VALUE;
        expiryHiNs = Long.MIN_VALUE;
        volLo = Double.POSITIVE_INFINITY;
        volHi = 0.0;
        bounded = true;
        for (int slot = 0, n = v.size(); slot < n; slot++)
        {
            anchorVol[slot] = v.vol(slot);
            final double w = Math.abs(v.quantity(slot) * multiplier[slot]);
            if (w != 0.0)
            {
                weight += w;
                strikeWeight += w * strike[slot];
                expiryLoNs = Math.min(expiryLoNs, expiryNs[slot]);
                expiryHiNs = Math.max(expiryHiNs, expiryNs[slot]);
                volLo = Math.min(volLo, anchorVol[slot]);
                volHi = Math.max(volHi, anchorVol[slot]);
                bounded &= strike[slot] > 0.0;
            }
        }
        bounded &= Double.isFinite(weight) && Double.isFinite(strikeWeight);
    }

    /**
     * True when, for every total delta the kernel could compute at spot s and nowNs, |total + rest - target| stays
     * within band, so a band check of that total would not trigger; false when it might, or without a bound.
     *
     * @param rest the delta added to the options' total (delta-one positions, orders in flight, cross hedge).
     */
    boolean inside(final double s, final long nowNs, final double rest, final double target, final double band)
    {
        final double radius = radius(s, nowNs);
        final double slack = ROUNDING * (Math.abs(total) + radius + Math.abs(rest) + Math.abs(target) + band);
        final double gapHi = total + radius + rest - target + slack;
        final double gapLo = total - radius + rest - target - slack;
        return gapHi <= band && gapLo >= -band;
    }

    /** Largest distance of the kernel's total at s and nowNs from the anchor's, or infinity without a bound. */
    double radius(final double s, final long nowNs)
    {
        if (!anchored || !bounded || !(s > 0.0))
        {
            return Double.POSITIVE_INFINITY;
        }
        if (weight == 0.0)
        {
            return 0.0;
        }
        final double sLo = Math.min(s, spot);
        final double tLo = (expiryLoNs - Math.max(nowNs, ns)) / NS_PER_YEAR;
        final double tHi = (expiryHiNs - Math.min(nowNs, ns)) / NS_PER_YEAR;
        final double aLo = volLo * Math.sqrt(tLo);
        if (!(aLo >= MIN_TOTAL_VOL))
        {
            return Double.POSITIVE_INFINITY;
        }
        final double aHi = volHi * Math.sqrt(tHi);
        final double eq = Math.exp(Math.abs(carry) * tHi);
        final double er = Math.exp(Math.abs(rate) * tHi);
        final double strikes = strikeWeight / sLo;
        final double bySpot = weight * eq * PHI / (sLo * aLo) + er * strikes / sLo;
        final double byVol = eq * (X_PHI_MAX + PHI * aHi) / volLo + eq * PHI * Math.sqrt(tHi);
        final double byTime = weight * (2.0 * Math.abs(carry) * eq +
            eq * (PHI * (aHi + 2.0 * Math.abs(rate - carry) * Math.sqrt(tHi) / volLo) + X_PHI_MAX) / (2.0 * tLo) +
            eq * PHI * volHi / (2.0 * Math.sqrt(tLo))) + Math.abs(rate) * er * strikes;
        final double years = Math.abs(nowNs - ns) / NS_PER_YEAR;
        final double moved = bySpot * Math.abs(s - spot) + byVol * volPath + byTime * years;
        return (moved + 2.0 * KERNEL_ERROR * (weight + strikes)) * (1.0 + ROUNDING);
    }
}
