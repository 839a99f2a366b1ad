package io.hedgeflow.cli;

import io.hedgeflow.codecs.HedgeDecisionEncoder;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.journal.FramePrinter;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code dump} filters and formats, and {@code verify} reports and exit codes, on a small journal. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JournalCommandsTest extends CommandTest
{
    private static final int QUOTES = 10;

    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final FrameEncoder frame = new FrameEncoder();
    private Path journal;

    /** Inputs: Quotes of instruments 0..9 with sequences 0..9; decisions: a HedgeDecision on 3 for each of 7..9. */
    @BeforeEach
    void writeJournal()
    {
        journal = dir.resolve("journal");
        try (Journal j = Journal.open(new JournalContext().directory(journal)
            .header(JournalHeader.session("test", "config", 256))))
        {
            for (int i = 0; i < QUOTES; i++)
            {
                quote(j.inputsAppender(), i);
            }
            for (int i = 7; i < QUOTES; i++)
            {
                decision(j.decisionsAppender(), i);
            }
        }
    }

    @Test
    void shouldDumpARangeOfSequencesAsCsv()
    {
        assertEquals(0, run("dump", journal.toString(), "--queue", "inputs", "--format", "csv", "--from-seq", "2",
            "--to-seq", "4"), err.toString());

        final List<String> lines = out.toString().lines().toList();
        assertEquals(List.of(FramePrinter.CSV_HEADER, "2,2000,Quote,1,2,1767225600000000002,2,\"instrumentId=2 " +
            "bidPrice=100002 bidSize=1 askPrice=100003 askSize=2\""), lines.subList(0, 2));
        assertEquals(4, lines.size());
    }

    @Test
    void shouldDumpTheRecordsOfATypeAndInstrument()
    {
        assertEquals(0, run("dump", journal.toString(), "--type", "Quote,HedgeDecision", "--instrument", "3"));
        assertEquals(3, out.toString().lines().filter(line -> line.contains(" HedgeDecision ")).count(), out.toString());

        assertEquals(0, run("dump", journal.toString(), "--queue", "inputs", "--instrument", "3", "--format", "json"));
        assertEquals(1, out.toString().lines().count(), out.toString());
        assertTrue(out.toString().startsWith("{\"type\":\"Quote\",\"sequence\":3,"), out.toString());

        assertEquals(0, run("dump", journal.toString(), "--queue", "inputs", "--type", "Trade"));
        assertEquals("", out.toString());
    }

    @Test
    void shouldExitTwoOnASequenceRangeThatCannotMatch()
    {
        assertEquals(2, run("dump", journal.toString(), "--from-seq", "10", "--to-seq", "5"));
        assertEquals("hedgeflow dump: --from-seq 10 is after --to-seq 5: no record can match",
            err.toString().strip());
    }

    @Test
    void shouldExitTwoOnAnUnknownMessageType()
    {
        assertEquals(2, run("dump", journal.toString(), "--type", "Quote,Qoute"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("unknown message type 'Qoute'"), err.toString());
    }

    @Test
    void shouldFollowAJournalUntilInterrupted() throws InterruptedException
    {
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread follower = new Thread(() -> code.set(
            HedgeflowTool.execute(new PrintWriter(out), new PrintWriter(err), "dump", journal.toString(),
                "--queue", "inputs", "--follow")));
        follower.start();
        try (Journal j = Journal.open(new JournalContext().directory(journal)
            .header(JournalHeader.session("test", "config", 256))))
        {
            quote(j.inputsAppender(), QUOTES);
            while (!out.toString().contains(" instrumentId=" + QUOTES + " "))
            {
                Thread.onSpinWait();
            }
        }
        follower.interrupt();
        follower.join();

        assertEquals(0, code.get(), err.toString());
        assertEquals(QUOTES + 1, out.toString().lines().count(), out.toString());
    }

    @Test
    void shouldVerifyAnIntactJournalAndReportCountsAndSpeed()
    {
        assertEquals(0, run("verify", journal.toString()), err.toString());

        final List<String> lines = out.toString().lines().toList();
        assertEquals(3, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("queue=inputs status=intact records=10 headers=1 seals=1 unsealed=0 " +
            "start=beginning "), lines.get(0));
        assertTrue(lines.get(1).startsWith("queue=decisions status=intact records=3 "), lines.get(1));
        assertTrue(lines.get(2).matches("status=intact records=17 elapsed_ms=[0-9.E]+ records_per_second=\\d+ " +
            "cpu_ms=[0-9.E]+ records_per_cpu_second=\\d+"), lines.get(2));
    }

    @Test
    void shouldExitOneAndNameTheFirstBrokenRecord() throws IOException
    {
        assertEquals(0, run("verify", journal.toString(), "--format", "json"));
        assertTrue(out.toString().startsWith("{\"status\":\"intact\",\"records\":17,"), out.toString());

        flipByteOfDecision(journal, 8);

        assertEquals(1, run("verify", journal.toString()));
        assertTrue(out.toString().contains("queue=inputs status=intact"), out.toString());
        assertTrue(out.toString().matches("(?s).*queue=decisions status=broken records=1 .* broken_index=\\d+ " +
            "broken_file=\\d{8}-\\d{2}F.cq4 broken_position=2 broken_sequence=8 reason=link mismatch.*"),
            out.toString());
        assertEquals(1, run("verify", journal.toString(), "--format", "json"));
        assertTrue(out.toString().contains("\"broken_sequence\":8,"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void shouldExitTwoOnAMissingOrUnreadableJournal() throws IOException
    {
        assertEquals(2, run("verify", dir.resolve("missing").toString()));
        assertOneLine(err.toString(), "no journal");

        final Path unreadable = dir.resolve("unreadable");
        Files.createDirectories(unreadable.resolve(Journal.DECISIONS));
        Files.writeString(Files.createDirectories(unreadable.resolve(Journal.INPUTS)).resolve("metadata.cq4t"),
            "not a Chronicle table store");
        assertEquals(2, run("verify", unreadable.toString()));
        assertOneLine(err.toString(), "cannot read journal");
        assertEquals(2, run("dump", unreadable.toString()));
        assertOneLine(err.toString(), "has no queue files");
    }

    @Test
    void shouldSkipAnUnfinishedLastCycleFileWithANoticeAndRefuseOneBeforeLaterFiles() throws IOException
    {
        final Path unfinished = unfinishedCycleFile(journal, "29991231-22F.cq4");

        assertEquals(0, run("verify", journal.toString()), err.toString());
        assertOneLine(err.toString(), "hedgeflow verify: skipped unfinished cycle file " + unfinished +
            " (crash during a roll: no header, no records)");
        assertTrue(out.toString().contains("queue=inputs status=intact records=10 "), out.toString());
        assertEquals(0, run("dump", journal.toString()), err.toString());
        assertOneLine(err.toString(), "hedgeflow dump: skipped unfinished cycle file " + unfinished);

        Files.copy(cycleFiles(journal).getFirst(), unfinished.resolveSibling("29991231-23F.cq4"));

        assertEquals(2, run("verify", journal.toString()));
        assertOneLine(err.toString(), "unfinished cycle file " + unfinished + " (crash during a roll): later cycle " +
            "files follow it");
        assertTrue(Files.exists(unfinished));
    }

    @Test
    void shouldRemoveAnUnfinishedLastCycleFileWhenRunContinuesAJournal() throws IOException
    {
        final Path session = dir.resolve("session");
        assertEquals(0, run("run", "--feed", "sim", "--events", "2000", "--journal", session.toString()),
            err.toString());
        final Path unfinished = unfinishedCycleFile(session, "29991231-23F.cq4");

        assertEquals(0, run("run", "--feed", "sim", "--events", "2000", "--journal", session.toString()),
            err.toString());

        assertTrue(err.toString().contains("removed unfinished cycle file " + unfinished +
            " (crash during a roll: no header, no records)"), err.toString());
        assertFalse(Files.exists(unfinished));
        assertEquals(0, run("verify", session.toString()), out.toString());
        assertEquals("", err.toString());
    }

    /** A cycle file of zeros, the size of the inputs queue's first file, as a crash during a roll leaves it. */
    private static Path unfinishedCycleFile(final Path journal, final String name) throws IOException
    {
        final Path first = cycleFiles(journal).getFirst();
        final Path unfinished = first.resolveSibling(name);
        try (FileChannel channel = FileChannel.open(unfinished, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(new byte[1]), Files.size(first) - 1);
        }
        return unfinished;
    }

    private static List<Path> cycleFiles(final Path journal) throws IOException
    {
        try (Stream<Path> files = Files.list(journal.resolve(Journal.INPUTS)))
        {
            return files.filter(path -> path.toString().endsWith(".cq4")).sorted().toList();
        }
    }

    private static void assertOneLine(final String text, final String mentions)
    {
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains(mentions), text);
        assertFalse(text.contains("\tat "), text);
    }

    /** Flips a byte in the body of the decision triggered by a sequence, found in the queue file by its bytes. */
    private void flipByteOfDecision(final Path journal, final int sequence) throws IOException
    {
        final byte[] pattern = new byte[encodeDecision(sequence)];
        buffer.getBytes(0, pattern);
        final Path file;
        try (Stream<Path> files = Files.list(journal.resolve(Journal.DECISIONS)))
        {
            file = files.filter(path -> path.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] content = Files.readAllBytes(file);
        for (int i = 0; i + pattern.length <= content.length; i++)
        {
            if (java.util.Arrays.equals(content, i, i + pattern.length, pattern, 0, pattern.length))
            {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
                {
                    channel.write(ByteBuffer.wrap(new byte[]{ (byte)~content[i + 40] }), i + 40);
                }
                return;
            }
        }
        throw new AssertionError("decision not found in " + file);
    }

    private void quote(final JournalAppender appender, final int i)
    {
        final QuoteEncoder quote = new QuoteEncoder();
        frame.begin(buffer, 0, quote, 1, i, 1_767_225_600_000_000_000L + i);
        quote.instrumentId(i).bidPrice(Fixed8.fromDouble(100_000 + i)).bidSize(Fixed8.fromDouble(1))
            .askPrice(Fixed8.fromDouble(100_001 + i)).askSize(Fixed8.fromDouble(2));
        appender.append(buffer, 0, frame.end(quote), 1_000L * i, i);
    }

    private void decision(final JournalAppender appender, final int sequence)
    {
        appender.append(buffer, 0, encodeDecision(sequence), 1_000L * sequence, sequence);
    }

    private int encodeDecision(final int sequence)
    {
        final HedgeDecisionEncoder decision = new HedgeDecisionEncoder();
        frame.begin(buffer, 0, decision, 100, sequence, 1_767_225_600_000_000_000L + sequence);
        decision.decisionId(sequence).triggerSequence(sequence).hedgeInstrumentId(3).deltaBefore(sequence);
        return frame.end(decision);
    }
}
