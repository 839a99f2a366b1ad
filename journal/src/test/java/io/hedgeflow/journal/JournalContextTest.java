package io.hedgeflow.journal;

import net.openhft.chronicle.queue.RollCycles;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalContextTest
{
    @TempDir
    Path dir;

    @Test
    void shouldNameTheMissingOrInvalidKey()
    {
        assertMessage("directory", new JournalContext().header(TestJournals.HEADER));
        assertMessage("header", new JournalContext().directory(dir));
        assertMessage("rollCycle", TestJournals.context(dir).rollCycle(null));
        assertMessage("sealInterval", TestJournals.context(dir).sealInterval(0));
    }

    @Test
    void shouldDefaultToHourlyFilesAndASealEvery1024Records()
    {
        final JournalContext ctx = TestJournals.context(dir);

        assertEquals(RollCycles.FAST_HOURLY, ctx.rollCycle());
        assertEquals(1024, ctx.sealInterval());
    }

    @Test
    void shouldRollWithTheConfiguredCycleAndReadItBackReadOnly() throws IOException
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[128]);
        final int length = new TestFrames().quote(frame, 0, 1);
        try (Journal journal = Journal.open(TestJournals.context(dir).rollCycle(RollCycles.FAST_DAILY)))
        {
            journal.inputsAppender().append(frame, 0, length, 1, 1);
        }

        final String file = QueueFiles.cycleFile(dir, Journal.INPUTS).getFileName().toString();
        assertTrue(file.matches("\\d{8}F\\.cq4"), file);
        assertEquals(RollCycles.FAST_DAILY, CycleFiles.detectRollCycle(dir.resolve(Journal.INPUTS)));
        try (Journal journal = Journal.openReadOnly(dir); JournalReader reader = journal.inputsReader())
        {
            assertEquals(1, reader.count());
            assertTrue(Verifier.verify(journal).intact());
        }
    }

    private static void assertMessage(final String key, final JournalContext ctx)
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, ctx::conclude);
        assertTrue(error.getMessage().startsWith(key), error.getMessage());
    }
}
