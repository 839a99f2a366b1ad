package io.hedgeflow.greeks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GreeksToolTest
{
    @TempDir
    Path dir;

    private String stderr;

    private int run(final String... args)
    {
        final PrintStream saved = System.err;
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            return new CommandLine(new GreeksTool()).execute(args);
        }
        finally
        {
            System.setErr(saved);
            stderr = err.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldMatchQuantLibOnAllOracleCasesThroughTheCommand() throws Exception
    {
        final Path in = QuantLibOracle.copyTo(dir.resolve("oracle.csv"));
        final Path out = dir.resolve("out.csv");
        assertEquals(0, run("--input", in.toString(), "--output", out.toString()), stderr);
        final List<String> lines = Files.readAllLines(out);
        final QuantLibOracle o = QuantLibOracle.load();
        assertEquals(o.size() + 1, lines.size());
        final String header = lines.get(0);
        assertTrue(header.endsWith(",price,delta,gamma,vega,theta,rho,vanna,volga,charm"), header);
        final List<String> inputLines = Files.readAllLines(in);
        for (int i = 0; i < o.size(); i++)
        {
            final String line = lines.get(i + 1);
            assertTrue(line.startsWith(inputLines.get(i + 1) + ","));
            final String[] f = line.split(",");
            for (int g = 0; g < QuantLibOracle.GREEKS.length; g++)
            {
                o.check(g, i, Double.parseDouble(f[13 + g]), "greeks command");
            }
            assertEquals(22, f.length);
        }
    }

    @Test
    void shouldReadBlack76InverseAndImpliedVolColumns() throws Exception
    {
        final Path in = dir.resolve("in.csv");
        final double coinPrice = BlackScholesTestSupport.coinPrice();
        Files.writeString(in, "type,forward,strike,expiry,rate,price,model,settlement\n" +
            "call,60000,65000,0.25,0.03," + coinPrice + ",black76,inverse\n" +
            "put,60000,65000,0.25,0.03,2.0,black76,inverse\n");
        final Path out = dir.resolve("out.csv");
        assertEquals(0, run("--input", in.toString(), "--output", out.toString(), "--implied-vol"), stderr);
        final List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).endsWith(",implied_vol,price,delta,gamma,vega,theta,rho,vanna,volga,charm"));
        final String[] f = lines.get(1).split(",");
        assertEquals(0.7, Double.parseDouble(f[8]), 1e-12);
        assertEquals(coinPrice, Double.parseDouble(f[9]), 1e-15);
        assertEquals("-1.0", lines.get(2).split(",")[8]);
    }

    @Test
    void shouldExitTwoNamingFileLineAndColumnOnBadRow() throws Exception
    {
        final Path in = dir.resolve("bad.csv");
        Files.writeString(in, "type,spot,strike,expiry,rate,vol\ncall,100,100,1,0.01,0.2\ncall,100,abc,1,0.01,0.2\n");
        assertEquals(2, run("--input", in.toString(), "--output", dir.resolve("o.csv").toString()));
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.contains(in + ":3: column 'strike'"), stderr);
        assertFalse(stderr.contains("Exception"), stderr);
    }

    @Test
    void shouldExitTwoOnMissingColumnBadTypeAndMissingFile() throws Exception
    {
        final Path in = dir.resolve("nocol.csv");
        Files.writeString(in, "type,spot,expiry,rate,vol\ncall,100,1,0.01,0.2\n");
        assertEquals(2, run("--input", in.toString()));
        assertTrue(stderr.contains(in + ":1: missing column 'strike'"), stderr);
        final Path type = dir.resolve("type.csv");
        Files.writeString(type, "type,spot,strike,expiry,rate,vol\ncall,100,100,1,0.01,0.2\nswap,100,100,1,0.01,0.2\n");
        assertEquals(2, run("--input", type.toString()));
        assertTrue(stderr.contains(type + ":3: column 'type'"), stderr);
        assertEquals(2, run("--input", dir.resolve("absent.csv").toString()));
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.contains("absent.csv: no such file"), stderr);
    }

    @Test
    void shouldExitTwoNamingADirectoryGivenAsInputOrOutput() throws Exception
    {
        assertEquals(2, run("--input", dir.toString()));
        assertEquals("hedgeflow greeks: " + dir + ": is a directory, not a file", stderr.strip());
        final Path in = Files.writeString(dir.resolve("in.csv"),
            "type,spot,strike,expiry,rate,vol\ncall,100,100,1,0.01,0.2\n");
        final Path out = Files.createDirectory(dir.resolve("out"));
        assertEquals(2, run("--input", in.toString(), "--output", out.toString()));
        assertEquals("hedgeflow greeks: " + out + ": is a directory, not a file", stderr.strip());
    }

    @Test
    void shouldNameTheInputColumnsInItsHelp()
    {
        final String help = new CommandLine(new GreeksTool()).getUsageMessage().replaceAll("\\s+", " ");
        assertTrue(help.contains("type (call or put), spot, strike, expiry (years), rate, vol"), help);
        assertTrue(help.contains("then price,delta,gamma,vega,theta,rho,vanna"), help);
    }
}
