package io.hedgeflow.greeks;

/**
 * Which loop {@link GreekVectors} computes a book and its totals with. Both give the same bits (the vector kernel
 * mirrors the scalar reference operation for operation, and the scalar totals add in the vector lanes' order), so
 * the choice changes the cost and never a result: a journal written with one replays identically with the other.
 */
public enum GreekKernelType
{
    /**
     * The Vector API kernel ({@link GreekKernel#vector}): the fastest once C2 has compiled it; until then the Vector
     * API links its method handles and runs its allocating Java fallback. The live engine's choice.
     */
    VECTOR,

    /**
     * The scalar reference ({@link GreekKernel#scalar}, {@link BlackScholes#greeks}) and scalar totals: several times
     * the vector kernel's cost per warm call, but no Vector API code to link or compile, so cheaper for a short run
     * that calls the kernel rarely and mostly cold (a replay).
     */
    SCALAR
}
