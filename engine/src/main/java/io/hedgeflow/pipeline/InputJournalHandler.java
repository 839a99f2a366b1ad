package io.hedgeflow.pipeline;

import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.status.EngineCounters;

/**
 * Pipeline stage: appends every input frame, as received, to the inputs journal's current batch before the logic
 * sees it ({@link JournalAppender#appendToBatch}); the batch reaches the queue as one excerpt when it is committed:
 * at the end of each batch of frames, and before anything made from its inputs leaves the process
 * ({@link OrderPublishHandler}). At the end of each batch and in idle duty cycles it touches the journal's pages
 * ahead of use ({@link JournalAppender#pretouch()}), so appends rarely fault a new page.
 */
final class InputJournalHandler
{
    private final JournalAppender inputs;
    private final EngineCounters counters;

    InputJournalHandler(final JournalAppender inputs, final EngineCounters counters)
    {
        this.inputs = inputs;
        this.counters = counters;
    }

    /** Journals the input at its journal sequence. */
    void onInput(final FrameEvent event, final long sequence)
    {
        inputs.appendToBatch(event.input, 0, event.inputLength, event.receiveNs, sequence);
    }

    /** Writes the inputs staged since the last commit to the journal, as one excerpt. */
    void commit()
    {
        inputs.commitBatch();
    }

    /**
     * End of a batch: commits its inputs, publishes the frames waiting behind it (backlog) and pre-touches the next
     * page.
     */
    void onBatchEnd(final long backlog)
    {
        inputs.commitBatch();
        counters.journalLag(backlog);
        inputs.pretouch();
    }

    /**
     * No frame this duty cycle: commits inputs staged outside a batch (a control input), then touches the next
     * inputs journal page ahead of the writer, if any is left.
     */
    void onIdle()
    {
        inputs.commitBatch();
        inputs.pretouch();
    }
}
