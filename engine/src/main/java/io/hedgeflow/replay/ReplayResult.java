package io.hedgeflow.replay;

import io.hedgeflow.logic.LogicCounters;

/**
 * Outcome of a replay.
 *
 * @param inputs     input records replayed.
 * @param produced   decision and order frames the replay produced.
 * @param journaled  decision records in the journal (-1 when not verified).
 * @param difference the first difference, or null when identical.
 * @param counters   the replayed logic's counters.
 */
public record ReplayResult(long inputs, long produced, long journaled, String difference, LogicCounters counters)
{
    public boolean identical()
    {
        return difference == null;
    }
}
