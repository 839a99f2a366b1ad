package io.hedgeflow.pipeline;

import io.hedgeflow.cli.HedgeflowTool;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill -9 loop: a child JVM runs the engine on a journal, the test kills it at random moments, then checks the
 * journal (verify passes, no gap, no duplicate, every journaled decision is what replay produces) and starts it again; a last
 * run finishes and the whole journal replays to identical decisions. The journal rolls every second, so kills
 * also land across rolls. Slow: run by {@code scripts/test --slow}.
 */
@Tag("slow")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class KillRestartLoopTest
{
    private static final int KILLS = 6;

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
            final long waitMs = 3_000 + random.nextLong(3_000);
            assertTrue(!child.waitFor(waitMs, TimeUnit.MILLISECONDS), "the engine must still be running when killed");
            child.destroyForcibly().waitFor();
            final long inputs = checkJournal(journal, false);
            assertTrue(inputs >= before, "nothing journaled is lost: " + inputs + " < " + before);
            before = inputs;
        }
        final Process last = engine(journal, 20_000);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue(), new String(last.getErrorStream().readAllBytes()));
        assertTrue(checkJournal(journal, true) > before);
    }

    /** Sequences contiguous from 0; decisions a prefix of (or, when complete, equal to) what replay produces. */
    private static long checkJournal(final Path journal, final boolean complete)
    {
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
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(Arrays.asList(System.getProperty("hedgeflow.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HedgeflowTool.class.getName(),
            "run", "--feed", "sim", "--seed", "77", "--rate", "100000", "--events", Long.toString(events),
            "--journal", journal.toString(), "--config", config().toString()));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("child.out").toFile())
            .redirectError(ProcessBuilder.Redirect.PIPE).start();
    }
}
