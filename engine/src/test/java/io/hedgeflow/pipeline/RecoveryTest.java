package io.hedgeflow.pipeline;

import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.gateway.FrameSource;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalAppender;
import io.hedgeflow.journal.JournalContext;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.TestContexts;
import io.hedgeflow.replay.JournalReplayer;
import io.hedgeflow.replay.ReplayResult;
import io.hedgeflow.replay.SnapshotStore;
import io.hedgeflow.sim.SimContext;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RecoveryTest
{
    private static final int FRAMES = 40_000;

    @TempDir
    static Path shared;
    private static Path capture;

    @TempDir
    Path dir;

    @BeforeAll
    static void record() throws IOException
    {
        capture = Sessions.record(shared.resolve("sim.cap"), 9, FRAMES);
    }

    private static EngineContext context(final Path journal, final ThreadingMode mode)
    {
        return new EngineContext().journalDir(journal).ringSize(1024).threadingMode(mode)
            .idleStrategy(IdleStrategyKind.BACKOFF)
            .logicContext(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0)));
    }

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    void shouldContinueSequencesAfterARestartWithoutGapsOrDuplicates(final ThreadingMode mode) throws IOException
    {
        final Path journal = dir.resolve("journal");
        final long inputs;
        try (Engine engine = new Engine(context(journal, mode), new CaptureFileSource(capture)))
        {
            assertEquals(15_000, engine.run(15_000, 0));
            inputs = engine.logic().counters().frames();
            assertTrue(inputs > 15_000, "feed frames and the exchange's reports");
        }
        try (Engine engine = new Engine(context(journal, mode), new CaptureFileSource(capture)))
        {
            final Recovery.Result recovery = engine.recovery();
            assertEquals(inputs, recovery.inputs());
            assertEquals(inputs, recovery.nextRingSequence());
            assertEquals(0, recovery.appended());
            engine.run(Long.MAX_VALUE, 0);
            assertTrue(engine.logic().counters().orders() > 5);
            assertEquals(0, engine.logic().counters().rejected(), "no frame is processed twice");
        }
        final List<Long> sequences = sequences(journal);
        for (int i = 0; i < sequences.size(); i++)
        {
            assertEquals(i, sequences.get(i), "ring sequences contiguous across the restart");
        }
        assertTrue(sequences.size() > FRAMES, "every market frame plus the execution reports");
        try (Journal j = Journal.openReadOnly(journal))
        {
            final ReplayResult result = Sessions.replay(j, TestContexts.logic().policy(new PolicyContext()
                .trigger().bandUsd(50_000.0)));
            assertNull(result.difference());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    void shouldWriteTheDecisionsACrashLostAfterItsInputWasJournaled(final ThreadingMode mode) throws IOException
    {
        final Path complete = dir.resolve("complete");
        try (Engine engine = new Engine(context(complete, mode), new CaptureFileSource(capture)))
        {
            engine.run(Long.MAX_VALUE, 0);
        }
        final List<byte[]> decisions = records(complete, false);
        assertTrue(decisions.size() > 10);

        final Path crashed = dir.resolve("crashed");
        try (Journal from = Journal.openReadOnly(complete); Journal to = Journal.open(journalContext(crashed)))
        {
            copy(from.inputsReader(), to.inputsAppender(), Integer.MAX_VALUE);
            copy(from.decisionsReader(), to.decisionsAppender(), decisions.size() / 2);
        }
        try (Engine engine = new Engine(context(crashed, mode), new EmptySource()))
        {
            assertEquals(decisions.size() - decisions.size() / 2, engine.recovery().appended());
        }
        final List<byte[]> recovered = records(crashed, false);
        assertEquals(decisions.size(), recovered.size());
        for (int i = 0; i < decisions.size(); i++)
        {
            assertArrayEquals(decisions.get(i), recovered.get(i), "decision " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    void shouldReplayFromASnapshotToTheSameDecisionsAsFromTheStart(final ThreadingMode mode) throws IOException
    {
        final Path journal = dir.resolve("journal");
        try (Engine engine = new Engine(context(journal, mode).snapshotInterval(7_000), new CaptureFileSource(capture)))
        {
            engine.run(Long.MAX_VALUE, 0);
        }
        final ReplayResult whole;
        final ReplayResult tail;
        final long snapshot;
        try (Journal j = Journal.openReadOnly(journal))
        {
            whole = Sessions.replay(j, TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0)));
            try (HedgeLogic logic = new HedgeLogic(TestContexts.logic().policy(new PolicyContext()
                .trigger().bandUsd(50_000.0))))
            {
                snapshot = SnapshotStore.restoreLatest(journal, logic, Long.MAX_VALUE);
                tail = new JournalReplayer(logic).replay(j, true, snapshot, null);
            }
        }
        assertTrue(snapshot >= 35_000, "latest snapshot, every 7,000 inputs: " + snapshot);
        assertNull(whole.difference());
        assertNull(tail.difference());
        assertEquals(whole.nextRingSequence() - snapshot - 1, tail.inputs());
        assertEquals(whole.counters().orders(), tail.counters().orders(), "restored counters continue");
        assertEquals(whole.counters().decisions(), tail.counters().decisions());
    }

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    void shouldRestartFromTheLatestSnapshotBeforeTheLastJournaledDecision(final ThreadingMode mode) throws IOException
    {
        final Path journal = dir.resolve("journal");
        final long inputs;
        try (Engine engine = new Engine(context(journal, mode).snapshotInterval(4_000), new CaptureFileSource(capture)))
        {
            engine.run(25_000, 0);
            inputs = engine.logic().counters().frames();
        }
        try (Engine engine = new Engine(context(journal, mode).snapshotInterval(4_000), new CaptureFileSource(capture)))
        {
            final Recovery.Result recovery = engine.recovery();
            assertTrue(recovery.snapshot() >= 3_999, "a snapshot was used: " + recovery.snapshot());
            assertEquals(inputs - recovery.snapshot() - 1, recovery.inputs());
            engine.run(Long.MAX_VALUE, 0);
            assertEquals(0, engine.logic().counters().rejected());
        }
        try (Journal j = Journal.openReadOnly(journal))
        {
            assertNull(Sessions.replay(j, TestContexts.logic().policy(new PolicyContext()
                .trigger().bandUsd(50_000.0))).difference());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"})
    void shouldKeepAnEngagedKillSwitchAcrossARestart(final ThreadingMode mode) throws IOException
    {
        final Path journal = dir.resolve("journal");
        final long ordersBefore;
        try (Engine engine = new Engine(context(journal, mode), new CaptureFileSource(capture)))
        {
            engine.run(10_000, 0);
            ordersBefore = engine.logic().counters().orders();
        }
        try (Journal j = Journal.open(journalContext(journal)))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
            final KillSwitchEncoder kill = new KillSwitchEncoder();
            final FrameEncoder encoder = new FrameEncoder();
            encoder.begin(frame, 0, kill, 3, 1, SimContext.DEFAULT_START_TIME_NS);
            kill.engaged((short)1).origin(KillSwitchOrigin.OPERATOR);
            j.inputsAppender().append(frame, 0, encoder.end(kill), 0, 10_000);
        }
        try (Engine engine = new Engine(context(journal, mode), new CaptureFileSource(capture)))
        {
            assertTrue(engine.logic().killSwitchEngaged(), "the journaled kill switch is restored");
            engine.run(Long.MAX_VALUE, 0);
            assertEquals(ordersBefore, engine.logic().counters().orders(), "no order while engaged");
        }
    }

    private static void copy(final JournalReader reader, final JournalAppender appender, final int max)
    {
        try (reader)
        {
            for (int n = 0; n < max && reader.read((buffer, offset, length, stamp, sequence, index) ->
                appender.append(buffer, offset, length, stamp, sequence)); n++)
            {
                assertTrue(n >= 0);
            }
        }
    }

    private static List<Long> sequences(final Path journal)
    {
        final List<Long> sequences = new ArrayList<>();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.inputsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) -> sequences.add(sequence)))
            {
                assertTrue(sequences.size() > 0);
            }
        }
        return sequences;
    }

    private static List<byte[]> records(final Path journal, final boolean inputs)
    {
        final List<byte[]> records = new ArrayList<>();
        try (Journal j = Journal.openReadOnly(journal);
            JournalReader reader = inputs ? j.inputsReader() : j.decisionsReader())
        {
            while (reader.read((buffer, offset, length, stamp, sequence, index) ->
            {
                final byte[] bytes = new byte[length + 16];
                buffer.getBytes(offset, bytes, 16, length);
                new UnsafeBuffer(bytes).putLong(0, stamp);
                new UnsafeBuffer(bytes).putLong(8, sequence);
                records.add(bytes);
            }))
            {
                assertTrue(records.size() > 0);
            }
        }
        return records;
    }

    /** A feed that has already ended. */
    private static final class EmptySource implements FrameSource
    {
        public int poll(final MutableDirectBuffer buffer, final int offset, final int maxLength)
        {
            return END;
        }
    }

    private static JournalContext journalContext(final Path journal)
    {
        return new JournalContext().directory(journal)
            .header(Engine.sessionHeader(TestContexts.logic().policy(new PolicyContext().trigger().bandUsd(50_000.0))));
    }
}
