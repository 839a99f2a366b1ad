package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;
import io.hedgeflow.journal.JournalAppender;

/** Pipeline stage: appends every input frame, as received, to the inputs journal (parallel with the logic). */
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
    }
}
