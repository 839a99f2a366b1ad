package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitCaptureTest
{
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("dMMMyy", Locale.ROOT);

    @Test
    void shouldDecodeEveryMessageOfTheSampleCapture() throws Exception
    {
        try (DeribitFrameSource source = DeribitFrameSource.open(
            DeribitFrameSource.PCAP_PREFIX + DeribitCaptures.path(DeribitCaptures.SAMPLE), new int[0], 0, 0))
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
    void shouldDefineEightyFourInstrumentsWhoseStrikeAndExpiryAgreeWithTheirNames() throws Exception
    {
        try (DeribitFrameSource source = DeribitFrameSource.open(
            DeribitFrameSource.PCAP_PREFIX + DeribitCaptures.path(DeribitCaptures.SAMPLE), new int[0], 0, 0))
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
                    final LocalDate date = LocalDate.parse(parts[1].charAt(0) + parts[1].substring(1, 3) +
                        parts[1].substring(3, 5).toLowerCase(Locale.ROOT) + parts[1].substring(5), DateTimeFormatter
                        .ofPattern("dMMMyy", Locale.ENGLISH));
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
