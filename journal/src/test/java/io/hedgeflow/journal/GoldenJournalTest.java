package io.hedgeflow.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Format compatibility: the golden journal committed under src/test/resources/golden (see {@link GoldenJournal})
 * stays readable and verifiable, and is byte for byte what this code writes.
 */
class GoldenJournalTest
{
    @TempDir
    Path dir;

    @Test
    void shouldVerifyTheCommittedGoldenJournal() throws IOException, URISyntaxException
    {
        final Path golden = copyOfCommitted();

        try (Journal journal = Journal.openReadOnly(golden))
        {
            final Verification verification = Verifier.verify(journal);
            assertTrue(verification.intact(), verification.toString());
            assertNull(verification.firstBroken());
            for (final QueueVerification queue : List.of(verification.inputs(), verification.decisions()))
            {
                assertEquals(2, queue.headers(), queue.toString());
                assertTrue(queue.fromStart());
                assertEquals(0, queue.unsealed());
            }
            assertEquals(GoldenJournal.INPUTS, verification.inputs().records());
            assertEquals(GoldenJournal.DECISIONS, verification.decisions().records());
        }
    }

    @Test
    void shouldReadTheCommittedGoldenJournalsHeadersAndRecords() throws IOException, URISyntaxException
    {
        final Path golden = copyOfCommitted();

        try (Journal journal = Journal.openReadOnly(golden);
            JournalReader inputs = journal.inputsReader();
            JournalReader decisions = journal.decisionsReader())
        {
            assertEquals(GoldenJournal.FIRST_SESSION.forQueue(Journal.INPUTS), inputs.header());
            assertEquals(GoldenJournal.FIRST_SESSION.forQueue(Journal.DECISIONS), decisions.header());
            final List<Long> sequences = new ArrayList<>();
            final FramePrinter printer = new FramePrinter();
            final StringBuilder lines = new StringBuilder();
            while (inputs.read((buffer, offset, length, stamp, sequence, index) ->
            {
                sequences.add(sequence);
                assertEquals(TestFrames.TIME_NS + sequence, stamp);
                printer.print(buffer, offset, length, stamp, sequence, FramePrinter.Format.TEXT, lines);
                lines.append('\n');
            }))
            {
            }
            assertEquals(GoldenJournal.INPUTS, sequences.size());
            assertEquals(GoldenJournal.INPUTS - 1, sequences.getLast());
            assertTrue(lines.toString().contains(" HedgeDecision decisionId=9 "), lines.toString());
            assertTrue(!lines.toString().contains(" invalid "), lines.toString());
            assertEquals(GoldenJournal.DECISIONS, decisions.count());
        }
    }

    @Test
    void shouldReadTheCommittedGoldenJournalFromItsMappedFilesAsChronicleDoes() throws IOException, URISyntaxException
    {
        final Path golden = copyOfCommitted();

        for (final String queue : List.of(Journal.INPUTS, Journal.DECISIONS))
        {
            final List<byte[]> expected = QueueFiles.records(golden, queue);
            final List<byte[]> actual = QueueFiles.mappedRecords(golden, queue);
            assertEquals(expected.size(), actual.size(), queue);
            for (int i = 0; i < expected.size(); i++)
            {
                assertArrayEquals(expected.get(i), actual.get(i), queue + " record " + i);
            }
        }
    }

    @Test
    void shouldWriteTheGoldenJournalByteForByteAsCommitted() throws IOException, URISyntaxException
    {
        final Path committed = copyOfCommitted();
        final Path fresh = dir.resolve("fresh");
        GoldenJournal.write(fresh);

        for (final String queue : List.of(Journal.INPUTS, Journal.DECISIONS))
        {
            assertEquals(fileNames(committed.resolve(queue)), fileNames(fresh.resolve(queue)));
            final List<byte[]> expected = QueueFiles.records(committed, queue);
            final List<byte[]> actual = QueueFiles.records(fresh, queue);
            assertEquals(expected.size(), actual.size(), queue);
            for (int i = 0; i < expected.size(); i++)
            {
                assertArrayEquals(expected.get(i), actual.get(i), queue + " record " + i + " differs from the " +
                    "committed golden journal: if the format changed on purpose, bump JournalHeader.FORMAT_VERSION, " +
                    "keep reading the old format and regenerate (see GoldenJournal)");
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "hedgeflow.golden.regenerate", matches = "true")
    void regenerateTheCommittedGoldenJournal() throws IOException
    {
        final Path target = Path.of(System.getProperty("hedgeflow.root"), "journal/src/test/resources/golden");
        for (final String queue : List.of(Journal.INPUTS, Journal.DECISIONS))
        {
            try (Stream<Path> files = Files.exists(target.resolve(queue)) ? Files.walk(target.resolve(queue)) :
                Stream.empty())
            {
                for (final Path path : files.sorted((a, b) -> b.compareTo(a)).toList())
                {
                    Files.delete(path);
                }
            }
        }
        GoldenJournal.write(target);
    }

    @Test
    void shouldVerifyAndPrintTheGoldenJournalOfSchemaVersionTwoWithoutInstrumentFees()
        throws IOException, URISyntaxException
    {
        final Path old = copyOfCommitted("golden-schema-v2");

        try (Journal journal = Journal.openReadOnly(old); JournalReader inputs = journal.inputsReader())
        {
            assertTrue(Verifier.verify(journal).intact());
            final FramePrinter printer = new FramePrinter();
            final StringBuilder lines = new StringBuilder();
            while (inputs.read((buffer, offset, length, stamp, sequence, index) ->
            {
                printer.print(buffer, offset, length, stamp, sequence, FramePrinter.Format.TEXT, lines);
                lines.append('\n');
            }))
            {
            }
            assertTrue(lines.toString().contains(" symbol=BTC-1JAN26-100000-C makerFee=null takerFee=null\n"),
                lines.toString());
            assertTrue(!lines.toString().contains(" invalid "), lines.toString());
        }
    }

    private Path copyOfCommitted() throws IOException, URISyntaxException
    {
        return copyOfCommitted("golden");
    }

    /**
     * A committed golden journal (golden: this code's; golden-schema-v2: written before the instrument fees, schema
     * version 2), copied so opening it can never change the committed files.
     */
    private Path copyOfCommitted(final String name) throws IOException, URISyntaxException
    {
        final Path source = Path.of(getClass().getResource("/" + name).toURI());
        final Path copy = dir.resolve(name);
        try (Stream<Path> files = Files.walk(source))
        {
            for (final Path path : files.toList())
            {
                Files.copy(path, copy.resolve(source.relativize(path).toString()));
            }
        }
        return copy;
    }

    private static List<String> fileNames(final Path queue) throws IOException
    {
        try (Stream<Path> files = Files.list(queue))
        {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".cq4"))
                .sorted().toList();
        }
    }
}
