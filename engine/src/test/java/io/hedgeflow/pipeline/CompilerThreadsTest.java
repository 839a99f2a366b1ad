package io.hedgeflow.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CompilerThreadsTest
{
    private static final long TIMEOUT_NS = TimeUnit.SECONDS.toNanos(30);

    @Test
    void shouldReadTheBusyTimeOfTheCompilerThreadsOnLinux()
    {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
        assertTrue(CompilerThreads.busyNs() > 0, "this JVM compiled something before the test ran");
    }

    @Test
    @Timeout(60)
    void shouldReturnAfterAQuietWindowOfTheCompilerThreads()
    {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc");
        final long waitedNs = CompilerThreads.awaitIdle(TIMEOUT_NS);
        assertTrue(waitedNs >= CompilerThreads.QUIET_NS, "waited a whole quiet window: " + waitedNs);
        assertTrue(waitedNs < TIMEOUT_NS, "the compilers went idle before the timeout: " + waitedNs);
    }

    @Test
    void shouldNotWaitBeyondTheTimeout()
    {
        final long startNs = System.nanoTime();
        final long waitedNs = CompilerThreads.awaitIdle(0);
        assertTrue(waitedNs < CompilerThreads.QUIET_NS * 10, "a zero timeout returns after one poll: " + waitedNs);
        assertTrue(System.nanoTime() - startNs >= waitedNs, "the wait it reports");
    }
}
