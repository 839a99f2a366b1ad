package io.hedgeflow.cluster;

import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalHeader;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.journal.RecordHandler;
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
 * <p>
 * Each output frame has an output sequence: its 1-based position among the data records of the decisions queue, the
 * same on every member. The latest outputs are also kept in an {@link OutputRing}, so that resend requests are
 * answered from memory; older ones are read from the decisions queue ({@link #readOutputs}).
 */
final class ClusterJournal implements AutoCloseable
{
    private final Path directory;
    private final JournalRollCycle rollCycle;
    private final String configDigest;
    private final OutputRing ring;
    private Journal journal;
    private JournalAppender inputs;
    private JournalAppender decisions;
    private long lastInput = -1;
    private long currentTrigger = -1;
    private long outputs;
    private long journaledOutputs;
    private long firstRing;
    private OutputHandler handler;
    private long after;
    private long last;
    private long read;
    private final RecordHandler onJournaled = this::onJournaledDecision;
    private final RecordHandler onRead = this::onReadDecision;

    ClusterJournal(
        final Path directory, final JournalRollCycle rollCycle, final String configDigest, final OutputRing ring)
    {
        this.directory = directory;
        this.rollCycle = rollCycle;
        this.configDigest = configDigest;
        this.ring = ring;
    }

    /**
     * Opens the journal if not open yet: reads where it ends and the outputs of the inputs before firstRing.
     *
     * @param createdNs the session header's creation time when the journal is opened now.
     * @param firstRing ring sequence of the next input the member applies.
     */
    void open(final long createdNs, final long firstRing)
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
        this.firstRing = firstRing;
        try (JournalReader reader = journal.decisionsReader())
        {
            while (reader.read(onJournaled))
            {
            }
        }
        inputs = journal.inputsAppender();
        decisions = journal.decisionsAppender();
    }

    /** Journals an applied input, unless the journal holds it already. */
    void onInput(final DirectBuffer buffer, final int offset, final int length, final long stampNs, final long ring)
    {
        open(stampNs, ring);
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
    }

    /**
     * Journals an output frame of the last input, unless the journal holds it already, and keeps it in the ring.
     *
     * @return its output sequence.
     */
    long onOutput(final DirectBuffer buffer, final int offset, final int length, final long stampNs)
    {
        final long sequence = ++outputs;
        if (sequence > journaledOutputs)
        {
            decisions.append(buffer, offset, length, stampNs, currentTrigger);
            journaledOutputs = sequence;
        }
        ring.add(sequence, buffer, offset, length);
        return sequence;
    }

    /** Output sequence of the last output applied, 0 before the first. */
    long outputs()
    {
        return outputs;
    }

    /**
     * Reads the outputs after afterOutput up to lastOutput from the decisions queue, walking it from its start (for
     * those the ring no longer holds).
     *
     * @return the first output sequence delivered, or lastOutput + 1 when the queue holds none of them.
     */
    long readOutputs(final long afterOutput, final long lastOutput, final OutputHandler outputHandler)
    {
        handler = outputHandler;
        after = afterOutput;
        last = lastOutput;
        read = 0;
        try (JournalReader reader = journal.decisionsReader())
        {
            while (read < last && reader.read(onRead))
            {
            }
        }
        handler = null;
        return read > after ? after + 1 : lastOutput + 1;
    }

    public void close()
    {
        if (journal != null)
        {
            journal.close();
            journal = null;
        }
    }

    /** A journaled decision at open: the outputs of inputs before the first one applied now are applied already. */
    private void onJournaledDecision(final DirectBuffer buffer, final int offset, final int length, final long stamp,
        final long trigger, final long index)
    {
        journaledOutputs++;
        if (trigger < firstRing)
        {
            outputs++;
            ring.add(outputs, buffer, offset, length);
        }
    }

    private void onReadDecision(final DirectBuffer buffer, final int offset, final int length, final long stamp,
        final long trigger, final long index)
    {
        read++;
        if (read > after && read <= last)
        {
            handler.onOutput(read, buffer, offset, length);
        }
    }

    /** Receives outputs read back from the journal. */
    @FunctionalInterface
    interface OutputHandler
    {
        /** One output frame with its output sequence, valid only during the call. */
        void onOutput(long sequence, DirectBuffer buffer, int offset, int length);
    }
}
