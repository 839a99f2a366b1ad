package io.hedgeflow.hedge;

/** Result code of a small linear solve ({@link SmallLeastSquares}, {@link GreekNeutralizer}); never an exception. */
public enum SolveStatus
{
    /** Solved: exactly, in the least-squares sense (more equations than unknowns) or with minimum norm (fewer). */
    OK,
    /** Non-finite input, no unknowns, no equations or more than the capacity. */
    INVALID_INPUT,
    /**
     * The system has (numerically) lower rank than min(equations, unknowns): a Greek no hedge moves, or hedges
     * that move the Greeks alike.
     */
    SINGULAR,
    /** Full rank but the condition number exceeds the threshold: the quantities would amplify input error. */
    ILL_CONDITIONED
}
