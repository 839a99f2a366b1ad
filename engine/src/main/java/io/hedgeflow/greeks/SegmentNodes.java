package io.hedgeflow.greeks;

import static io.hedgeflow.greeks.NormalisedBlack.normalised;
import static io.hedgeflow.greeks.NormalisedBlack.vega;

/**
 * The data of {@link ImpliedVol}'s four segments as functions of the inflection point w_c = sqrt(2 |x|) alone, for
 * a price-independent start: the centre b(w_c), the ends w_l and w_h with b and 1 / b' there, the control parameters
 * of the two central rational cubics and of the lower map's, and the lower map with its slope at w_l. Per solve
 * they cost an evaluation of b at w_l or w_h and a rational-cubic fit (an exp, two Mills ratios, a dozen
 * divisions); here they are computed once per node of a grid in w_c, on [0, {@link #LAST_CENTRE}] by
 * {@link #STEP}, and interpolated linearly between nodes: only the initial guess (which the solve's step then
 * corrects) depends on them, not the answer. Beyond the grid (|x| above {@link #LAST_CENTRE}^2 / 2, a strike
 * thousands of times the forward or its inverse) a solve computes its own node ({@link #compute}).
 * <p>
 * Each node holds {@link #FIELDS} values, each followed by its difference to the next node, so a field is one
 * fused multiply-add: {@link #at}.
 */
final class SegmentNodes
{
    /** b(w_c). */
    static final int CENTRE = 0;
    /** w_l, where the tangent at w_c meets 0. */
    static final int LOWER_END = 1;
    /** b(w_l). */
    static final int LOWER_VALUE = 2;
    /** 1 / b'(w_l). */
    static final int LOWER_INVERSE_SLOPE = 3;
    /** Control parameter of the rational cubic on [b(w_l), b(w_c)]. */
    static final int LOWER_CENTRAL_CONTROL = 4;
    /** Jaeckel's lower map f(w_l). */
    static final int LOWER_MAP = 5;
    /** f'(w_l) in beta. */
    static final int LOWER_MAP_SLOPE = 6;
    /** Control parameter of the lower map's rational cubic on [0, b(w_l)]. */
    static final int LOWER_MAP_CONTROL = 7;
    /** w_h, where the tangent at w_c meets e^{xbar/2}. */
    static final int UPPER_END = 8;
    /** b(w_h). */
    static final int UPPER_VALUE = 9;
    /** 1 / b'(w_h). */
    static final int UPPER_INVERSE_SLOPE = 10;
    /** Control parameter of the rational cubic on [b(w_c), b(w_h)]. */
    static final int UPPER_CENTRAL_CONTROL = 11;
    static final int FIELDS = 12;
    /** Doubles per node: each field and its difference to the next node. */
    static final int STRIDE = 2 * FIELDS;

    /** Grid step in w_c. */
    static final double STEP = 1.0 / 64.0;
    static final double INVERSE_STEP = 1.0 / STEP;
    /** w_c of the last node: |x| up to 12.5. */
    static final double LAST_CENTRE = 5.0;
    static final int NODES = (int)(LAST_CENTRE * INVERSE_STEP) + 1;
    /** The node at w_c = 0 is computed here instead (b has no lower segment at x = 0): the limit to within 1e-9. */
    private static final double FIRST_CENTRE = 1e-5;
    private static final double SQRT_3 = Math.sqrt(3.0);
    private static final double LOWER_MAP_SCALE = 2.0 * Math.PI / Math.sqrt(27.0);

    private static final double[] TABLE = table();

    private SegmentNodes()
    {
    }

    /** The grid, or null beyond it: the nodes holding w_c = centre. */
    static double[] grid(final double centre)
    {
        return centre < LAST_CENTRE ? TABLE : null;
    }

    /** Offset of the node at or below centre in {@link #grid}. */
    static int node(final double centre)
    {
        return (int)(centre * INVERSE_STEP) * STRIDE;
    }

    /** Fraction of a step from that node to centre. */
    static double fraction(final double centre)
    {
        final double position = centre * INVERSE_STEP;
        return position - (int)position;
    }

    /** A field interpolated between the node at offset and the next. */
    static double at(final double[] nodes, final int offset, final double fraction, final int field)
    {
        return Math.fma(fraction, nodes[offset + 2 * field + 1], nodes[offset + 2 * field]);
    }

    /** One node for w_c = centre with zero differences (a solve beyond the grid). */
    static double[] compute(final double centre)
    {
        final double[] node = new double[STRIDE];
        fill(centre, node, 0);
        return node;
    }

    /** Jaeckel's lower map f(w) = 2 pi |x| / sqrt(27) N(-|x| / (sqrt(3) w))^3 at w for ax = |x|. */
    static double lowerMap(final double ax, final double w)
    {
        final double z = ax / (SQRT_3 * w);
        final double cdf = Normal.pdf(z) * Normal.millsRatio(z);
        return LOWER_MAP_SCALE * ax * cdf * cdf * cdf;
    }

    /** w with lowerMap(ax, w) = f, to the precision of the inverse CDF (a starting point). */
    static double inverseLowerMap(final double ax, final double f)
    {
        return ax / (SQRT_3 * -ImpliedVol.inverseCdf(Math.cbrt(f / (LOWER_MAP_SCALE * ax))));
    }

    private static double[] table()
    {
        final double[] table = new double[NODES * STRIDE];
        fill(FIRST_CENTRE, table, 0);
        for (int i = 1; i < NODES; i++)
        {
            fill(i * STEP, table, i * STRIDE);
            for (int field = 0; field < FIELDS; field++)
            {
                final int at = (i - 1) * STRIDE + 2 * field;
                table[at + 1] = table[at + STRIDE] - table[at];
            }
        }
        return table;
    }

    /**
     * The fields at w_c = centre into node[at ...], differences untouched. The lower map's slope and curvature in
     * beta take their factor e^{z^2 + wl^2 / 8}, z = |x| / (sqrt(3) wl), as phi(z) / b'(wl).
     */
    private static void fill(final double centre, final double[] node, final int at)
    {
        final double xbar = -0.5 * centre * centre;
        final double ax = -xbar;
        final double bMax = Math.exp(0.5 * xbar);
        final double vc = Normal.INV_SQRT_2PI * bMax;
        final double bc = bMax * (0.5 - Normal.INV_SQRT_2PI * Normal.millsRatio(centre));
        final double wl = centre - bc / vc;
        final double vl = vega(xbar, wl);
        final double bl = normalised(xbar, bMax, vl, wl);
        final double wh = centre + (bMax - bc) / vc;
        final double vh = vega(xbar, wh);
        final double bh = normalised(xbar, bMax, vh, wh);
        final double z = ax / (SQRT_3 * wl);
        final double y = z * z;
        final double s2 = wl * wl;
        final double mills = Normal.millsRatio(z);
        final double density = Normal.pdf(z);
        final double cdf = density * mills;
        final double e = density / vl;
        final double f = lowerMap(ax, wl);
        final double fp = 2.0 * Math.PI * y * cdf * cdf * e;
        final double fpp = Math.PI / 6.0 * y / (s2 * wl) * cdf *
            (8.0 * SQRT_3 * wl * ax + (3.0 * s2 * (s2 - 8.0) - 8.0 * ax * ax) * mills) * e * e;
        node[at + 2 * CENTRE] = bc;
        node[at + 2 * LOWER_END] = wl;
        node[at + 2 * LOWER_VALUE] = bl;
        node[at + 2 * LOWER_INVERSE_SLOPE] = 1.0 / vl;
        node[at + 2 * LOWER_CENTRAL_CONTROL] =
            RationalCubic.fitRight(bl, bc, wl, centre, 1.0 / vl, 1.0 / vc, 0.0, false);
        node[at + 2 * LOWER_MAP] = f;
        node[at + 2 * LOWER_MAP_SLOPE] = fp;
        node[at + 2 * LOWER_MAP_CONTROL] = RationalCubic.fitRight(0.0, bl, 0.0, f, 1.0, fp, fpp, true);
        node[at + 2 * UPPER_END] = wh;
        node[at + 2 * UPPER_VALUE] = bh;
        node[at + 2 * UPPER_INVERSE_SLOPE] = 1.0 / vh;
        node[at + 2 * UPPER_CENTRAL_CONTROL] =
            RationalCubic.fitLeft(bc, bh, centre, wh, 1.0 / vc, 1.0 / vh, 0.0, false);
    }
}
