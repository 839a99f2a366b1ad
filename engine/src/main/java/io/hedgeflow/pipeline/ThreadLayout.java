package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.dsl.Disruptor;

/**
 * How the pipeline stages map onto handler threads. Both layouts run the same handlers in the same order per
 * input, so an order is released only after the input that caused it is journaled.
 * <pre>
 *   SPLIT     ring ─┬─► InputJournalHandler ─┐            three handler threads
 *                   └─► LogicHandler ────────┴─► OrderPublishHandler
 *
 *   COMBINED  ring ───► InputJournalHandler ─► LogicHandler ─► OrderPublishHandler   one handler thread
 * </pre>
 * On these 2-core machines COMBINED leaves one core to the feed poller and one to the pipeline
 * (docs/performance-pipeline.md).
 */
public enum ThreadLayout
{
    /** Journaler and logic in parallel on a thread each, the order publisher on a third thread after both. */
    SPLIT,
    /** One thread journals each input, runs the logic on it, then publishes its orders. */
    COMBINED;

    /**
     * Wires the stages into the Disruptor.
     *
     * @return the last handler, whose sequence says an event has been fully processed.
     */
    EventHandler<FrameEvent> wire(
        final Disruptor<FrameEvent> disruptor,
        final InputJournalHandler journaler,
        final LogicHandler logic,
        final OrderPublishHandler publisher)
    {
        if (this == SPLIT)
        {
            disruptor.handleEventsWith(journaler, logic).then(publisher);
            return publisher;
        }
        final CombinedHandler combined = new CombinedHandler(journaler, logic, publisher);
        disruptor.handleEventsWith(combined);
        return combined;
    }
}
