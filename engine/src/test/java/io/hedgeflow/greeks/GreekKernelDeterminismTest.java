package io.hedgeflow.greeks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The vector kernel gives the same bits whatever the JIT has done: a fixed book computed here after C2 has compiled
 * the kernel must match, bit for bit, the same book computed by child JVMs running it interpreted ({@code -Xint})
 * and C1-compiled only ({@code -XX:TieredStopAtLevel=1}). Vector API calls fall back to per-lane Java code when not
 * intrinsified, so any operation whose intrinsic rounds differently from its fallback (SVML exp/log, reduceLanes
 * on doubles) shows up here.
 */
class GreekKernelDeterminismTest
{
    private static final long NOW = 1_750_000_000_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;
    private static final int OPTIONS = 301;
    private static final int WARM_UP = 20_000;

    /**
     * Child JVM entry point: prints {@link #outputs()}.
     *
     * @param args none.
     */
    public static void main(final String[] args)
    {
        final StringBuilder out = new StringBuilder();
        for (final String line : outputs())
        {
            out.append(line).append('\n');
        }
        System.out.print(out);
    }

    /** A seeded book with degenerate options, computed under four markets: one line per output, raw bits. */
    static List<String> outputs()
    {
        final List<String> lines = new ArrayList<>();
        try (GreekVectors book = book())
        {
            for (int scenario = 0; scenario < 4; scenario++)
            {
                compute(book, scenario);
                for (int i = 0; i < book.size(); i++)
                {
                    final double[] out = {book.price(i), book.delta(i), book.gamma(i), book.vega(i), book.theta(i),
                        book.rho(i), book.vanna(i), book.volga(i), book.charm(i)};
                    for (int g = 0; g < out.length; g++)
                    {
                        lines.add(scenario + " " + i + " " + g + " " + bits(out[g]));
                    }
                }
                lines.add(scenario + " totals " + bits(book.totalDelta()) + " " + bits(book.totalValue()));
            }
        }
        return lines;
    }

    private static String bits(final double value)
    {
        return Long.toHexString(Double.doubleToRawLongBits(value));
    }

    private static void compute(final GreekVectors book, final int scenario)
    {
        switch (scenario)
        {
            case 0 -> book.compute(61_000.0, 0.04, 0.015, NOW);
            case 1 -> book.computeBlack76(61_000.0, 0.04, NOW);
            case 2 -> book.compute(0.0, 0.04, 0.0, NOW);
            default -> book.compute(3.25, -0.01, 0.2, NOW + 30 * DAY);
        }
    }

    private static GreekVectors book()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final GreekVectors book = new GreekVectors(OPTIONS);
        for (int i = 0; i < OPTIONS; i++)
        {
            final int kind = random.nextInt(12);
            final double strike = kind == 0 ? 0.0 : 61_000.0 * StrictMath.exp(random.nextDouble(-2.0, 2.0));
            final long expiry = kind == 1 ? NOW : kind == 2 ? NOW - DAY : NOW + random.nextLong(1, 4 * 365 * DAY);
            // inverse at random in the first half, linear only in the second (whole vectors without coin conversion)
            final int slot = book.add(random.nextBoolean(), strike, expiry, random.nextBoolean() && i < OPTIONS / 2,
                random.nextDouble(0.1, 10.0));
            book.quantity(slot, random.nextDouble(-50.0, 50.0));
            book.vol(slot, kind == 3 ? 0.0 : kind == 4 ? -0.5 : kind == 5 ? 1e-9 : random.nextDouble(0.01, 3.0));
        }
        return book;
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldComputeTheSameBitsInterpretedC1AndC2Compiled(@TempDir final Path dir)
        throws IOException, InterruptedException
    {
        try (GreekVectors book = book())
        {
            for (int i = 0; i < WARM_UP; i++)
            {
                compute(book, i & 3);
            }
        }
        final List<String> c2 = outputs();
        assertEquals(4 * (OPTIONS * 9 + 1), c2.size());
        assertSameLines(c2, child(dir, "-Xint"), "-Xint");
        assertSameLines(c2, child(dir, "-XX:TieredStopAtLevel=1"), "C1");
    }

    @Test
    void shouldUseNoTranscendentalLaneOperationOrFloatingPointLaneReduction() throws IOException
    {
        final Path main = Path.of(System.getProperty("hedgeflow.root", "..")).resolve("engine/src/main/java");
        final Pattern forbidden = Pattern.compile("VectorOperators\\.(EXP|EXPM1|LOG|LOG1P|LOG10|POW|SIN|COS|TAN|ASIN|" +
            "ACOS|ATAN|ATAN2|SINH|COSH|TANH|CBRT|HYPOT)\\b|reduceLanes\\(");
        final List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main))
        {
            for (final Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList())
            {
                final List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++)
                {
                    if (forbidden.matcher(lines.get(i)).find())
                    {
                        found.add(main.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(Files.isDirectory(main.resolve("io/hedgeflow/greeks")), "sources not found under " + main);
        assertEquals(List.of(), found, "SVML-backed or order-dependent Vector API calls differ between JIT tiers");
    }

    private static void assertSameLines(final List<String> expected, final List<String> actual, final String mode)
    {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++)
        {
            if (!expected.get(i).equals(actual.get(i)))
            {
                fail(mode + " differs from C2 at 'scenario slot greek bits' line " + i + ": C2 " + expected.get(i) +
                    ", " + mode + " " + actual.get(i));
            }
        }
        assertEquals(expected.size(), actual.size(), mode + " line count");
    }

    private static List<String> child(final Path dir, final String mode) throws IOException, InterruptedException
    {
        final String flags = System.getProperty("hedgeflow.jvm.flags");
        assertTrue(flags != null && flags.contains("-Dchronicle.analytics.disable=true"), "JVM flags: " + flags);
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(List.of(flags.trim().split("\\s+")));
        command.addAll(List.of(mode, "-cp", System.getProperty("java.class.path"),
            GreekKernelDeterminismTest.class.getName()));
        final Path out = dir.resolve(mode + ".out");
        final Path err = dir.resolve(mode + ".err");
        final Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
            .start();
        if (!process.waitFor(100, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            fail(mode + " child did not finish in 100 s");
        }
        assertEquals(0, process.exitValue(), mode + " child failed: " + Files.readString(err));
        return Files.readAllLines(out);
    }
}
