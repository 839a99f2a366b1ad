package io.hedgeflow.pipeline;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.gateway.CaptureFileSource;
import io.hedgeflow.gateway.CaptureFileWriter;
import io.hedgeflow.gateway.TestCaptures;
import io.hedgeflow.journal.Journal;
import io.hedgeflow.journal.JournalReader;
import io.hedgeflow.logic.LogicContext;
import io.hedgeflow.logic.LogicCounters;
import io.hedgeflow.logic.PolicyContext;
import io.hedgeflow.logic.RejectReason;
import io.hedgeflow.logic.TestContexts;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8 acceptance: a capture with random bytes corrupted in random frames runs end to end like the same capture
 * with exactly those frames removed. Each corrupted frame is journaled, rejected and counted once; the decisions
 * journal is byte for byte the same once the ring sequences (which count the corrupted inputs too) are mapped to
 * the clean run's numbering; no stage error.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CorruptCaptureTest
{
    private static final int FRAMES = 60_000;
    private static final int CORRUPTED = 200;
    /** Left intact: the instrument definitions come first, and a session without its hedge instrument never trades. */
    private static final int SETUP_FRAMES = 1_000;
    /** Each lost frame is a sequence gap that halts hedging on its channel; recover quickly so both runs trade. */
    private static final long GAP_RECOVERY_NS = 10_000_000L;

    @TempDir
    Path dir;

    private final FrameChecksum checksum = new FrameChecksum();

    @Test
    void shouldRejectEachCorruptedFrameAndDecideAsIfItWereAbsent() throws IOException
    {
        final List<byte[]> frames = TestCaptures.frames(Sessions.record(dir.resolve("sim.cap"), 7, FRAMES));
        final SplittableRandom random = new SplittableRandom(8);
        final TreeSet<Integer> victims = new TreeSet<>();
        while (victims.size() < CORRUPTED)
        {
            victims.add(SETUP_FRAMES + random.nextInt(FRAMES - SETUP_FRAMES));
        }
        final Path corrupt = dir.resolve("corrupt.cap");
        final Path removed = dir.resolve("removed.cap");
        try (CaptureFileWriter withDamage = new CaptureFileWriter(corrupt);
            CaptureFileWriter without = new CaptureFileWriter(removed))
        {
            for (int i = 0; i < FRAMES; i++)
            {
                final UnsafeBuffer frame = new UnsafeBuffer(frames.get(i));
                if (victims.contains(i))
                {
                    damage(frames.get(i), random);
                }
                else
                {
                    without.write(frame, 0, frame.capacity());
                }
                withDamage.write(frame, 0, frame.capacity());
            }
        }

        final LogicCounters damaged = run(corrupt, dir.resolve("corrupt"));
        final LogicCounters clean = run(removed, dir.resolve("removed"));

        assertTrue(clean.orders() > 10, "the capture must make the engine trade: " + clean.orders());
        assertEquals(clean.rejected() + CORRUPTED, damaged.rejected(), "one reject per corrupted frame");
        assertEquals(CORRUPTED, damaged.rejected(RejectReason.BAD_CHECKSUM) +
            damaged.rejected(RejectReason.LENGTH_MISMATCH) - clean.rejected(RejectReason.BAD_CHECKSUM) -
            clean.rejected(RejectReason.LENGTH_MISMATCH));
        assertTrue(damaged.rejected(RejectReason.BAD_CHECKSUM) > CORRUPTED / 2, "most caught by the checksum");
        final long[] damagedInputs = damagedInputs(dir.resolve("corrupt"));
        assertEquals(CORRUPTED, damagedInputs.length, "every corrupted frame journaled as received");
        final byte[] expected = decisions(dir.resolve("removed"), new long[0]);
        assertTrue(expected.length > 10_000, "decisions to compare: " + expected.length + " bytes");
        assertArrayEquals(expected, decisions(dir.resolve("corrupt"), damagedInputs));
    }

    /** XORs one to four random bytes of the frame with non-zero values. */
    private static void damage(final byte[] frame, final SplittableRandom random)
    {
        final int bytes = 1 + random.nextInt(4);
        for (int i = 0; i < bytes; i++)
        {
            frame[random.nextInt(frame.length)] ^= (byte)(1 + random.nextInt(255));
        }
    }

    private static LogicCounters run(final Path capture, final Path journal) throws IOException
    {
        final LogicContext logic = TestContexts.logic()
            .policy(new PolicyContext().trigger().bandUsd(50_000.0))
            .gapRecoveryNs(GAP_RECOVERY_NS);
        try (Engine engine = new Engine(
            new EngineContext().journalDir(journal).ringSize(1024).logicContext(logic), new CaptureFileSource(capture)))
        {
            engine.run(Long.MAX_VALUE, 0);
            assertEquals(0, engine.errors(), "no stage error");
            assertEquals(0, engine.sourceRejected(), "every record readable");
            return engine.logic().counters();
        }
    }

    /** Ring sequences of the inputs whose length or checksum does not hold, in order. */
    private long[] damagedInputs(final Path journal)
    {
        final List<Long> damaged = new ArrayList<>();
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.inputsReader())
        {
            boolean more = true;
            while (more)
            {
                more = reader.read((buffer, offset, length, stamp, sequence, index) ->
                {
                    if (length < FrameHeader.MIN_FRAME_LENGTH || FrameHeader.frameLength(buffer, offset) != length ||
                        !checksum.matches(buffer, offset, length))
                    {
                        damaged.add(sequence);
                    }
                });
            }
        }
        return damaged.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The decisions journal's records (frame bytes, stamp, ring sequence) with every ring sequence, in the record
     * and in the frames' triggerSequence fields, renumbered as if the damaged inputs had not been there.
     */
    private byte[] decisions(final Path journal, final long[] damaged)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        try (Journal j = Journal.openReadOnly(journal); JournalReader reader = j.decisionsReader())
        {
            boolean more = true;
            while (more)
            {
                more = reader.read((buffer, offset, length, stamp, sequence, index) ->
                {
                    copy.putBytes(0, buffer, offset, length);
                    final int templateId = copy.getShort(FrameHeader.MESSAGE_OFFSET +
                        MessageHeaderDecoder.templateIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
                    assertTrue(templateId == NewOrderDecoder.TEMPLATE_ID ||
                        templateId == HedgeDecisionDecoder.TEMPLATE_ID, "decision record template " + templateId);
                    final int trigger = FrameHeader.MIN_FRAME_LENGTH + (templateId == NewOrderDecoder.TEMPLATE_ID ?
                        NewOrderDecoder.triggerSequenceEncodingOffset() :
                        HedgeDecisionDecoder.triggerSequenceEncodingOffset());
                    copy.putLong(trigger, renumber(copy.getLong(trigger, ByteOrder.LITTLE_ENDIAN), damaged),
                        ByteOrder.LITTLE_ENDIAN);
                    checksum.seal(copy, 0, length);
                    final byte[] record = new byte[length];
                    copy.getBytes(0, record);
                    bytes.writeBytes(record);
                    bytes.writeBytes((stamp + "/" + renumber(sequence, damaged) + ";").getBytes());
                });
            }
        }
        return bytes.toByteArray();
    }

    private static long renumber(final long ringSequence, final long[] damaged)
    {
        final int at = Arrays.binarySearch(damaged, ringSequence);
        assertTrue(at < 0, "a decision triggered by a damaged input " + ringSequence);
        return ringSequence - (-at - 1);
    }
}
