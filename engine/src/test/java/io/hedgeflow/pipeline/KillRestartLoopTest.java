package io.hedgeflow.pipeline;

import io.hedgeflow.cli.ChildJvm;
import io.hedgeflow.config.Defaults;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.journal.Verification;
import io.hedgeflow.journal.Verifier;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.replay.ReplayResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 loops: a child JVM runs the engine on a journal, the test kills it at random moments, then checks the
 * journal (verify passes, no gap, no duplicate, every journaled decision is what replay produces) and starts it
 * again; a last run finishes and the whole journal replays to identical decisions. The journal rolls every second,
 * so kills also land across rolls (and, with the short waits, during start-up and recovery). The last run's feed
 * goes 20,000 frames past every frame journaled (it replays the same seed, whose frames already journaled are
 * skipped; the journal holds at least as many inputs as frames), so it must journal new inputs. The second loop kills
 * the engine while it receives a UDP feed that {@code hedgeflow send} plays from another process. Slow: run by
 * {@code scripts/test --slow}.
 */
@Tag("slow")
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class KillRestartLoopTest
{
    private static final int KILLS = 100;
    private static final int UDP_KILLS = 10;
    private static final int UDP_FRAMES = 200_000;
    private static final long MIN_RUN_MS = 1_000;
    private static final long RANDOM_RUN_MS = 1_500;

    @TempDir
    Path dir;

    @Test
    void shouldLoseOrRepeatNothingAcrossRepeatedKills() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final SplittableRandom random = new SplittableRandom(2026);
        long before = 0;
        for (int kill = 0; kill < KILLS; kill++)
        {
            final Process child = engine(journal, 5_000_000);
            final long waitMs = MIN_RUN_MS + random.nextLong(RANDOM_RUN_MS);
            assertTrue(!child.waitFor(waitMs, TimeUnit.MILLISECONDS), "the engine must still be running when killed");
            child.destroyForcibly().waitFor();
            final long inputs = checkJournal(journal, false);
            assertTrue(inputs >= before, "nothing journaled is lost: " + inputs + " < " + before);
            before = inputs;
        }
        final Process last = engine(journal, before + 20_000);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue(), Files.readString(dir.resolve("child.err")));
        final long inputs = checkJournal(journal, true);
        assertTrue(inputs > before, "the last run journals new inputs: " + inputs + " <= " + before);
    }

    @Test
    void shouldLoseOrRepeatNothingAcrossKillsWhileReceivingAUdpFeed() throws Exception
    {
        final Path journal = dir.resolve("journal");
        final Path capture = Sessions.record(dir.resolve("sim.cap"), 77, UDP_FRAMES);
        final SplittableRandom random = new SplittableRandom(2027);
        long before = 0;
        for (int kill = 0; kill < UDP_KILLS; kill++)
        {
            final int port;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
            {
                port = probe.getLocalPort();
            }
            final Path err = dir.resolve("udp-engine-" + kill + ".err");
            final Process child = child(err, "run", "--feed", "udp://127.0.0.1:" + port, "--warmup-events", "0",
                "--journal", journal.toString(), "--config", config().toString());
            awaitListening(child, err);
            final Process sender = child(dir.resolve("send.err"), "send", "--file", capture.toString(),
                "--to", "udp://127.0.0.1:" + port, "--rate", "50000");
            final long waitMs = MIN_RUN_MS + random.nextLong(RANDOM_RUN_MS);
            assertTrue(!child.waitFor(waitMs, TimeUnit.MILLISECONDS), "the engine must still be running when killed");
            assertTrue(sender.isAlive(), "the feed was still being sent when the engine was killed");
            child.destroyForcibly().waitFor();
            sender.destroyForcibly().waitFor();
            final long inputs = checkJournal(journal, false);
            assertTrue(inputs >= before, "nothing journaled is lost: " + inputs + " < " + before);
            before = inputs;
        }
        assertTrue(before > 0, "the engine journaled the UDP feed");
    }

    private static void awaitListening(final Process child, final Path err) throws IOException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.readString(err).contains("listening on"))
        {
            assertTrue(child.isAlive() && System.nanoTime() < deadlineNs, Files.readString(err));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /**
     * 0 before the first queue file exists; else sequences contiguous from 0, decisions a prefix of (or, when
     * complete, equal to) what replay produces.
     */
    private static long checkJournal(final Path journal, final boolean complete) throws IOException
    {
        if (!hasQueueFiles(journal.resolve(Journal.INPUTS)))
        {
            return 0;
        }
        try (Journal j = Journal.openReadOnly(journal))
        {
            final Verification verification = Verifier.verify(j);
            assertTrue(verification.intact(), "verify: " + verification.firstBroken());
        }
        final List<Long> sequences = new ArrayList<>();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.inputsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) -> sequences.add(sequence)))
            {
                assertEquals(sequences.size() - 1L, sequences.getLast(), "ring sequence without gap or duplicate");
            }
        }
        try (Journal j = Journal.openReadOnly(journal))
        {
            final ReplayResult result = Sessions.replay(j, logicContext());
            if (complete)
            {
                assertNull(result.difference());
            }
            else
            {
                assertTrue(result.difference() == null || result.difference().contains("missing from the journal"),
                    result.difference());
            }
        }
        return sequences.size();
    }

    /** False while a kill during the first start-up left no queue file yet (nothing journaled). */
    private static boolean hasQueueFiles(final Path queue) throws IOException
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

    private static LogicContext logicContext()
    {
        return Defaults.logicContext();
    }

    /** The built-in configuration with a journal that rolls every second, so kills land across rolls. */
    private Path config() throws IOException
    {
        final Path config = dir.resolve("roll-every-second.yaml");
        final String builtIn = Files.readString(Path.of(System.getProperty("hedgeflow.root", ".."), "config",
            "hedgeflow.yaml"));
        return Files.writeString(config, builtIn.replace("rollCycle: HOURLY", "rollCycle: SECONDLY"));
    }

    private Process engine(final Path journal, final long events) throws IOException
    {
        return child(dir.resolve("child.err"), "run", "--feed", "sim", "--seed", "77", "--rate", "100000",
            "--warmup-events", "0", "--events", Long.toString(events), "--journal", journal.toString(), "--config",
            config().toString());
    }

    /** A hedgeflow command in a child JVM with the project's flags, stderr to err. */
    private Process child(final Path err, final String... args) throws IOException
    {
        return ChildJvm.start(dir.resolve("child.out"), err, args);
    }
}
