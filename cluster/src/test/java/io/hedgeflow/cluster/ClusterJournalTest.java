package io.hedgeflow.cluster;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.pipeline.JournalRollCycle;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Output sequences are positions in the decisions queue: the same after a restart from a snapshot (the outputs the
 * member applies again are numbered as before and not journaled twice), and readable back from the queue.
 */
class ClusterJournalTest
{
    private static final int[] OUTPUTS_PER_INPUT = {2, 1, 0, 2};

    @TempDir
    Path dir;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);

    @Test
    void shouldNumberOutputsByTheirPlaceInTheDecisionsQueueAcrossARestart()
    {
        final OutputRing ring = new OutputRing(4096, 4);
        try (ClusterJournal journal = new ClusterJournal(dir, JournalRollCycle.DAILY, "digest", ring))
        {
            assertEquals(List.of(1L, 2L, 3L), apply(journal, 0, 2));
            assertEquals(3, journal.outputs());
        }
        final OutputRing restarted = new OutputRing(4096, 4);
        try (ClusterJournal journal = new ClusterJournal(dir, JournalRollCycle.DAILY, "digest", restarted))
        {
            journal.open(1, 1);
            assertEquals(2, journal.outputs(), "the snapshot was taken after input 0 and its 2 outputs");
            assertEquals(1, restarted.first());
            assertEquals(3, restarted.end());
            assertEquals(List.of(3L, 4L, 5L), apply(journal, 1, 3), "input 1 again, input 3 for the first time");
            assertEquals(5, restarted.end() - 1);
            assertEquals(2, restarted.first(), "the ring holds the latest 4");

            final List<Long> read = new ArrayList<>();
            assertEquals(2, journal.readOutputs(1, 4, (sequence, buffer, offset, length) ->
            {
                assertEquals(outputTime(sequence), FrameHeader.sendingTimeNs(buffer, offset));
                read.add(sequence);
            }));
            assertEquals(List.of(2L, 3L, 4L), read);
            assertEquals(6, journal.readOutputs(5, 5, (sequence, buffer, offset, length) -> read.add(sequence)),
                "none after the last");
        }
        try (Journal journal = Journal.openReadOnly(dir); JournalReader reader = journal.decisionsReader())
        {
            assertEquals(5, reader.count(), "every output journaled once");
        }
    }

    /** Applies inputs first to last with their outputs; returns the output sequences. */
    private List<Long> apply(final ClusterJournal journal, final int first, final int last)
    {
        final List<Long> sequences = new ArrayList<>();
        long output = 0;
        for (int ring = 0; ring < first; ring++)
        {
            output += OUTPUTS_PER_INPUT[ring];
        }
        for (int ring = first; ring <= last; ring++)
        {
            FrameHeader.write(frame, 0, FrameHeader.MIN_FRAME_LENGTH, 1, ring + 1, ring);
            journal.onInput(frame, 0, FrameHeader.MIN_FRAME_LENGTH, ring, ring);
            for (int k = 0; k < OUTPUTS_PER_INPUT[ring]; k++)
            {
                output++;
                FrameHeader.write(frame, 0, FrameHeader.MIN_FRAME_LENGTH, 0, output, outputTime(output));
                sequences.add(journal.onOutput(frame, 0, FrameHeader.MIN_FRAME_LENGTH, outputTime(output)));
            }
        }
        return sequences;
    }

    private static long outputTime(final long sequence)
    {
        return 1_000 * sequence;
    }
}
