package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * The three pipeline stages on one thread ({@link ThreadLayout#COMBINED}): per event the input is journaled, then
 * the logic runs, then its orders are published; each stage does its end-of-batch work on the same endOfBatch.
 * An exception in a stage skips the later stages for that event, so no order leaves for an input whose
 * journaling failed.
 */
final class CombinedHandler implements EventHandler<FrameEvent>
{
    private final InputJournalHandler journaler;
    private final LogicHandler logic;
    private final OrderPublishHandler publisher;

    CombinedHandler(final InputJournalHandler journaler, final LogicHandler logic, final OrderPublishHandler publisher)
    {
        this.journaler = journaler;
        this.logic = logic;
        this.publisher = publisher;
    }

    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        journaler.onEvent(event, sequence, endOfBatch);
        logic.onEvent(event, sequence, endOfBatch);
        publisher.onEvent(event, sequence, endOfBatch);
    }
}
