package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Cursored;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.status.EngineCounters;

/**
 * Pipeline stage: appends every input frame, as received, to the inputs journal (parallel with the logic).
 * At the end of each batch it touches the next journal page ahead of use, so appends rarely fault a new page.
 */
final class InputJournalHandler implements EventHandler<FrameEvent>
{
    private final JournalAppender inputs;
    private final EngineCounters counters;
    private final Cursored ring;
    private final long base;

    InputJournalHandler(
        final JournalAppender inputs, final EngineCounters counters, final Cursored ring, final long base)
    {
        this.base = base;
        this.inputs = inputs;
        this.counters = counters;
        this.ring = ring;
    }

    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        inputs.append(event.input, 0, event.inputLength, event.receiveNs, base + sequence);
        if (endOfBatch)
        {
            counters.journalLag(ring.getCursor() - sequence);
            inputs.pretouch();
        }
    }
}
