package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;
import io.hedgeflow.journal.JournalAppender;

/**
 * Pipeline stage: appends every input frame, as received, to the inputs journal (parallel with the logic).
 * At the end of each batch it touches the next journal page ahead of use, so appends rarely fault a new page.
 */
final class InputJournalHandler implements EventHandler<FrameEvent>
{
    private final JournalAppender inputs;

    InputJournalHandler(final JournalAppender inputs)
    {
        this.inputs = inputs;
    }

    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        inputs.append(event.input, 0, event.inputLength, event.receiveNs, sequence);
        if (endOfBatch)
        {
            inputs.pretouch();
        }
    }
}
