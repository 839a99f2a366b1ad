package io.hedgeflow.hedge;

import java.util.Arrays;

/**
 * Least squares / minimum-norm solution of A x = b for at most {@link #MAX} equations and unknowns, through the
 * singular value decomposition by one-sided Jacobi rotations (Hestenes 1958; Demmel and Veselic, "Jacobi's method is
 * more accurate than QR", SIAM J. Matrix Anal. Appl. 13(4), 1992, algorithm 4.1):
 * <pre>
 *   U = A, V = I;  sweep over column pairs (p, q) of U until they are orthogonal:
 *     alpha = |U_p|^2, beta = |U_q|^2, gamma = U_p . U_q,  zeta = (beta - alpha) / (2 gamma)
 *     t = sign(zeta) / (|zeta| + sqrt(1 + zeta^2)),  c = 1 / sqrt(1 + t^2),  s = c t
 *     U_p, U_q = c U_p - s U_q, s U_p + c U_q   (and the same rotation of V)
 *   then A = U V^T with orthogonal columns U_k = sigma_k u_k:  x = sum over the r = min(m, n) largest sigma_k of
 *   V_k (U_k . b) / sigma_k^2
 * </pre>
 * which is the exact solution when m = n, the least-squares solution when m &gt; n and the minimum-norm solution
 * when m &lt; n (then A^T, which has the fewer columns, is decomposed: A^T = U V^T gives x = sum U_k (V_k . b) /
 * sigma_k^2). The system is refused (never an exception) as {@link SolveStatus#SINGULAR} when sigma_r is at most
 * {@link #RANK_TOLERANCE} sigma_1 and as {@link SolveStatus#ILL_CONDITIONED} when the condition number sigma_1 /
 * sigma_r exceeds the caller's threshold. All storage is preallocated; a solve allocates nothing and its result
 * depends only on its inputs (fixed sweep order, at most {@link #MAX_SWEEPS} sweeps).
 */
public final class SmallLeastSquares
{
    /** Largest number of equations and of unknowns. */
    public static final int MAX = 8;
    /** Singular values at most this times the largest count as zero. */
    public static final double RANK_TOLERANCE = 1e-13;
    /**
     * Columns shorter than this times the matrix's Frobenius norm are numerically zero and not rotated (rotating
     * them only churns rounding noise down into subnormal numbers, which are slow).
     */
    public static final double NEGLIGIBLE = 1e-15;
    /** Upper bound on Jacobi sweeps (convergence is quadratic: a few sweeps for n &lt;= 8). */
    public static final int MAX_SWEEPS = 40;

    private final double[] a = new double[MAX * MAX];
    private final double[] b = new double[MAX];
    private final double[] u = new double[MAX * MAX];
    private final double[] v = new double[MAX * MAX];
    private final double[] sigma = new double[MAX];
    private final int[] order = new int[MAX];
    private final double[] x = new double[MAX];
    private int m, n;
    private boolean transposed;
    private int rows, cols;
    private double negligible;
    private double condition;

    /** Starts a new system of {@code equations} rows in {@code unknowns} columns, all coefficients 0. */
    public void dimensions(final int equations, final int unknowns)
    {
        m = equations;
        n = unknowns;
        if (m >= 1 && n >= 1 && m <= MAX && n <= MAX)
        {
            for (int j = 0; j < n; j++)
            {
                Arrays.fill(a, j * MAX, j * MAX + m, 0.0);
            }
            Arrays.fill(b, 0, m, 0.0);
        }
    }

    /** Sets A[row][col]. */
    public void a(final int row, final int col, final double value)
    {
        a[col * MAX + row] = value;
    }

    /** Sets b[row]. */
    public void b(final int row, final double value)
    {
        b[row] = value;
    }

    /** The solution's component {@code col} (below the unknowns) after {@link SolveStatus#OK}, else 0. */
    public double x(final int col)
    {
        return x[col];
    }

    /** sigma_1 / sigma_r of the last solve (infinite when singular, 0 before a solve or on invalid input). */
    public double condition()
    {
        return condition;
    }

    /**
     * Solves the system set by {@link #dimensions}, {@link #a} and {@link #b}.
     *
     * @param maxCondition largest acceptable condition number sigma_1 / sigma_r.
     * @return the status; x is 0 unless {@link SolveStatus#OK}.
     */
    public SolveStatus solve(final double maxCondition)
    {
        Arrays.fill(x, 0, Math.max(0, Math.min(n, MAX)), 0.0);
        condition = 0.0;
        if (m < 1 || n < 1 || m > MAX || n > MAX || !finite())
        {
            return SolveStatus.INVALID_INPUT;
        }
        decompose();
        final int r = Math.min(m, n);
        final double largest = sigma[order[0]];
        final double smallest = sigma[order[r - 1]];
        if (!(largest > 0.0) || smallest <= RANK_TOLERANCE * largest)
        {
            condition = Double.POSITIVE_INFINITY;
            return SolveStatus.SINGULAR;
        }
        condition = largest / smallest;
        if (condition > maxCondition)
        {
            return SolveStatus.ILL_CONDITIONED;
        }
        // A = U V^T: x = sum V_k (U_k . b) / sigma_k^2; transposed (A^T = U V^T): x = sum U_k (V_k . b) / sigma_k^2
        final double[] along = transposed ? u : v;
        final double[] across = transposed ? v : u;
        for (int k = 0; k < r; k++)
        {
            final int col = order[k];
            double pb = 0.0;
            for (int i = 0; i < m; i++)
            {
                pb += across[col * MAX + i] * b[i];
            }
            final double f = pb / (sigma[col] * sigma[col]);
            for (int j = 0; j < n; j++)
            {
                x[j] += along[col * MAX + j] * f;
            }
        }
        return SolveStatus.OK;
    }

    private boolean finite()
    {
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < m; i++)
            {
                if (!Double.isFinite(a[j * MAX + i]))
                {
                    return false;
                }
            }
        }
        for (int i = 0; i < m; i++)
        {
            if (!Double.isFinite(b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private void decompose()
    {
        transposed = m < n;
        rows = transposed ? n : m;
        cols = transposed ? m : n;
        double frobenius = 0.0;
        for (int j = 0; j < cols; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                final double value = transposed ? a[i * MAX + j] : a[j * MAX + i];
                u[j * MAX + i] = value;
                frobenius += value * value;
            }
            for (int i = 0; i < cols; i++)
            {
                v[j * MAX + i] = i == j ? 1.0 : 0.0;
            }
        }
        negligible = NEGLIGIBLE * NEGLIGIBLE * frobenius;
        for (int sweep = 0; sweep < MAX_SWEEPS && rotateAll(); sweep++)
        {
            // sweep until no pair needed a rotation
        }
        for (int j = 0; j < cols; j++)
        {
            sigma[j] = Math.sqrt(dot(u, j, j, rows));
            order[j] = j;
        }
        for (int i = 1; i < cols; i++)
        {
            final int key = order[i];
            int j = i - 1;
            while (j >= 0 && sigma[order[j]] < sigma[key])
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = key;
        }
    }

    private boolean rotateAll()
    {
        boolean rotated = false;
        for (int p = 0; p < cols - 1; p++)
        {
            for (int q = p + 1; q < cols; q++)
            {
                final double alpha = dot(u, p, p, rows);
                final double beta = dot(u, q, q, rows);
                final double gamma = dot(u, p, q, rows);
                if (alpha <= negligible || beta <= negligible || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta))
                {
                    continue;
                }
                final double zeta = (beta - alpha) / (2.0 * gamma);
                final double t = Math.copySign(1.0, zeta) / (Math.abs(zeta) + Math.sqrt(1.0 + zeta * zeta));
                final double c = 1.0 / Math.sqrt(1.0 + t * t);
                rotate(u, p, q, c, c * t, rows);
                rotate(v, p, q, c, c * t, cols);
                rotated = true;
            }
        }
        return rotated;
    }

    private static double dot(final double[] w, final int p, final int q, final int rows)
    {
        double sum = 0.0;
        for (int i = 0; i < rows; i++)
        {
            sum += w[p * MAX + i] * w[q * MAX + i];
        }
        return sum;
    }

    private static void rotate(
        final double[] w, final int p, final int q, final double c, final double s, final int rows)
    {
        for (int i = 0; i < rows; i++)
        {
            final double wp = w[p * MAX + i];
            final double wq = w[q * MAX + i];
            w[p * MAX + i] = c * wp - s * wq;
            w[q * MAX + i] = s * wp + c * wq;
        }
    }
}
