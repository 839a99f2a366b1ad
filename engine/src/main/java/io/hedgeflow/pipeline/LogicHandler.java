package io.hedgeflow.pipeline;

import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.replay.SnapshotStore;
import io.hedgeflow.status.EngineCounters;
import org.agrona.ExpandableArrayBuffer;

import java.nio.file.Path;

/**
 * Pipeline stage: runs {@link HedgeLogic} on each input and leaves its output frames in the slot, and tells when a
 * reconciliation with the venue found a wrong position ({@link #positionBreached()}). At the end of
 * each batch it publishes the logic's counters, and writes a logic snapshot once snapshotInterval inputs have
 * passed since the last one.
 */
final class LogicHandler
{
    private final HedgeLogic logic;
    private final EngineCounters counters;
    private final Path journalDir;
    private final long snapshotInterval;
    private final ExpandableArrayBuffer snapshotBuffer = new ExpandableArrayBuffer(1 << 20);
    private long nextSnapshot;
    private long positionBreaches;
    private boolean killSwitchEngaged;

    LogicHandler(
        final HedgeLogic logic,
        final EngineCounters counters,
        final long base,
        final Path journalDir,
        final long snapshotInterval)
    {
        this.journalDir = journalDir;
        this.snapshotInterval = snapshotInterval;
        this.nextSnapshot = base + snapshotInterval;
        this.logic = logic;
        this.counters = counters;
        positionBreaches = logic.counters().positionBreaches();
        killSwitchEngaged = logic.killSwitchEngaged();
    }

    /** Runs the logic on the input at its journal sequence; its output frames go to the slot's output area. */
    void onInput(final FrameEvent event, final long sequence)
    {
        event.outputLength = logic.onFrame(event.input, 0, event.inputLength, sequence, event.output, 0);
    }

    /**
     * True once after an input whose Reconciliation found a position beyond the tolerance: the engine engages the
     * kill switch next.
     */
    boolean positionBreached()
    {
        final long breaches = logic.counters().positionBreaches();
        final boolean breached = breaches != positionBreaches;
        positionBreaches = breaches;
        return breached;
    }

    /** True once after an input that engaged or released the kill switch ({@link HedgeLogic#killSwitchEngaged()}). */
    boolean killSwitchChanged()
    {
        final boolean engaged = logic.killSwitchEngaged();
        final boolean changed = engaged != killSwitchEngaged;
        killSwitchEngaged = engaged;
        return changed;
    }

    boolean killSwitchEngaged()
    {
        return killSwitchEngaged;
    }

    /** End of a batch whose last input had this journal sequence, with backlog frames waiting behind it. */
    void onBatchEnd(final long sequence, final long backlog)
    {
        counters.update(logic.counters(), logic.killSwitchEngaged(), backlog);
        if (snapshotInterval > 0 && sequence >= nextSnapshot)
        {
            SnapshotStore.write(journalDir, logic, sequence, snapshotBuffer);
            nextSnapshot = sequence + snapshotInterval;
        }
    }
}
