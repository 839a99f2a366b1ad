package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateWriter;
import org.agrona.ExpandableArrayBuffer;

/** The logic's state for comparisons in tests: its snapshot without the counters (which count rejected frames). */
final class LogicStates
{
    private LogicStates()
    {
    }

    static byte[] withoutCounters(final HedgeLogic logic)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer();
        final int length = logic.snapshot(buffer, 0, 0);
        final StateWriter counters = new StateWriter(new ExpandableArrayBuffer(), 0);
        new LogicCounters().writeTo(counters);
        final int countersAt = 4 + 4 + 8 + 8 + 1;
        final byte[] bytes = new byte[length - counters.position()];
        buffer.getBytes(0, bytes, 0, countersAt);
        buffer.getBytes(countersAt + counters.position(), bytes, countersAt, bytes.length - countersAt);
        return bytes;
    }
}
