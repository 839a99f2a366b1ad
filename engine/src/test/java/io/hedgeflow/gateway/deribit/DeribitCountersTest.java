package io.hedgeflow.gateway.deribit;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.status.CountersFile;
import io.hedgeflow.status.EngineCounters;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DeribitCountersTest
{
    @TempDir
    Path dir;

    @Test
    void shouldPublishTheFeedCountersLiveInTheCountersFileThatStatReads() throws Exception
    {
        try (EngineCounters counters = new EngineCounters(dir);
            DeribitFrameSource source = DeribitCaptures.open(DeribitCaptures.path(DeribitCaptures.SAMPLE)))
        {
            source.countInto(counters);
            DeribitCaptures.drain(source, new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]));
            final Map<String, Long> values = new HashMap<>();
            try (CountersFile file = CountersFile.open(dir))
            {
                file.reader().forEach((value, id, label) -> values.put(label, value));
            }
            assertEquals(5066L, values.get("feed deribit packets"));
            assertEquals(4211L, values.get("feed deribit messages 1003"));
            assertEquals(0L, values.get("feed deribit malformed"));
            assertEquals(0L, values.get("feed deribit gaps"));
            assertEquals(source.counters().noIv(), values.get("feed deribit no iv"));
        }
    }
}
