package io.hedgeflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end: the ratio and neutralize commands on Hull's textbook examples, and their bad-input messages. */
class HedgeCommandsTest extends CommandTest
{
    // Hull, Options, Futures, and Other Derivatives, ch. 3, the jet-fuel example's table: monthly changes of the
    // heating-oil futures price (dF) and of the jet-fuel price (dS); Hull: h* = 0.7777, 37 contracts for 2,000,000
    // gallons.
    private static final double[] DF = {
        0.021, 0.035, -0.046, 0.001, 0.044, -0.029, -0.026, -0.029, 0.048, -0.006, -0.036, -0.011, 0.019, -0.027, 0.029,
    };
    private static final double[] DS = {
        0.029, 0.020, -0.044, 0.008, 0.026, -0.019, -0.010, -0.007, 0.043, 0.011, -0.036, -0.018, 0.009, -0.032, 0.023,
    };

    @TempDir
    Path dir;

    private void assertOneLineError(final int code, final String... mentions)
    {
        assertEquals(2, code, err.toString());
        final String text = err.toString();
        assertEquals(1, text.lines().count(), "one line on stderr: " + text);
        for (final String mention : mentions)
        {
            assertTrue(text.contains(mention), "'" + mention + "' in: " + text);
        }
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
    }

    private Path hullTable() throws IOException
    {
        final StringBuilder csv = new StringBuilder("month,dF,dS\n");
        for (int i = 0; i < DF.length; i++)
        {
            csv.append(i + 1).append(',').append(DF[i]).append(',').append(DS[i]).append('\n');
        }
        return Files.writeString(dir.resolve("jetfuel.csv"), csv);
    }

    private static double number(final String json, final String key)
    {
        final Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void shouldGiveHullsJetFuelHedge() throws IOException
    {
        final Path csv = hullTable();
        assertEquals(0, run("ratio", "--input", csv.toString(), "--spot-column", "dS", "--hedge-column", "dF",
            "--exposure", "2000000", "--contract-size", "42000", "--format", "json"), err.toString());
        final String json = out.toString().trim();
        assertTrue(json.matches("\\{\"hedge_ratio\":[^,]+,\"correlation\":[^,]+,\"sigma_spot\":[^,]+," +
            "\"sigma_hedge\":[^,]+,\"effectiveness\":[^,]+,\"contracts\":37}"), json);
        assertEquals(0.7777, number(json, "hedge_ratio"), 0.00005);
        assertEquals(0.928, number(json, "correlation"), 0.0005);
        assertEquals(0.0263, number(json, "sigma_spot"), 0.00005);
        assertEquals(0.0313, number(json, "sigma_hedge"), 0.00005);
        assertEquals(0.928 * 0.928, number(json, "effectiveness"), 0.001);

        assertEquals(0, run("ratio", "--input", csv.toString(), "--spot-column", "dS", "--hedge-column", "dF"));
        assertTrue(out.toString().contains("hedge ratio    0.7776506742"), out.toString());
        assertFalse(out.toString().contains("contracts"), out.toString());
    }

    @Test
    void shouldTakeTheFirstTwoNumericColumnsAndDifferenceLevels() throws IOException
    {
        final StringBuilder changes = new StringBuilder("name,spot,hedge\n");
        final StringBuilder levels = new StringBuilder("spot,hedge\n2.0,1.5\n");
        double s = 2.0, f = 1.5;
        for (int i = 0; i < DF.length; i++)
        {
            changes.append("m").append(i).append(',').append(DS[i]).append(',').append(DF[i]).append('\n');
            s += DS[i];
            f += DF[i];
            levels.append(s).append(',').append(f).append('\n');
        }
        assertEquals(0, run("ratio", "--input", Files.writeString(dir.resolve("c.csv"), changes).toString(),
            "--format", "json"), err.toString());
        assertEquals(0.7777, number(out.toString(), "hedge_ratio"), 0.00005);
        assertEquals(0, run("ratio", "--input", Files.writeString(dir.resolve("l.csv"), levels).toString(),
            "--levels", "--format", "json", "--exposure", "-2000000", "--contract-size", "42000"), err.toString());
        assertEquals(0.7777, number(out.toString(), "hedge_ratio"), 0.00005);
        assertEquals(-37.0, number(out.toString(), "contracts"));
    }

    @Test
    void shouldEstimateWithEwmaAndKalman() throws IOException
    {
        final Path csv = hullTable();
        assertEquals(0, run("ratio", "--input", csv.toString(), "--spot-column", "dS", "--hedge-column", "dF",
            "--method", "ewma", "--half-life", "1e9", "--format", "json"), err.toString());
        assertEquals(0.7777, number(out.toString(), "hedge_ratio"), 0.00005, "equal weights: the OLS ratio");
        assertEquals(0, run("ratio", "--input", csv.toString(), "--spot-column", "dS", "--hedge-column", "dF",
            "--method", "kalman", "--process-noise", "0", "--format", "json"), err.toString());
        // q = 0 and a diffuse prior: the regression through the origin, sum dF dS / sum dF^2 (the means are small)
        double sxy = 0, sxx = 0;
        for (int i = 0; i < DF.length; i++)
        {
            sxy += DF[i] * DS[i];
            sxx += DF[i] * DF[i];
        }
        assertEquals(sxy / sxx, number(out.toString(), "hedge_ratio"), 1e-6);
        assertEquals(0.928, number(out.toString(), "correlation"), 0.0005);
    }

    @Test
    void shouldExitTwoNamingFileLineAndColumnOfBadRatioInput() throws IOException
    {
        final Path bad = Files.writeString(dir.resolve("bad.csv"), "month,dF,dS\n1,0.1,0.2\n2,0.2,0.1\n3,x,y\n");
        assertOneLineError(run("ratio", "--input", bad.toString()), bad + ":4: column 'dF'");
        assertOneLineError(run("ratio", "--input", bad.toString(), "--spot-column", "dS", "--hedge-column", "dF"),
            bad + ":4: column 'dS': expected a finite number, found 'y'");
        assertOneLineError(run("ratio", "--input", bad.toString(), "--spot-column", "price"),
            bad + ":1: --spot-column: no column 'price'");
        final Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        assertOneLineError(run("ratio", "--input", ragged.toString()), ragged + ":3: expected 2 fields, found 1");
        final Path text = Files.writeString(dir.resolve("text.csv"), "a,b\nx,1\n");
        assertOneLineError(run("ratio", "--input", text.toString()), text + ":2: need two numeric columns");
        final Path short1 = Files.writeString(dir.resolve("short.csv"), "a,b\n1,2\n");
        assertOneLineError(run("ratio", "--input", short1.toString()), "need at least 2");
        assertOneLineError(run("ratio", "--input", dir.resolve("none.csv").toString()), "none.csv: no such file");
        assertOneLineError(run("ratio", "--input", dir.toString()), dir + ": is a directory, not a file");
        assertOneLineError(run("ratio", "--input", hullTable().toString(), "--exposure", "5"), "--contract-size");
        assertOneLineError(run("ratio", "--input", hullTable().toString(), "--method", "garch"), "garch");
        assertOneLineError(run("ratio", "--input", hullTable().toString(), "--window", "1"), "--window");
    }

    @Test
    void shouldSolveHullsGammaVegaExample()
    {
        // Hull, ch. 19: portfolio delta 0, gamma -5,000, vega -8,000; option 1 (0.6, 0.5, 2.0), option 2 (0.5, 0.8,
        // 1.2): 400 of option 1, 6,000 of option 2, then sell 3,240 of the underlying
        assertEquals(0, run("neutralize", "--portfolio", "delta=0,gamma=-5000,vega=-8000",
            "--hedge", "opt1:delta=0.6,gamma=0.5,vega=2.0", "--hedge", "opt2:delta=0.5,gamma=0.8,vega=1.2",
            "--neutral", "gamma,vega", "--format", "json"), err.toString());
        assertEquals("{\"hedges\":{\"opt1\":400,\"opt2\":6000},\"underlying\":-3240," +
            "\"residual\":{\"delta\":0,\"gamma\":0,\"vega\":0}}", out.toString().trim());
        assertEquals(0, run("neutralize", "--portfolio", "gamma=-5000,vega=-8000",
            "--hedge", "opt1:delta=0.6,gamma=0.5,vega=2.0", "--hedge", "opt2:delta=0.5,gamma=0.8,vega=1.2"));
        assertTrue(out.toString().contains("hedge opt1         400\n"), out.toString());
        assertTrue(out.toString().contains("underlying         -3240\n"), out.toString());
    }

    @Test
    void shouldSolveHullsGammaOnlyExample()
    {
        // Hull, ch. 19, "Making a portfolio gamma neutral": gamma -3,000, a call with delta 0.62 and gamma 1.50:
        // buy 2,000 calls and sell 1,240 of the underlying
        assertEquals(0, run("neutralize", "--portfolio", "delta=0,gamma=-3000,vega=0",
            "--hedge", "call:delta=0.62,gamma=1.5", "--neutral", "gamma", "--format", "json"), err.toString());
        assertEquals("{\"hedges\":{\"call\":2000},\"underlying\":-1240," +
            "\"residual\":{\"delta\":0,\"gamma\":0,\"vega\":0}}", out.toString().trim());
    }

    @Test
    void shouldExitTwoSayingWhatIsWrongWithANeutralizeRequest()
    {
        final String h1 = "opt1:delta=0.6,gamma=0.5,vega=2.0";
        assertOneLineError(run("neutralize", "--portfolio", "delta=0,gamma=abc", "--hedge", h1),
            "--portfolio: field 'gamma': expected a finite number, found 'abc'");
        assertOneLineError(run("neutralize", "--portfolio", "delta=0,theta=1", "--hedge", h1),
            "--portfolio: field 'theta'");
        assertOneLineError(run("neutralize", "--portfolio", "gamma=1,gamma=2", "--hedge", h1), "given twice");
        assertOneLineError(run("neutralize", "--portfolio", "gamma=1", "--hedge", "delta=0.6,gamma=0.5"),
            "expected NAME:");
        assertOneLineError(run("neutralize", "--portfolio", "gamma=1", "--hedge", "x:delta=0.6,gamma=y"),
            "--hedge x: field 'gamma'");
        assertOneLineError(run("neutralize", "--portfolio", "gamma=1", "--hedge", h1, "--hedge", h1),
            "duplicate name 'opt1'");
        assertOneLineError(run("neutralize", "--portfolio", "gamma=1", "--hedge", h1, "--neutral", "theta"),
            "--neutral: expected gamma and/or vega, found 'theta'");
        assertOneLineError(run("neutralize", "--portfolio", "gamma=-5000,vega=-8000", "--hedge", h1,
            "--hedge", "opt2:delta=0.3,gamma=0.25,vega=1.0"), "singular system");
        assertOneLineError(run("neutralize", "--portfolio", "gamma=-5000,vega=-8000", "--hedge", h1,
            "--hedge", "opt2:delta=0.3,gamma=0.25,vega=1.0000001"), "ill-conditioned system (condition number");
    }
}
