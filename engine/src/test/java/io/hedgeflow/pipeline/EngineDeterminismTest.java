package io.hedgeflow.pipeline;

import io.hedgeflow.greeks.GreekKernelType;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.TestContexts;
import io.hedgeflow.replay.ReplayResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EngineDeterminismTest
{
    private static final int FRAMES = 60_000;

    @TempDir
    static Path shared;
    private static Path capture;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws IOException
    {
        capture = Sessions.record(shared.resolve("sim.cap"), 7, FRAMES);
    }

    private static LogicContext logic(final GreekKernelType kernel)
    {
        return TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0)).greekKernel(kernel);
    }

    private Engine run(final Path journal, final IdleStrategyKind idle, final ThreadingMode mode) throws IOException
    {
        return run(journal, idle, mode, GreekKernelType.VECTOR);
    }

    private Engine run(
        final Path journal, final IdleStrategyKind idle, final ThreadingMode mode, final GreekKernelType kernel)
        throws IOException
    {
        final Engine engine = new Engine(new EngineContext().journalDir(journal).ringSize(1024).threadingMode(mode)
            .idleStrategy(idle).processorIdleStrategy(idle).logicContext(logic(kernel)),
                new CaptureFileSource(capture));
        if (mode == ThreadingMode.INVOKER)
        {
            while (!engine.feedEnded())
            {
                engine.doWork();
            }
        }
        else
        {
            engine.run(Long.MAX_VALUE, 0);
        }
        return engine;
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldWriteByteIdenticalDecisionsForTheSameCaptureTwice(final ThreadingMode mode) throws IOException
    {
        final Path first = dir.resolve("first");
        final Path second = dir.resolve("second");
        try (Engine a = run(first, IdleStrategyKind.YIELDING, mode);
            Engine b = run(second, IdleStrategyKind.SLEEPING, mode))
        {
            assertTrue(a.logic().counters().orders() > 10, "the capture must make the engine trade");
            assertTrue(a.logic().counters().fills() > 10, "the exchange must close the loop");
            assertEquals(0, a.errors());
        }
        final byte[] decisionsA = decisions(first);
        assertTrue(decisionsA.length > 0);
        assertArrayEquals(decisionsA, decisions(second));
    }

    @Test
    void shouldWriteByteIdenticalJournalsInEveryThreadingMode() throws IOException
    {
        final Path shared = dir.resolve("shared");
        try (Engine a = run(shared, IdleStrategyKind.BACKOFF, ThreadingMode.SHARED))
        {
            assertTrue(a.logic().counters().fills() > 10, "the exchange must close the loop");
            assertEquals(0, a.errors());
        }
        final byte[] inputs = inputs(shared);
        assertTrue(inputs.length > FRAMES * FrameHeader.LENGTH, "market frames and execution reports");
        final byte[] decisions = decisions(shared);
        assertTrue(decisions.length > 0);
        for (final ThreadingMode mode : new ThreadingMode[]{ThreadingMode.DEDICATED, ThreadingMode.INVOKER})
        {
            final Path other = dir.resolve(mode.name());
            try (Engine b = run(other, IdleStrategyKind.BACKOFF, mode))
            {
                assertEquals(0, b.errors());
            }
            assertArrayEquals(inputs, inputs(other), mode + ": inputs, in the same order at the same sequences");
            assertArrayEquals(decisions, decisions(other), mode.name());
        }
    }

    @Test
    void shouldWriteTheSameJournalAfterAThrowawayWarmupAndLeaveNothingOfIt() throws IOException
    {
        final Path cold = dir.resolve("cold");
        try (Engine a = run(cold, IdleStrategyKind.BACKOFF, ThreadingMode.SHARED))
        {
            assertEquals(0, a.errors());
        }
        final Path parent = dir.resolve("warmup");
        Files.createDirectories(parent);
        final EngineContext ctx = new EngineContext().threadingMode(ThreadingMode.SHARED)
            .idleStrategy(IdleStrategyKind.BACKOFF)
            .logicContext(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0)));
        assertEquals(20_000, EngineWarmup.run(ctx, 20_000, parent));
        try (Stream<Path> left = Files.list(parent))
        {
            assertEquals(0, left.count(), "the throwaway journal is deleted");
        }
        final Path warm = dir.resolve("warm");
        try (Engine b = run(warm, IdleStrategyKind.BACKOFF, ThreadingMode.SHARED))
        {
            assertEquals(0, b.errors());
        }
        assertArrayEquals(inputs(cold), inputs(warm), "the warm-up reaches no input of the real session");
        assertArrayEquals(decisions(cold), decisions(warm), "nor any decision");
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldReplayTheJournalToIdenticalDecisions(final ThreadingMode mode) throws IOException
    {
        final Path journal = dir.resolve("journal");
        final long orders;
        try (Engine engine = run(journal, IdleStrategyKind.YIELDING, mode))
        {
            orders = engine.logic().counters().orders();
        }
        try (Journal j = Journal.openReadOnly(journal))
        {
            final ReplayResult result = Sessions.replay(j, TestContexts.logic().policy(new PolicyContext()
                .trigger().bandUsd(50_000.0)));
            assertNull(result.difference());
            assertEquals(orders, result.counters().orders());
            assertEquals(0, result.appended());
            assertTrue(result.inputs() > FRAMES, "inputs include the exchange's execution reports");
        }
        try (Journal j = Journal.openReadOnly(journal))
        {
            final ReplayResult other = Sessions.replay(j, TestContexts.logic().policy(new PolicyContext()
                .trigger().bandUsd(60_000.0)));
            assertTrue(other.difference() != null, "a different configuration must be detected");
        }
    }

    @Test
    void shouldWriteAndReplayByteIdenticalDecisionsWithEitherGreekKernel() throws IOException
    {
        final Path vector = dir.resolve("vector");
        try (Engine a = run(vector, IdleStrategyKind.BACKOFF, ThreadingMode.SHARED, GreekKernelType.VECTOR))
        {
            assertTrue(a.logic().counters().orders() > 10, "the capture must make the engine trade");
        }
        final Path scalar = dir.resolve("scalar");
        try (Engine b = run(scalar, IdleStrategyKind.BACKOFF, ThreadingMode.SHARED, GreekKernelType.SCALAR))
        {
            assertEquals(0, b.errors());
        }
        assertArrayEquals(inputs(vector), inputs(scalar));
        assertArrayEquals(decisions(vector), decisions(scalar));
        for (final GreekKernelType kernel : GreekKernelType.values())
        {
            try (Journal j = Journal.openReadOnly(kernel == GreekKernelType.VECTOR ? scalar : vector))
            {
                assertNull(Sessions.replay(j, logic(kernel)).difference(), kernel.name());
            }
        }
    }

    /** Input frames and their journal sequences; the stamp is the receive time, a clock read, so it is left out. */
    private static byte[] inputs(final Path journal)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.inputsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) ->
            {
                final byte[] record = new byte[length];
                buffer.getBytes(offset, record);
                bytes.writeBytes(record);
                bytes.writeBytes(Long.toString(sequence).getBytes());
            }))
            {
                assertTrue(bytes.size() >= 0);
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] decisions(final Path journal)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.decisionsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) ->
            {
                final byte[] record = new byte[length];
                buffer.getBytes(offset, record);
                bytes.writeBytes(record);
                bytes.writeBytes(Long.toString(stamp ^ sequence).getBytes());
            }))
            {
                assertTrue(bytes.size() >= 0);
            }
        }
        return bytes.toByteArray();
    }
}
