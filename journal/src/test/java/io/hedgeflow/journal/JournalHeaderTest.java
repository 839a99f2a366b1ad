package io.hedgeflow.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class JournalHeaderTest
{
    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final TestFrames frames = new TestFrames();

    @Test
    void shouldStartEachQueueWithTheSessionHeaderAndSkipItWhenReading()
    {
        try (Journal journal = TestJournals.open(dir);
            JournalReader inputs = journal.inputsReader();
            JournalReader decisions = journal.decisionsReader())
        {
            append(journal.inputsAppender(), 1);
            append(journal.inputsAppender(), 2);

            assertEquals(TestJournals.HEADER.forQueue(Journal.INPUTS), inputs.header());
            assertEquals(TestJournals.HEADER.forQueue(Journal.DECISIONS), decisions.header());
            assertEquals(2, inputs.count());
            assertEquals(0, decisions.count());
            final long[] sum = new long[1];
            int read = 0;
            while (inputs.read((buffer, offset, length, stamp, sequence, index) -> sum[0] += sequence))
            {
                read++;
            }
            assertEquals(2, read);
            assertEquals(1 + 2, sum[0]);
            assertFalse(decisions.read((buffer, offset, length, stamp, sequence, index) -> fail("no decisions")));
        }
    }

    @Test
    void shouldKeepTheFirstSessionsHeaderWhenReopenedByAnotherEngine()
    {
        try (Journal journal = TestJournals.open(dir))
        {
            append(journal.inputsAppender(), 1);
        }
        final JournalHeader upgraded = new JournalHeader(JournalHeader.FORMAT_VERSION, "", TestJournals.CREATED_NS,
            "0.2.0", "config-1", 256, "25");
        try (Journal journal = Journal.open(TestJournals.context(dir).header(upgraded)))
        {
            append(journal.inputsAppender(), 2);
        }

        try (Journal journal = Journal.openReadOnly(dir); JournalReader inputs = journal.inputsReader())
        {
            assertEquals("0.1.0-test", inputs.header().engineVersion());
            assertEquals(2, inputs.count());
            assertEquals(2, Verifier.verify(journal).inputs().headers());
        }
    }

    @Test
    void shouldNameTheFieldsThatMayChangeAReplay()
    {
        final JournalHeader other = new JournalHeader(JournalHeader.FORMAT_VERSION, Journal.INPUTS,
            TestJournals.CREATED_NS + 5, "0.1.0-test", "config-2", 512, "25");

        assertEquals(List.of("configDigest: config-1 vs config-2", "vectorBits: 256 vs 512"),
            TestJournals.HEADER.differences(other));
        assertEquals(List.of(), TestJournals.HEADER.differences(TestJournals.HEADER.forQueue(Journal.DECISIONS)),
            "queue name and creation time do not matter");
    }

    @Test
    void shouldRoundTripEveryFieldThroughARecord()
    {
        final JournalHeader header = new JournalHeader(7, "inputs", -3, "é-version", "", 128, "25.0.1+8-LTS");
        final UnsafeBuffer record = new UnsafeBuffer(new byte[JournalHeader.MAX_RECORD_LENGTH]);

        final int length = header.encode(record, 42);

        assertEquals(header, JournalHeader.decode(record, length));
        assertEquals(JournalRecord.HEADER, JournalRecord.sequence(record));
        assertEquals(-3, JournalRecord.stamp(record));
        assertEquals(42, record.getLong(JournalHeader.PREVIOUS_LINK_OFFSET, JournalRecord.ORDER));
        assertThrows(IllegalStateException.class, () -> JournalHeader.decode(record, length - 1));
    }

    @Test
    void shouldDescribeThisJvmInASessionHeader()
    {
        final long before = System.currentTimeMillis();
        final JournalHeader header = JournalHeader.session("1.0", "abc", 256);

        assertEquals(JournalHeader.FORMAT_VERSION, header.formatVersion());
        assertEquals(Runtime.version().toString(), header.jdkVersion());
        assertEquals("abc", header.configDigest());
        assertTrue(header.createdNs() / 1_000_000 >= before, "created now, in ns since the epoch");
    }

    @Test
    void shouldRejectAFieldLongerThanTheLayoutHolds()
    {
        final String longest = "x".repeat(JournalHeader.MAX_STRING_LENGTH);

        assertEquals(longest, JournalHeader.session(longest, longest, 1).engineVersion());
        assertThrows(IllegalArgumentException.class, () -> JournalHeader.session(longest + "x", "", 1));
    }

    private void append(final JournalAppender appender, final long sequence)
    {
        appender.append(buffer, 0, frames.quote(buffer, 0, (int)sequence), sequence, sequence);
    }
}
