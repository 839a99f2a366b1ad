package io.hedgeflow.journal;

import java.nio.file.Path;

/**
 * Opens journals for tests with a fixed session header, so records and links do not depend on the clock or JVM.
 */
final class TestJournals
{
    /** 2026-01-01T00:00:00Z. */
    static final long CREATED_NS = 1_767_225_600_000_000_000L;
    static final JournalHeader HEADER =
        new JournalHeader(JournalHeader.FORMAT_VERSION, "", CREATED_NS, "0.1.0-test", "config-1", 256, "25");

    private TestJournals()
    {
    }

    static JournalContext context(final Path directory)
    {
        return new JournalContext().directory(directory).header(HEADER);
    }

    static Journal open(final Path directory)
    {
        return Journal.open(context(directory));
    }
}
