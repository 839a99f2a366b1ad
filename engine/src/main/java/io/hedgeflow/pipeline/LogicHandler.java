package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Cursored;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.status.EngineCounters;
import org.HdrHistogram.Histogram;

/**
 * Pipeline stage: runs {@link HedgeLogic} on each input and leaves its output frames in the slot. Records
 * tick-to-decision latency (receive time to the end of the logic's work) once {@code measureFrom} is reached,
 * and publishes the logic's counters at the end of each batch.
 */
final class LogicHandler implements EventHandler<FrameEvent>
{
    private final HedgeLogic logic;
    private final Histogram latency;
    private final EngineCounters counters;
    private final Cursored ring;
    private final long base;
    private volatile long measureFrom = Long.MAX_VALUE;

    LogicHandler(
        final HedgeLogic logic,
        final Histogram latency,
        final EngineCounters counters,
        final Cursored ring,
        final long base)
    {
        this.base = base;
        this.logic = logic;
        this.latency = latency;
        this.counters = counters;
        this.ring = ring;
    }

    /** Starts recording latency from the given ring sequence on. */
    void measureFrom(final long sequence)
    {
        measureFrom = sequence;
    }

    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        event.outputLength = logic.onFrame(event.input, 0, event.inputLength, base + sequence, event.output, 0);
        if (sequence >= measureFrom)
        {
            latency.recordValue(Math.max(0L, System.nanoTime() - event.receiveNs));
        }
        if (endOfBatch)
        {
            counters.update(logic.counters(), ring.getCursor() - sequence);
        }
    }
}
