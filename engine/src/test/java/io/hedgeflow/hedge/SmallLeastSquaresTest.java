package io.hedgeflow.hedge;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmallLeastSquaresTest
{
    private final SplittableRandom random = new SplittableRandom(101);
    private final SmallLeastSquares solver = new SmallLeastSquares();

    private double[][] load(final int m, final int n, final double[] b)
    {
        final double[][] a = new double[m][n];
        solver.dimensions(m, n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[i][j] = random.nextDouble(-1, 1);
                solver.a(i, j, a[i][j]);
            }
            b[i] = random.nextDouble(-10, 10);
            solver.b(i, b[i]);
        }
        return a;
    }

    @Test
    void shouldSolveSquareSystemsExactly()
    {
        for (int trial = 0; trial < 200; trial++)
        {
            final int n = 1 + trial % SmallLeastSquares.MAX;
            final double[] b = new double[n];
            final double[][] a = load(n, n, b);
            if (solver.solve(1e8) == SolveStatus.OK)
            {
                for (int i = 0; i < n; i++)
                {
                    double ax = 0;
                    for (int j = 0; j < n; j++)
                    {
                        ax += a[i][j] * solver.x(j);
                    }
                    assertEquals(b[i], ax, 1e-12 * solver.condition() * 10);
                }
            }
        }
    }

    @Test
    void shouldSatisfyTheNormalEquationsWhenOverDetermined()
    {
        for (int trial = 0; trial < 100; trial++)
        {
            final int m = SmallLeastSquares.MAX, n = 1 + trial % (m - 1);
            final double[] b = new double[m];
            final double[][] a = load(m, n, b);
            assertEquals(SolveStatus.OK, solver.solve(1e8));
            // A^T (A x - b) = 0
            for (int j = 0; j < n; j++)
            {
                double g = 0;
                for (int i = 0; i < m; i++)
                {
                    double ax = 0;
                    for (int k = 0; k < n; k++)
                    {
                        ax += a[i][k] * solver.x(k);
                    }
                    g += a[i][j] * (ax - b[i]);
                }
                assertEquals(0.0, g, 1e-10);
            }
        }
    }

    @Test
    void shouldGiveTheMinimumNormSolutionWhenUnderDetermined()
    {
        // the minimum-norm solution solves A x = b and lies in the row space: x = A^T y. For m = 2 check that x is
        // orthogonal to the null space vector of a 2 x 3 system (the cross product of the rows).
        for (int trial = 0; trial < 100; trial++)
        {
            final double[] b = new double[2];
            final double[][] a = load(2, 3, b);
            assertEquals(SolveStatus.OK, solver.solve(1e8));
            final double[] x = {solver.x(0), solver.x(1), solver.x(2)};
            for (int i = 0; i < 2; i++)
            {
                assertEquals(b[i], a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2], 1e-9);
            }
            final double[] nul = {
                a[0][1] * a[1][2] - a[0][2] * a[1][1],
                a[0][2] * a[1][0] - a[0][0] * a[1][2],
                a[0][0] * a[1][1] - a[0][1] * a[1][0],
            };
            assertEquals(0.0, nul[0] * x[0] + nul[1] * x[1] + nul[2] * x[2], 1e-9);
        }
    }

    @Test
    void shouldEqualTheNormalEquationsFormOfTheMinimumNormSolution()
    {
        // x = A^T (A A^T)^-1 b for every m < n up to 8: solve the m x m system (A A^T) y = b with the solver itself
        for (int trial = 0; trial < 100; trial++)
        {
            final int n = 2 + trial % (SmallLeastSquares.MAX - 1), m = 1 + trial % (n - 1);
            final double[] b = new double[m];
            final double[][] a = load(m, n, b);
            assertEquals(SolveStatus.OK, solver.solve(1e8));
            final double[] x = new double[n];
            for (int j = 0; j < n; j++)
            {
                x[j] = solver.x(j);
            }
            solver.dimensions(m, m);
            for (int i = 0; i < m; i++)
            {
                for (int k = 0; k < m; k++)
                {
                    double aat = 0;
                    for (int j = 0; j < n; j++)
                    {
                        aat += a[i][j] * a[k][j];
                    }
                    solver.a(i, k, aat);
                }
                solver.b(i, b[i]);
            }
            assertEquals(SolveStatus.OK, solver.solve(1e12));
            for (int j = 0; j < n; j++)
            {
                double expected = 0;
                for (int i = 0; i < m; i++)
                {
                    expected += a[i][j] * solver.x(i);
                }
                assertEquals(expected, x[j], 1e-8 * (1 + Math.abs(expected)));
            }
        }
    }

    @Test
    void shouldReportConditionAndRefuse()
    {
        solver.dimensions(2, 2);
        solver.a(0, 0, 2);
        solver.a(1, 1, 1e-3);
        solver.b(0, 4);
        solver.b(1, 1);
        assertEquals(SolveStatus.OK, solver.solve(1e6));
        assertEquals(2000.0, solver.condition(), 1e-9);
        assertEquals(2.0, solver.x(0), 1e-15);
        assertEquals(1000.0, solver.x(1), 1e-9);
        assertEquals(SolveStatus.ILL_CONDITIONED, solver.solve(1e3));
        assertEquals(0.0, solver.x(1));
        solver.a(1, 1, 0);
        assertEquals(SolveStatus.SINGULAR, solver.solve(1e6));
        solver.dimensions(0, 2);
        assertEquals(SolveStatus.INVALID_INPUT, solver.solve(1e6));
        solver.dimensions(2, SmallLeastSquares.MAX + 1);
        assertEquals(SolveStatus.INVALID_INPUT, solver.solve(1e6));
    }
}
