package io.hedgeflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code replay} reads the journal from its mapped cycle files: all inputs or those after the latest snapshot, with
 * every decision compared, a differing configuration warned about and a different decision reported.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplayCommandTest extends CommandTest
{
    private static final int EVENTS = 30_000;

    @TempDir
    Path dir;

    @Test
    void shouldReplayEveryInputOrOnlyThoseAfterTheLatestSnapshotAndFindTheDecisionsIdentical() throws IOException
    {
        final Path config = config(5_000);
        final Path journal = demo(config, "--policy", "FIXED_BAND");

        assertEquals(0, run("replay", journal.toString(), "--verify", "--config", config.toString()), out + "" + err);
        assertTrue(out.toString().matches("(?s)inputs [0-9,]+  decision and order frames [0-9,]+  rejected 0 .*" +
            "SCALAR kernel\\)\\Ridentical \\([0-9,]+ decision and order records, SCALAR kernel\\)\\R"), out.toString());
        final long inputs = count(out.toString(), "inputs ");
        final String scalar = out.toString();

        assertEquals(0, run("replay", journal.toString(), "--verify", "--kernel", "VECTOR", "--config",
            config.toString()), out + "" + err);
        assertEquals(scalar.replaceAll("\\(\\d.*inputs/s, SCALAR", "").replace("SCALAR", "VECTOR"),
            out.toString().replaceAll("\\(\\d.*inputs/s, VECTOR", ""), "the same counts and verdict");
        assertTrue(err.toString().isEmpty(), "the kernel is not part of the configuration digest: " + err);

        assertEquals(0, run("replay", journal.toString(), "--verify", "--from-snapshot", "--config",
            config.toString()), out + "" + err);
        assertTrue(out.toString().startsWith("from snapshot after ring sequence "), out.toString());
        final long snapshot = count(out.toString(), "from snapshot after ring sequence ");
        assertEquals(inputs - snapshot - 1, count(out.toString().lines().toList().get(1), "inputs "));
        assertTrue(out.toString().contains("identical ("), out.toString());
    }

    @Test
    void shouldWarnOfAnotherConfigurationAndReportTheFirstDifferentDecision() throws IOException
    {
        final Path config = config(0);
        final Path journal = demo(config, "--policy", "NONE");

        assertEquals(1, run("replay", journal.toString(), "--verify"), out + "" + err);
        assertTrue(err.toString().startsWith("hedgeflow replay: warning: journal and replay differ in "),
            err.toString());
        assertTrue(out.toString().contains("different: decision 1 (trigger sequence "), out.toString());
    }

    private Path demo(final Path config, final String... options)
    {
        final Path journal = dir.resolve("journal");
        final String[] args = new String[8 + options.length];
        System.arraycopy(new String[]{ "demo", "--events", Integer.toString(EVENTS), "--rate", "0", "--journal",
            journal.toString(), "--config=" + config }, 0, args, 0, 8);
        System.arraycopy(options, 0, args, 8, options.length);
        assertEquals(0, run(args), err.toString());
        return journal;
    }

    /** The example configuration with another snapshot interval. */
    private Path config(final int snapshotInterval) throws IOException
    {
        final Path example = Path.of(System.getProperty("hedgeflow.root", ".."), "config", "hedgeflow.yaml");
        final String yaml = Files.readString(example)
            .replaceFirst("snapshotInterval: [0-9_]+", "snapshotInterval: " + snapshotInterval);
        assertTrue(yaml.contains("snapshotInterval: " + snapshotInterval + "\n"), yaml);
        return Files.writeString(dir.resolve("hedgeflow.yaml"), yaml);
    }

    private static long count(final String text, final String prefix)
    {
        final int at = text.indexOf(prefix) + prefix.length();
        return Long.parseLong(text.substring(at).replaceFirst("(?s)^([0-9,]+).*", "$1").replace(",", ""));
    }
}
