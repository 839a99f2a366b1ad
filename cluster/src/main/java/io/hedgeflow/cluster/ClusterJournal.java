package io.hedgeflow.cluster;

import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalHeader;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.pipeline.Engine;
import io.hedgeflow.pipeline.JournalRollCycle;
import jdk.incubator.vector.DoubleVector;
import org.agrona.DirectBuffer;

import java.nio.file.Path;

/**
 * A member's engine journal, written as the member applies the replicated log: every input at its ring sequence
 * (the count of ingress messages applied before it), every output frame of the logic with the trigger's ring
 * sequence, so {@code verify}, {@code dump} and {@code replay --verify} work on any member's journal and the data
 * records of all members' decisions queues are byte-identical. Records carry nothing of the member: an input's stamp
 * is the log entry's cluster timestamp (the leader's, the same on every member), a decision's its logic time; the
 * session header's creation time is the cluster timestamp of the first entry this process applies.
 * <p>
 * A restarted member replays the log from its latest cluster snapshot, so it applies again inputs that its journal
 * already holds: those inputs, and the decisions already journaled for them, are not written twice.
 */
final class ClusterJournal implements AutoCloseable
{
    private final Path directory;
    private final JournalRollCycle rollCycle;
    private final String configDigest;
    private Journal journal;
    private JournalAppender inputs;
    private JournalAppender decisions;
    private long lastInput = -1;
    private long lastTrigger = -1;
    private long decisionsOfLastTrigger;
    private long currentTrigger = -1;
    private long decisionsOfCurrentTrigger;

    ClusterJournal(final Path directory, final JournalRollCycle rollCycle, final String configDigest)
    {
        this.directory = directory;
        this.rollCycle = rollCycle;
        this.configDigest = configDigest;
    }

    /** Journals an applied input, unless the journal holds it already. */
    void onInput(final DirectBuffer buffer, final int offset, final int length, final long stampNs, final long ring)
    {
        open(stampNs);
        if (ring > lastInput + 1)
        {
            throw new IllegalStateException(directory + ": the journal ends at input " + lastInput + " but the " +
                "member applies input " + ring + " (its cluster snapshot is ahead of its journal): move the journal " +
                "away and restore the member from another member's directory");
        }
        if (ring > lastInput)
        {
            inputs.append(buffer, offset, length, stampNs, ring);
            lastInput = ring;
        }
        currentTrigger = ring;
        decisionsOfCurrentTrigger = 0;
    }

    /** Journals an output frame of the last input, unless the journal holds it already. */
    void onOutput(final DirectBuffer buffer, final int offset, final int length, final long stampNs)
    {
        decisionsOfCurrentTrigger++;
        if (currentTrigger > lastTrigger ||
            (currentTrigger == lastTrigger && decisionsOfCurrentTrigger > decisionsOfLastTrigger))
        {
            decisions.append(buffer, offset, length, stampNs, currentTrigger);
        }
    }

    public void close()
    {
        if (journal != null)
        {
            journal.close();
            journal = null;
        }
    }

    private void open(final long createdNs)
    {
        if (journal != null)
        {
            return;
        }
        final JournalHeader header = new JournalHeader(JournalHeader.FORMAT_VERSION, "", createdNs, Engine.VERSION,
            configDigest, DoubleVector.SPECIES_PREFERRED.vectorBitSize(), Runtime.version().toString());
        journal = Journal.open(new JournalContext().directory(directory).rollCycle(rollCycle.rollCycle())
            .header(header));
        try (JournalReader reader = journal.inputsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) -> lastInput = sequence))
            {
            }
        }
        try (JournalReader reader = journal.decisionsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) -> onJournaledDecision(sequence)))
            {
            }
        }
        inputs = journal.inputsAppender();
        decisions = journal.decisionsAppender();
    }

    private void onJournaledDecision(final long trigger)
    {
        decisionsOfLastTrigger = trigger == lastTrigger ? decisionsOfLastTrigger + 1 : 1;
        lastTrigger = trigger;
    }
}
