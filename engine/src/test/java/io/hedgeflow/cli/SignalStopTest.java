package io.hedgeflow.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM ends {@code run} cleanly: a child JVM runs a paced simulated feed with far more frames than it gets
 * through, the test sends SIGTERM once the journal exists, and the child prints its report, says it was stopped,
 * exits 143, and leaves a journal closed as at the end of a feed: every record verifies and is sealed (a killed
 * engine leaves its last block unsealed), and the decisions replay identically.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SignalStopTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPrintTheReportAndCloseTheJournalOnSigterm() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Process child = ChildJvm.start(dir.resolve("child.out"), dir.resolve("child.err"), "run", "--feed", "sim", "--seed", "7", "--events", "100000000", "--rate",
            "20000", "--warmup-events", "0", "--journal", journal.toString(), "--format", "json");
        awaitFirstInput(child, journal);
        child.destroy();
        assertTrue(child.waitFor(1, TimeUnit.MINUTES), "the engine stops within a minute of SIGTERM");
        final String err = Files.readString(dir.resolve("child.err"));
        assertEquals(143, child.exitValue(), err);
        assertTrue(err.contains("stopped by a signal after"), err);
        final Matcher events = Pattern.compile("\"events\":(\\d+)").matcher(Files.readString(dir.resolve("child.out")));
        assertTrue(events.find(), "the JSON report is printed");
        assertTrue(Long.parseLong(events.group(1)) > 0, "the report counts the frames taken");
        final StringWriter verify = new StringWriter();
        assertEquals(0, tool(verify, "verify", journal.toString(), "--format", "json"), verify.toString());
        assertTrue(verify.toString().contains("\"unsealed\":0") && !verify.toString().matches(
            "(?s).*\"unsealed\":[1-9].*"), "both queues sealed to their last record: " + verify);
        assertEquals(0, tool(new StringWriter(), "replay", journal.toString(), "--verify"),
            "the decisions replay identically");
    }

    /** Until the engine has journaled an input (dump reads a queue while it is written). */
    private static void awaitFirstInput(final Process child, final Path journal) throws IOException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!hasQueueFile(journal.resolve("inputs")) || !hasInput(journal))
        {
            assertTrue(child.isAlive() && System.nanoTime() < deadlineNs, "the engine starts journaling");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static boolean hasQueueFile(final Path queue) throws IOException
    {
        if (!Files.isDirectory(queue))
        {
            return false;
        }
        try (var files = Files.list(queue))
        {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".cq4"));
        }
    }

    private static boolean hasInput(final Path journal)
    {
        final StringWriter out = new StringWriter();
        tool(out, "dump", journal.toString(), "--queue", "inputs", "--to-seq", "0");
        return !out.toString().isBlank();
    }

    private static int tool(final StringWriter out, final String... args)
    {
        return HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
    }
}
