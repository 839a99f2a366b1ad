package io.hedgeflow.greeks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The 2,000 QuantLib 1.29 cases of oracles/greeks-quantlib.csv (see oracles/README.md), parsed. */
final class QuantLibOracle
{
    static final String RESOURCE = "/oracles/greeks-quantlib.csv";
    static final String[] GREEKS = {"price", "delta", "gamma", "vega", "theta", "rho"};

    final boolean[] call;
    final double[] spot, strike, expiry, rate, dividend, vol;
    /** expected[g][i]: QuantLib's value of GREEKS[g] for case i. */
    final double[][] expected;

    private QuantLibOracle(final List<String> lines)
    {
        final int n = lines.size() - 1;
        call = new boolean[n];
        spot = new double[n];
        strike = new double[n];
        expiry = new double[n];
        rate = new double[n];
        dividend = new double[n];
        vol = new double[n];
        expected = new double[GREEKS.length][n];
        for (int i = 0; i < n; i++)
        {
            final String[] f = lines.get(i + 1).split(",");
            call[i] = f[0].equals("call");
            spot[i] = Double.parseDouble(f[1]);
            strike[i] = Double.parseDouble(f[2]);
            expiry[i] = Double.parseDouble(f[3]);
            rate[i] = Double.parseDouble(f[4]);
            dividend[i] = Double.parseDouble(f[5]);
            vol[i] = Double.parseDouble(f[6]);
            for (int g = 0; g < GREEKS.length; g++)
            {
                expected[g][i] = Double.parseDouble(f[7 + g]);
            }
        }
    }

    static QuantLibOracle load() throws IOException
    {
        try (InputStream in = QuantLibOracle.class.getResourceAsStream(RESOURCE))
        {
            return new QuantLibOracle(new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList());
        }
    }

    /** Copies the oracle CSV to a file, for the command-line test. */
    static Path copyTo(final Path file) throws IOException
    {
        try (InputStream in = QuantLibOracle.class.getResourceAsStream(RESOURCE))
        {
            Files.copy(in, file);
        }
        return file;
    }

    int size()
    {
        return call.length;
    }

    /** Fails with the case, Greek and values when |actual - QuantLib| > 1e-9 x max(1, |QuantLib|). */
    void check(final int g, final int i, final double actual, final String what)
    {
        final double want = expected[g][i];
        if (!(Math.abs(actual - want) <= 1e-9 * Math.max(1.0, Math.abs(want))))
        {
            throw new AssertionError(what + " case " + (i + 2) + " " + GREEKS[g] + ": " + actual + " vs QuantLib " + want);
        }
    }
}
