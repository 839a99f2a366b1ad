package io.hedgeflow.greeks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-76 implied volatility (r = 0) against QuantLib 1.29's blackFormulaImpliedStdDev on the same inputs, committed
 * once by engine/src/test/quantlib/black76_implied_vol.cpp (provenance in each file's header): a grid of moneyness,
 * expiry and volatility, and every option ticker of the Deribit capture with its forward and time to expiry.
 */
class ImpliedVolQuantLibTest
{
    private static final double TOLERANCE = 1e-8;

    @ParameterizedTest
    @ValueSource(strings = {"/oracles/black76-iv-grid-quantlib.csv", "/oracles/black76-iv-capture-quantlib.csv"})
    void shouldEqualQuantLibImpliedVolatilityToOneE8(final String resource) throws IOException
    {
        final List<String> rows = rows(resource);
        int solved = 0;
        for (final String row : rows)
        {
            final String[] f = row.split(",", -1);
            final boolean call = f[1].equals("1");
            final double forward = Double.parseDouble(f[2]);
            final double strike = Double.parseDouble(f[3]);
            final double years = Double.parseDouble(f[4]);
            final double price = Double.parseDouble(f[5]);
            final double implied = ImpliedVol.solve(call, forward, strike, years, 0.0, 0.0, price);
            if (f[6].isEmpty())
            {
                assertEquals(ImpliedVol.NO_SOLUTION, implied, row);
                continue;
            }
            assertEquals(Double.parseDouble(f[6]), implied, TOLERANCE, row);
            solved++;
        }
        assertTrue(solved > rows.size() / 2, "most rows have a QuantLib volatility: " + solved + " of " + rows.size());
    }

    @Test
    void shouldEqualQuantLibOnTheCaptureWhenEachMarkStartsFromItsOptionsPreviousSolve() throws IOException
    {
        final Map<String, double[]> tracks = new HashMap<>();
        int solved = 0;
        for (final String row : rows("/oracles/black76-iv-capture-quantlib.csv"))
        {
            final String[] f = row.split(",", -1);
            final boolean call = f[1].equals("1");
            final double years = Double.parseDouble(f[4]);
            final double forward = Double.parseDouble(f[2]);
            final double strike = Double.parseDouble(f[3]);
            final double w = ImpliedVol.totalVolatility(call, forward, strike, Math.log(forward) - Math.log(strike),
                Double.parseDouble(f[5]), tracks.computeIfAbsent(f[0], name -> new double[ImpliedVol.TRACK_LENGTH]), 0);
            if (f[6].isEmpty())
            {
                assertEquals(ImpliedVol.NO_SOLUTION, w, row);
                continue;
            }
            assertEquals(Double.parseDouble(f[6]), ImpliedVol.volatility(w, years), TOLERANCE, row);
            solved++;
        }
        assertEquals(2157, solved, "the capture's solvable marks (docs/deribit.md)");
    }

    private static List<String> rows(final String resource) throws IOException
    {
        try (InputStream in = ImpliedVolQuantLibTest.class.getResourceAsStream(resource))
        {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                .filter(line -> !line.startsWith("#") && !line.startsWith("name,")).toList();
        }
    }
}
