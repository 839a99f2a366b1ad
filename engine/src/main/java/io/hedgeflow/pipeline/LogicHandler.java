package io.hedgeflow.pipeline;

import io.hedgeflow.logic.DecisionRehearsal;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.replay.SnapshotStore;
import io.hedgeflow.status.EngineCounters;
import org.agrona.ExpandableArrayBuffer;

import java.nio.file.Path;

/**
 * Pipeline stage: runs {@link HedgeLogic} on each input and leaves its output frames in the slot, and tells when a
 * reconciliation with the venue found a wrong position ({@link #positionBreached()}). At the end of
 * each batch it publishes the logic's counters, and writes a logic snapshot once snapshotInterval inputs have
 * passed since the last one. In a duty cycle without a frame it keeps the working set of the logic's rare inputs
 * warm, at most once per idleWarmIntervalNs of the engine's clock: their data ({@link HedgeLogic#warm}) and, with a
 * {@link DecisionRehearsal}, their code (one frame of the rehearsal's cycle on its shadow logic).
 */
final class LogicHandler
{
    private final HedgeLogic logic;
    private final EngineCounters counters;
    private final Path journalDir;
    private final long snapshotInterval;
    private final long idleWarmIntervalNs;
    private final DecisionRehearsal rehearsal;
    private final ExpandableArrayBuffer snapshotBuffer = new ExpandableArrayBuffer(1 << 20);
    private long nextSnapshot;
    private long positionBreaches;
    private boolean killSwitchEngaged;
    private long lastWarmNs;
    /** The sum of {@link HedgeLogic#warm}'s checksums and the rehearsal's output lengths, so the JIT keeps both. */
    private long warmChecksum;

    LogicHandler(
        final HedgeLogic logic,
        final EngineCounters counters,
        final long base,
        final Path journalDir,
        final long snapshotInterval,
        final long idleWarmIntervalNs,
        final DecisionRehearsal rehearsal)
    {
        this.rehearsal = rehearsal;
        this.journalDir = journalDir;
        this.snapshotInterval = snapshotInterval;
        this.idleWarmIntervalNs = idleWarmIntervalNs;
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

    /**
     * A duty cycle without a frame: the logic's rare inputs' working set is made warm again
     * ({@link HedgeLogic#warm}, a few hundred nanoseconds, and a step of the rehearsal, a few microseconds; neither
     * changes the logic's state) if idleWarmIntervalNs (not 0) has passed on the engine's clock since it last was,
     * so an input arriving meanwhile waits that long at most, and a busy engine, whose duty cycles always find a
     * frame, never does it.
     */
    void onIdle()
    {
        if (idleWarmIntervalNs > 0)
        {
            final long nowNs = System.nanoTime();
            if (nowNs - lastWarmNs >= idleWarmIntervalNs)
            {
                warmChecksum += logic.warm() + (rehearsal != null ? rehearsal.step() : 0);
                lastWarmNs = nowNs;
            }
        }
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
