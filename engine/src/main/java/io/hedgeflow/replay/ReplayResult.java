package io.hedgeflow.replay;

import io.hedgeflow.logic.LogicCounters;

/**
 * Outcome of a replay.
 *
 * @param inputs           input records replayed.
 * @param produced         decision and order frames the replay produced.
 * @param appended         of those, the ones appended to the journal by a repairing replay.
 * @param nextRingSequence ring sequence after the last input replayed.
 * @param difference       the first difference, or null when identical.
 * @param counters         the replayed logic's counters.
 */
public record ReplayResult(
    long inputs, long produced, long appended, long nextRingSequence, String difference, LogicCounters counters)
{
    public boolean identical()
    {
        return difference == null;
    }
}
