package io.hedgeflow.hedge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** State export and import of every {@link HedgeRatioEstimator}: a copy continues bit for bit as the original. */
class EstimatorStateTest
{
    private static Supplier<HedgeRatioEstimator> factory(final String kind)
    {
        return switch (kind)
        {
            case "OLS" -> () -> new RollingOlsEstimator(17);
            case "EWMA" -> () -> new EwmaEstimator(9.0);
            default -> () -> new KalmanBetaEstimator(1e-4, 0.04, 1.0, 1.0, 12.0);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"OLS", "EWMA", "KALMAN"})
    void shouldContinueExactlyFromAnExportedState(final String kind)
    {
        final HedgeRatioEstimator original = factory(kind).get();
        final HedgeRatioEstimator copy = factory(kind).get();
        final SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 40; i++)
        {
            final double dh = random.nextGaussian();
            original.update(0.7 * dh + 0.3 * random.nextGaussian(), dh);
        }
        final double[] state = new double[original.stateLength() + 3];
        original.writeState(state, 3);
        copy.readState(state, 3);
        for (int i = 0; i < 25; i++)
        {
            final double dh = random.nextGaussian();
            final double ds = 0.7 * dh + 0.3 * random.nextGaussian();
            original.update(ds, dh);
            copy.update(ds, dh);
            assertEquals(Double.doubleToRawLongBits(original.hedgeRatio()),
                Double.doubleToRawLongBits(copy.hedgeRatio()));
            assertEquals(Double.doubleToRawLongBits(original.effectiveness()),
                Double.doubleToRawLongBits(copy.effectiveness()));
            assertEquals(original.count(), copy.count());
        }
        final double[] a = new double[original.stateLength()];
        final double[] b = new double[copy.stateLength()];
        original.writeState(a, 0);
        copy.writeState(b, 0);
        for (int k = 0; k < a.length; k++)
        {
            assertEquals(Double.doubleToRawLongBits(a[k]), Double.doubleToRawLongBits(b[k]), "state " + k);
        }
    }
}
