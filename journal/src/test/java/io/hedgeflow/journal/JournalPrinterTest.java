package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalPrinterTest
{
    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final TestFrames frames = new TestFrames();
    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);
    private long sequence;

    @Test
    void shouldPrintTheMatchingRecordsAsCsvUnderAHeaderLine()
    {
        try (Journal journal = TestJournals.open(dir); JournalReader reader = journal.inputsReader())
        {
            for (final int templateId : new int[]{ 2, 4, 2, 8 })
            {
                append(journal.inputsAppender(), templateId);
            }
            final JournalPrinter printer = new JournalPrinter(
                new RecordFilter().types(List.of("Quote", "Heartbeat")).fromSequence(1), FramePrinter.Format.CSV, out);

            assertEquals(2, printer.print(reader));
        }

        final List<String> lines = text.toString().lines().toList();
        assertEquals(3, lines.size(), text.toString());
        assertEquals(FramePrinter.CSV_HEADER, lines.get(0));
        assertTrue(lines.get(1).startsWith("2,20,Quote,1,7,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("3,30,Heartbeat,1,7,1767225600000000100,,"), lines.get(2));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void shouldFollowAQueueUntilInterrupted() throws InterruptedException
    {
        try (Journal journal = TestJournals.open(dir))
        {
            append(journal.inputsAppender(), 2);
            final AtomicLong printed = new AtomicLong(-1);
            final Thread follower = new Thread(() ->
            {
                try (Journal readOnly = Journal.openReadOnly(dir); JournalReader reader = readOnly.inputsReader())
                {
                    printed.set(new JournalPrinter(new RecordFilter(), FramePrinter.Format.TEXT, out)
                        .follow(reader, new SleepingMillisIdleStrategy(1)));
                }
            });
            follower.start();
            append(journal.inputsAppender(), 4);
            append(journal.inputsAppender(), 8);
            while (lines() < 3)
            {
                Thread.onSpinWait();
            }
            follower.interrupt();
            follower.join();

            assertEquals(3, printed.get());
        }
        assertTrue(text.toString().lines().toList().get(2).contains(" Heartbeat "), text.toString());
    }

    private long lines()
    {
        return text.toString().lines().count();
    }

    /** Appends a sample frame with the next sequence, from 0, stamped 10 times its sequence. */
    private void append(final JournalAppender appender, final int templateId)
    {
        appender.append(buffer, 0, frames.encode(templateId, buffer, 0), sequence * 10, sequence++);
    }
}
