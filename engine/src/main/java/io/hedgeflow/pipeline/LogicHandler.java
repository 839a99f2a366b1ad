package io.hedgeflow.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Cursored;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.status.EngineCounters;
import io.hedgeflow.replay.SnapshotStore;
import org.HdrHistogram.Histogram;
import org.agrona.ExpandableArrayBuffer;

import java.nio.file.Path;

/**
 * Pipeline stage: runs {@link HedgeLogic} on each input and leaves its output frames in the slot. Records
 * tick-to-decision latency (receive time to the end of the logic's work) once {@code measureFrom} is reached,
 * publishes the logic's counters at the end of each batch, and writes a logic snapshot every snapshotInterval
 * inputs (at the end of a batch).
 */
final class LogicHandler implements EventHandler<FrameEvent>
{
    private final HedgeLogic logic;
    private final Histogram latency;
    private final EngineCounters counters;
    private final Cursored ring;
    private final long base;
    private final Path journalDir;
    private final long snapshotInterval;
    private final ExpandableArrayBuffer snapshotBuffer = new ExpandableArrayBuffer(1 << 20);
    private long nextSnapshot;
    private volatile long measureFrom = Long.MAX_VALUE;

    LogicHandler(
        final HedgeLogic logic,
        final Histogram latency,
        final EngineCounters counters,
        final Cursored ring,
        final long base,
        final Path journalDir,
        final long snapshotInterval)
    {
        this.base = base;
        this.journalDir = journalDir;
        this.snapshotInterval = snapshotInterval;
        this.nextSnapshot = base + snapshotInterval;
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
            counters.update(logic.counters(), logic.killSwitchEngaged(), ring.getCursor() - sequence);
            if (snapshotInterval > 0 && base + sequence >= nextSnapshot)
            {
                SnapshotStore.write(journalDir, logic, base + sequence, snapshotBuffer);
                nextSnapshot = base + sequence + snapshotInterval;
            }
        }
    }
}
