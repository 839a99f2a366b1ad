package io.hedgeflow.gateway.deribit;

import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.greeks.ImpliedVol;
import io.hedgeflow.logic.HedgeLogic;
import io.hedgeflow.logic.TestContexts;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static io.hedgeflow.gateway.deribit.DeribitPackets.CALL;
import static io.hedgeflow.gateway.deribit.DeribitPackets.PERPETUAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitAdapterTest
{
    private static final int ENGINE_CHANNEL = FrameOutput.ENGINE_CHANNEL_BASE + 3;
    /** Frames of {@link #defineInstruments} on the engine channel of channel 3: 2 definitions and a quote. */
    private static final int SNAPSHOT_FRAMES = 3;

    private final DeribitPackets packets = new DeribitPackets();
    private final QueuedPackets queue = new QueuedPackets();
    private final DeribitFrameSource source = new DeribitFrameSource(queue, new int[0], TestContexts.logic());
    private final HedgeLogic logic = new HedgeLogic(TestContexts.logic());
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1 << 16]);
    private final List<String> templates = new ArrayList<>();
    private long ringSequence;

    /** Queues a snapshot cycle on channel 103 defining the perpetual and the call, and the BTC index. */
    private void defineInstruments()
    {
        queue.add(packets.packet(103, 1).snapshotStart().instrument(PERPETUAL).instrument(CALL)
            .ticker(PERPETUAL, 25_010.0, 25_000.0, 25_020.0).snapshotEnd().copy());
        queue.add(packets.packet(0, 1).index("btc_usd", 25_000.0).copy());
    }

    /** Polls every frame into the logic; returns how many. */
    private int pollIntoLogic()
    {
        int frames = 0;
        int length;
        while ((length = source.poll(frame, 0, frame.capacity())) > 0)
        {
            templates.add(FrameHeader.channelId(frame, 0) + ":" + FrameHeader.sequence(frame, 0));
            logic.onFrame(frame, 0, length, ringSequence++, out, 0);
            frames++;
        }
        return frames;
    }

    @Test
    void shouldNormalizeDefinitionsTickersAndIndexIntoFramesTheLogicAccepts()
    {
        defineInstruments();
        queue.add(packets.packet(3, 1).ticker(CALL, 0.05, 0.049, 0.051).copy());
        assertEquals(6, pollIntoLogic(), "2 definitions, 2 quotes, the index, the call's OptionTicker");
        assertEquals(0, logic.counters().rejected());
        assertEquals(0, logic.counters().gaps());
        final DeribitInstruments instruments = source.instruments();
        final int call = instruments.slotOf(CALL);
        final double years = (DeribitPackets.EXPIRY_MS - DeribitPackets.NOW_MS) * 1e6 / (365.0 * 86_400e9);
        assertEquals(ImpliedVol.solve(true, 25_000.0, 25_000.0, years, 0, 0, 0.05 * 25_000.0), instruments.iv(call));
        assertEquals(25_000.0, instruments.forward(call));
        assertEquals(0.05, instruments.mark(call));
        assertFalse(instruments.hasNoIv(call));
    }

    @Test
    void shouldDefineOnlyTheInstrumentsTheLogicHasRoomFor()
    {
        final QueuedPackets small = new QueuedPackets();
        final DeribitFrameSource limited =
            new DeribitFrameSource(small, new int[0], TestContexts.logic().maxInstruments(1));
        final HedgeLogic smallLogic = new HedgeLogic(TestContexts.logic().maxInstruments(1));
        small.add(packets.packet(103, 1).snapshotStart().instrument(PERPETUAL).instrument(CALL).snapshotEnd().copy());
        small.add(packets.packet(3, 1).ticker(CALL, 0.05, 0.049, 0.051).copy());
        int length;
        while ((length = limited.poll(frame, 0, frame.capacity())) > 0)
        {
            smallLogic.onFrame(frame, 0, length, ringSequence++, out, 0);
        }
        assertEquals(1, limited.counters().instrumentsNotNormalized());
        assertFalse(limited.instruments().isNormalized(limited.instruments().slotOf(CALL)));
        assertEquals(0, smallLogic.counters().rejected());
        assertEquals(1, smallLogic.lastSequence(ENGINE_CHANNEL), "the perpetual's definition only");
    }

    @Test
    void shouldFlagAMarkBelowIntrinsicValueAndSendNoOptionTicker()
    {
        defineInstruments();
        queue.add(packets.packet(0, 2).index("btc_usd", 30_000.0).copy());
        queue.add(packets.packet(3, 1).ticker(CALL, 0.1, 0.0, 0.0).copy());
        assertEquals(5, pollIntoLogic());
        final int call = source.instruments().slotOf(CALL);
        assertTrue(source.instruments().hasNoIv(call));
        assertTrue(Double.isNaN(source.instruments().iv(call)));
        assertEquals(1, source.counters().noIv());
        assertEquals(0, logic.counters().rejected());
    }

    @Test
    void shouldMakeAChannelStaleOnAGapAndRecoverItThroughItsSnapshotCycle()
    {
        defineInstruments();
        queue.add(packets.packet(3, 1).ticker(PERPETUAL, 25_010.0, 25_000.0, 25_020.0).copy());
        queue.add(packets.packet(3, 3).ticker(PERPETUAL, 25_011.0, 25_001.0, 25_021.0).copy());
        pollIntoLogic();
        assertEquals(1, source.counters().gaps());
        assertTrue(source.adapterForTest().isStale(3));
        assertEquals(1, logic.counters().gaps());

        queue.add(packets.packet(103, 2).snapshotStart().copy());
        queue.add(packets.packet(103, 4).ticker(PERPETUAL, 25_012.0, 25_002.0, 25_022.0).snapshotEnd().copy());
        pollIntoLogic();
        assertTrue(source.adapterForTest().isStale(3), "a cycle with a gap does not recover the channel");

        queue.add(packets.packet(103, 5).snapshotStart().ticker(PERPETUAL, 25_013.0, 25_003.0, 25_023.0)
            .snapshotEnd().copy());
        queue.add(packets.packet(3, 4).ticker(PERPETUAL, 25_014.0, 25_004.0, 25_024.0).copy());
        templates.clear();
        pollIntoLogic();
        assertFalse(source.adapterForTest().isStale(3));
        assertEquals(List.of(ENGINE_CHANNEL + ":8", ENGINE_CHANNEL + ":9", ENGINE_CHANNEL + ":1"), templates,
            "snapshot quote, ChannelReset, then the live quote numbered from 1");
        assertEquals(1, logic.lastSequence(ENGINE_CHANNEL));
        assertEquals(0, logic.counters().rejected());
        assertEquals(2, source.counters().gaps());
    }

    @Test
    void shouldArbitrateAnABPairFirstCopyWins()
    {
        defineInstruments();
        pollIntoLogic();
        final UnsafeBuffer a1 = packets.packet(3, 1).ticker(PERPETUAL, 25_010.0, 25_000.0, 25_020.0).copy();
        final UnsafeBuffer a2 = packets.packet(3, 2).ticker(PERPETUAL, 25_011.0, 25_001.0, 25_021.0).copy();
        queue.add(a1);
        queue.add(a1);
        queue.add(a2);
        queue.add(a2);
        templates.clear();
        assertEquals(2, pollIntoLogic());
        assertEquals(2, source.counters().duplicates());
        assertEquals(0, source.counters().gaps());
        assertEquals(0, logic.counters().rejected());
    }

    @Test
    void shouldDropMalformedPacketsWhole()
    {
        defineInstruments();
        final UnsafeBuffer longerThanPacket = packets.packet(3, 1).ticker(PERPETUAL, 1.0, 1.0, 2.0).copy();
        longerThanPacket.putShort(0, (short)(longerThanPacket.capacity()), ByteOrder.LITTLE_ENDIAN);
        final UnsafeBuffer wrongSchema = packets.packet(3, 1).ticker(PERPETUAL, 1.0, 1.0, 2.0).copy();
        wrongSchema.putShort(DeribitAdapter.FRAME_HEADER_LENGTH + 4, (short)7, ByteOrder.LITTLE_ENDIAN);
        final UnsafeBuffer groupPastPacket = packets.packet(3, 1).ticker(PERPETUAL, 1.0, 1.0, 2.0)
            .instrument(CALL).copy();
        final int group = packets.length - 1 - "BTC-23JUN23-25000-C".length() - 8;
        groupPastPacket.putShort(group + 2, (short)100, ByteOrder.LITTLE_ENDIAN);
        for (final UnsafeBuffer bad : List.of(longerThanPacket, wrongSchema, groupPastPacket))
        {
            queue.add(bad);
        }
        queue.add(packets.packet(3, 1).ticker(PERPETUAL, 25_010.0, 25_000.0, 25_020.0).copy());
        pollIntoLogic();
        assertEquals(3, source.counters().malformed());
        assertEquals(3, source.counters().packets());
        assertEquals(0, source.counters().gaps());
        assertEquals(0, logic.counters().rejected());
        assertEquals(SNAPSHOT_FRAMES + 1, logic.lastSequence(ENGINE_CHANNEL));
    }

    @Test
    void shouldSkipAnUnknownTemplateByItsLengthAndDecodeTheRest()
    {
        defineInstruments();
        queue.add(packets.packet(3, 1).unknown(2000, 20).ticker(PERPETUAL, 25_010.0, 25_000.0, 25_020.0).copy());
        pollIntoLogic();
        assertEquals(1, source.counters().unknownTemplates());
        assertEquals(2, source.counters().messages(1003));
        assertEquals(SNAPSHOT_FRAMES + 1, logic.lastSequence(ENGINE_CHANNEL));
    }

    @Test
    void shouldDecodeANewerVersionByItsBlockLength()
    {
        defineInstruments();
        packets.packet(3, 1).ticker(PERPETUAL, 25_010.0, 25_000.0, 25_020.0);
        final UnsafeBuffer newer = new UnsafeBuffer(new byte[packets.length + 8]);
        newer.putBytes(0, packets.buffer, 0, packets.length);
        newer.putShort(0, (short)(packets.length + 8 - DeribitAdapter.FRAME_HEADER_LENGTH), ByteOrder.LITTLE_ENDIAN);
        newer.putShort(DeribitAdapter.FRAME_HEADER_LENGTH, (short)(133 + 8), ByteOrder.LITTLE_ENDIAN);
        newer.putShort(DeribitAdapter.FRAME_HEADER_LENGTH + 6, (short)4, ByteOrder.LITTLE_ENDIAN);
        queue.add(newer);
        pollIntoLogic();
        assertEquals(1, source.counters().newerVersions());
        assertEquals(0, source.counters().malformed());
        assertEquals(SNAPSHOT_FRAMES + 1, logic.lastSequence(ENGINE_CHANNEL));
    }
}
