package io.hedgeflow.pipeline;

import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.status.EngineCounters;

/**
 * Pipeline stage: appends every input frame, as received, to the inputs journal, before the logic sees it.
 * At the end of each batch and in idle duty cycles it touches the journal's pages ahead of use
 * ({@link JournalAppender#pretouch()}), so appends rarely fault a new page.
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
        inputs.append(event.input, 0, event.inputLength, event.receiveNs, sequence);
    }

    /** End of a batch: publishes the frames waiting behind it (backlog) and pre-touches the next page. */
    void onBatchEnd(final long backlog)
    {
        counters.journalLag(backlog);
        inputs.pretouch();
    }

    /** No frame this duty cycle: touches the next inputs journal page ahead of the writer, if any is left. */
    void onIdle()
    {
        inputs.pretouch();
    }
}
