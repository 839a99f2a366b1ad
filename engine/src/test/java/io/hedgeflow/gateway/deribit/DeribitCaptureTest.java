package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.logic.LogicContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitCaptureTest
{
    private static final DateTimeFormatter EXPIRY =
        new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("dMMMyy").toFormatter(Locale.ENGLISH);

    @Test
    void shouldDecodeEveryMessageOfTheSampleCapture() throws Exception
    {
        try (DeribitFrameSource source = DeribitCaptures.open(DeribitCaptures.path(DeribitCaptures.SAMPLE)))
        {
            assertTrue(DeribitCaptures.drain(source, new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH])) > 0);
            final FeedCounters c = source.counters();
            final Map<Integer, Long> messages = new TreeMap<>();
            for (int t = FeedCounters.FIRST_TEMPLATE; t <= FeedCounters.LAST_TEMPLATE; t++)
            {
                if (c.messages(t) > 0)
                {
                    messages.put(t, c.messages(t));
                }
            }
            assertEquals(Map.of(1000, 194L, 1001, 1064L, 1002, 332L, 1003, 4211L, 1004, 197L, 1005, 60L, 1006, 60L,
                1008, 468L, 1010, 194L), messages);
            assertEquals(6780, c.messages());
            assertEquals(5066, c.packets());
            assertEquals(0, c.malformed());
            assertEquals(0, c.gaps());
            assertEquals(0, c.duplicates());
            assertEquals(0, c.unknownTemplates());
            assertEquals(0, c.skippedPackets());
            assertEquals(0, c.truncated());
        }
    }

    @Test
    void shouldArbitrateTheCaptureReceivedTwiceAsAnABPair() throws Exception
    {
        final DeribitFrameSource source = DeribitFrameSource.forPushedPackets(new LogicContext());
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        int frames = 0;
        for (final UnsafeBuffer payload : DeribitCaptures.payloads(DeribitCaptures.path(DeribitCaptures.SAMPLE)))
        {
            source.onPacket(payload, 0, payload.capacity(), 0);
            source.onPacket(payload, 0, payload.capacity(), 0);
            while (source.poll(frame, 0, frame.capacity()) > 0)
            {
                frames++;
            }
        }
        assertEquals(5066, source.counters().packets());
        assertEquals(5066, source.counters().duplicates());
        assertEquals(6780, source.counters().messages());
        assertEquals(0, source.counters().gaps());
        assertEquals(4684, frames, "the frames of the capture received once");
    }

    @Test
    void shouldDecodeTheRfqCapture() throws Exception
    {
        try (DeribitFrameSource source = DeribitCaptures.open(DeribitCaptures.path(DeribitCaptures.RFQ)))
        {
            DeribitCaptures.drain(source, new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]));
            assertEquals(2, source.counters().packets());
            assertEquals(2, source.counters().messages(1009));
            assertEquals(2, source.counters().messages());
            assertEquals(0, source.counters().malformed());
            assertEquals(0, source.counters().unknownTemplates());
        }
    }

    @Test
    void shouldCarryDeribitsMakerAndTakerCommissionsInTheDefinitions() throws Exception
    {
        try (DeribitFrameSource source = DeribitCaptures.open(DeribitCaptures.path(DeribitCaptures.SAMPLE)))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
            final Map<String, Long> takerFees = new TreeMap<>();
            int length;
            while ((length = source.poll(buffer, 0, buffer.capacity())) != DeribitFrameSource.END)
            {
                header.wrap(buffer, FrameHeader.MESSAGE_OFFSET);
                if (length > 0 && header.templateId() == InstrumentDefinitionDecoder.TEMPLATE_ID)
                {
                    definition.wrap(buffer, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
                    final int slot = source.instruments().slotOf(definition.instrumentId());
                    final String name = source.instruments().name(slot);
                    assertEquals(Fixed8.fromDouble(source.instruments().makerFee(slot)), definition.makerFee(), name);
                    assertEquals(Fixed8.fromDouble(source.instruments().takerFee(slot)), definition.takerFee(), name);
                    takerFees.put(name, definition.takerFee());
                }
            }
            assertEquals(84, takerFees.size());
            assertEquals(Fixed8.fromDouble(0.0001), takerFees.get("BTC-PERPETUAL"), "as the test environment has it");
        }
    }

    @Test
    void shouldDefineEightyFourInstrumentsWhoseStrikeAndExpiryAgreeWithTheirNames() throws Exception
    {
        try (DeribitFrameSource source = DeribitCaptures.open(DeribitCaptures.path(DeribitCaptures.SAMPLE)))
        {
            DeribitCaptures.drain(source, new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]));
            final DeribitInstruments instruments = source.instruments();
            assertEquals(84, instruments.count());
            int options = 0;
            for (int s = 0; s < instruments.count(); s++)
            {
                final String name = instruments.name(s);
                final String[] parts = name.split("-");
                final InstrumentKind kind = instruments.kind(s);
                assertTrue(instruments.isNormalized(s), name);
                if (kind == InstrumentKind.OPTION)
                {
                    options++;
                    assertEquals(Double.parseDouble(parts[2].replace('d', '.')), instruments.strike(s), name);
                    assertEquals(parts[3].equals("C"), instruments.isCall(s), name);
                }
                if (kind == InstrumentKind.OPTION || kind == InstrumentKind.FUTURE)
                {
                    final LocalDate date = LocalDate.parse(parts[1], EXPIRY);
                    assertEquals(date.atTime(8, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L,
                        instruments.expiryNs(s), name);
                }
                else
                {
                    assertEquals(0L, instruments.expiryNs(s), name);
                    assertTrue(name.endsWith("PERPETUAL") == (kind == InstrumentKind.PERPETUAL), name);
                }
                assertEquals(name.startsWith("ETH") ? 2 : 1, instruments.underlyingId(s), name);
                assertEquals(name.startsWith("BTC-") || name.startsWith("ETH-"), instruments.isInverse(s), name);
            }
            assertEquals(76, options);
        }
    }
}
