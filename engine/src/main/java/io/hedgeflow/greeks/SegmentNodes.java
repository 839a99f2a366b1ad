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
    /** ln b(w_l). */
    static final int LOWER_LOG_VALUE = 5;
    /** The limit of {@link #lowerRatio} as beta goes to 0: x^2 / (2 w_l^2 ln(1 / b(w_l))). */
    static final int LOWER_LIMIT_RATIO = 6;
    /** w_h, where the tangent at w_c meets e^{xbar/2}. */
    static final int UPPER_END = 7;
    /** b(w_h). */
    static final int UPPER_VALUE = 8;
    /** 1 / b'(w_h). */
    static final int UPPER_INVERSE_SLOPE = 9;
    /** Control parameter of the rational cubic on [b(w_c), b(w_h)]. */
    static final int UPPER_CENTRAL_CONTROL = 10;
    static final int FIELDS = 11;
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
    /** Intervals of the lower segment's table in s = ln b(w_l) / ln beta, from 0 (beta = 0) to 1 (beta = b(w_l)). */
    static final int LOWER_STEPS = 32;
    private static final int LOWER_ROW = LOWER_STEPS + 1;

    private static final double[] TABLE = table();
    private static final double[] LOWER = lowerTable();

    private SegmentNodes()
    {
    }

    /** The grid, or null beyond it. */
    static double[] grid(final double centre)
    {
        return centre < LAST_CENTRE ? TABLE : null;
    }

    /** Index of the grid's node at or below w_c = centre. */
    static int node(final double centre)
    {
        return (int)(centre * INVERSE_STEP);
    }

    /** Fraction of a step from that node to centre. */
    static double fraction(final double centre)
    {
        final double position = centre * INVERSE_STEP;
        return position - (int)position;
    }

    /** A field interpolated between a node and the next. */
    static double at(final double[] nodes, final int node, final double fraction, final int field)
    {
        final int at = node * STRIDE + 2 * field;
        return Math.fma(fraction, nodes[at + 1], nodes[at]);
    }

    /** One node for w_c = centre with zero differences (a solve beyond the grid), read as node 0. */
    static double[] compute(final double centre)
    {
        final double[] node = new double[STRIDE];
        fill(centre, node, 0);
        return node;
    }

    /**
     * The lower segment's solution w as q = (w / w_l)^2 / s, s = ln b(w_l) / ln beta in (0, 1): as beta goes to 0,
     * ln b ~ -x^2 / (2 w^2), so q is smooth in s and tends to {@link #LOWER_LIMIT_RATIO}. Solved exactly at
     * {@link #LOWER_STEPS} + 1 values of s per node of the grid and interpolated bilinearly (in s and w_c); beyond
     * the grid (nodes from {@link #compute}), the limit.
     */
    static double lowerRatio(final double[] nodes, final int node, final double fraction, final double s)
    {
        if (nodes != TABLE)
        {
            return nodes[2 * LOWER_LIMIT_RATIO];
        }
        final double position = Math.min(s, 1.0) * LOWER_STEPS;
        final int j = Math.min((int)position, LOWER_STEPS - 1);
        final double g = position - j;
        final int row = node * LOWER_ROW + j;
        final double near = Math.fma(g, LOWER[row + 1] - LOWER[row], LOWER[row]);
        final double far = Math.fma(g, LOWER[row + LOWER_ROW + 1] - LOWER[row + LOWER_ROW], LOWER[row + LOWER_ROW]);
        return Math.fma(fraction, far - near, near);
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
     * Per node, q at s = j / {@link #LOWER_STEPS}: the limit at j = 0, 1 at j = {@link #LOWER_STEPS} (w = w_l), and
     * between them the exact solve from the guess of the value above it (the neighbour's q), kept where beta
     * underflows.
     */
    private static double[] lowerTable()
    {
        final double[] lower = new double[NODES * LOWER_ROW];
        for (int i = 0; i < NODES; i++)
        {
            final double centre = i == 0 ? FIRST_CENTRE : i * STEP;
            final double wl = TABLE[i * STRIDE + 2 * LOWER_END];
            final double logBl = TABLE[i * STRIDE + 2 * LOWER_LOG_VALUE];
            final int row = i * LOWER_ROW;
            lower[row] = TABLE[i * STRIDE + 2 * LOWER_LIMIT_RATIO];
            lower[row + LOWER_STEPS] = 1.0;
            for (int j = LOWER_STEPS - 1; j > 0; j--)
            {
                final double s = (double)j / LOWER_STEPS;
                final double beta = Math.exp(logBl / s);
                double q = lower[row + j + 1];
                if (beta >= Double.MIN_NORMAL)
                {
                    final double w = HouseholderSolve.solveLower(-0.5 * centre * centre, beta, wl * Math.sqrt(s * q));
                    q = w > 0.0 ? w * w / (wl * wl * s) : q;
                }
                lower[row + j] = q;
            }
        }
        return lower;
    }

    /** The fields at w_c = centre into node[at ...], differences untouched. */
    private static void fill(final double centre, final double[] node, final int at)
    {
        final double xbar = -0.5 * centre * centre;
        final double bMax = Math.exp(0.5 * xbar);
        final double vc = Normal.INV_SQRT_2PI * bMax;
        final double bc = bMax * (0.5 - Normal.INV_SQRT_2PI * Normal.millsRatio(centre));
        final double wl = centre - bc / vc;
        final double vl = vega(xbar, wl);
        final double bl = normalised(xbar, bMax, vl, wl);
        final double wh = centre + (bMax - bc) / vc;
        final double vh = vega(xbar, wh);
        final double bh = normalised(xbar, bMax, vh, wh);
        node[at + 2 * CENTRE] = bc;
        node[at + 2 * LOWER_END] = wl;
        node[at + 2 * LOWER_VALUE] = bl;
        node[at + 2 * LOWER_INVERSE_SLOPE] = 1.0 / vl;
        node[at + 2 * LOWER_CENTRAL_CONTROL] =
            RationalCubic.fitRight(bl, bc, wl, centre, 1.0 / vl, 1.0 / vc, 0.0, false);
        node[at + 2 * LOWER_LOG_VALUE] = Math.log(bl);
        node[at + 2 * LOWER_LIMIT_RATIO] = xbar * xbar / (-2.0 * wl * wl * Math.log(bl));
        node[at + 2 * UPPER_END] = wh;
        node[at + 2 * UPPER_VALUE] = bh;
        node[at + 2 * UPPER_INVERSE_SLOPE] = 1.0 / vh;
        node[at + 2 * UPPER_CENTRAL_CONTROL] =
            RationalCubic.fitLeft(bc, bh, centre, wh, 1.0 / vc, 1.0 / vh, 0.0, false);
    }
}
