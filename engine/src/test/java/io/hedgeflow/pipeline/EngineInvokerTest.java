package io.hedgeflow.pipeline;

import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.logic.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EngineInvokerTest
{
    private static final int FRAMES = 1_000;

    @TempDir
    Path dir;

    @Test
    void shouldTakeOneBatchOfFeedFramesPerDoWorkOnTheCallersThread() throws IOException
    {
        final Path capture = Sessions.record(dir.resolve("sim.cap"), 7, FRAMES);
        try (Engine engine = new Engine(new EngineContext().journalDir(dir.resolve("journal"))
            .threadingMode(ThreadingMode.INVOKER).logicContext(TestContexts.logic()), new CaptureFileSource(capture)))
        {
            assertThrows(IllegalStateException.class, () -> engine.run(1, 0), "the caller drives INVOKER");
            int cycles = 0;
            long frames = 0;
            while (!engine.feedEnded())
            {
                final int work = engine.doWork();
                assertTrue(work <= DutyCycleAgent.BATCH, "one batch per duty cycle: " + work);
                frames += work;
                cycles++;
            }
            assertEquals(FRAMES, frames);
            assertEquals((FRAMES + DutyCycleAgent.BATCH - 1) / DutyCycleAgent.BATCH, cycles);
            assertEquals(0, engine.doWork(), "nothing after the end of the feed");
            assertTrue(engine.logic().counters().frames() >= FRAMES, "every frame went through the logic");
        }
    }

    @Test
    void shouldRefuseDoWorkWhenTheEngineDrivesItself() throws IOException
    {
        final Path capture = Sessions.record(dir.resolve("sim.cap"), 7, 10);
        try (Engine engine = new Engine(new EngineContext().journalDir(dir.resolve("journal"))
            .threadingMode(ThreadingMode.SHARED).logicContext(TestContexts.logic()), new CaptureFileSource(capture)))
        {
            assertThrows(IllegalStateException.class, engine::doWork);
            assertEquals(10, engine.run(Long.MAX_VALUE, 0));
        }
    }
}
