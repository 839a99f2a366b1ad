package io.hedgeflow.pipeline;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFileWriter;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import io.hedgeflow.sim.MarketSimulator;
import io.hedgeflow.sim.SimContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;

/** Test fixtures for whole sessions: capture files from the simulator, and verifying replays of a journal. */
final class Sessions
{
    private Sessions()
    {
    }

    /** Writes the first frames of the simulator with this seed to a capture file. */
    static Path record(final Path capture, final long seed, final int frames) throws IOException
    {
        final MarketSimulator simulator = new MarketSimulator(new SimContext().seed(seed));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        try (CaptureFileWriter writer = new CaptureFileWriter(capture))
        {
            for (int i = 0; i < frames; i++)
            {
                writer.write(buffer, 0, simulator.poll(buffer, 0));
            }
        }
        return capture;
    }

    /** Replays a whole journal through a fresh logic, comparing with its decisions. */
    static ReplayResult replay(final Journal journal, final LogicContext ctx)
    {
        try (HedgeLogic logic = new HedgeLogic(ctx))
        {
            return new JournalReplayer(logic).replay(journal, true, -1, null);
        }
    }
}
