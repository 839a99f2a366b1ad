package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordFilterTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final TestFrames frames = new TestFrames();

    @Test
    void shouldMatchEverythingByDefault()
    {
        final RecordFilter filter = new RecordFilter();

        assertTrue(filter.matches(buffer, 0, frames.encode(8, buffer, 0), -5));
        assertTrue(filter.matches(buffer, 0, 3, Long.MAX_VALUE), "even a frame that cannot be decoded");
    }

    @Test
    void shouldMatchAnInclusiveSequenceRange()
    {
        final RecordFilter filter = new RecordFilter().fromSequence(10).toSequence(12);
        final int length = frames.encode(2, buffer, 0);

        assertFalse(filter.matches(buffer, 0, length, 9));
        assertTrue(filter.matches(buffer, 0, length, 10));
        assertTrue(filter.matches(buffer, 0, length, 12));
        assertFalse(filter.matches(buffer, 0, length, 13));
    }

    @Test
    void shouldMatchTheMessageTypesNamed()
    {
        final RecordFilter filter = new RecordFilter().types(List.of("Quote", "HedgeDecision"));

        for (final int templateId : TestFrames.TEMPLATE_IDS)
        {
            assertEquals(templateId == 2 || templateId == 21,
                filter.matches(buffer, 0, frames.encode(templateId, buffer, 0), 1), "template " + templateId);
        }
        assertFalse(filter.matches(buffer, 0, 3, 1), "a frame that cannot be decoded has no type");
    }

    @Test
    void shouldMatchTheInstrumentOfEveryMessageThatNamesOne()
    {
        final RecordFilter three = new RecordFilter().instrument(3);
        final RecordFilter eleven = new RecordFilter().instrument(11);

        // samples: instrument 3 in Quote, BookLevels, Trade, FundingRate, ExecutionReport, PositionSnapshot,
        // NewOrder and HedgeDecision (hedgeInstrumentId); 11 in InstrumentDefinition, OptionTicker, OptionTrade
        for (final int templateId : TestFrames.TEMPLATE_IDS)
        {
            final int length = frames.encode(templateId, buffer, 0);
            assertEquals(List.of(2, 3, 4, 7, 10, 11, 20, 21).contains(templateId),
                three.matches(buffer, 0, length, 1), "template " + templateId);
            assertEquals(List.of(1, 5, 12).contains(templateId),
                eleven.matches(buffer, 0, length, 1), "template " + templateId);
        }
    }

    @Test
    void shouldMatchOnlyWhenEveryConditionHolds()
    {
        final RecordFilter filter = new RecordFilter().types(List.of("Trade")).instrument(3).fromSequence(5);

        assertTrue(filter.matches(buffer, 0, frames.encode(4, buffer, 0), 5));
        assertFalse(filter.matches(buffer, 0, frames.encode(4, buffer, 0), 4));
        assertFalse(filter.matches(buffer, 0, frames.encode(2, buffer, 0), 5));
        assertFalse(filter.matches(buffer, 0, frames.quote(buffer, 0, 4), 5));
    }

    @Test
    void shouldNameTheKnownTypesWhenATypeIsUnknown()
    {
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> new RecordFilter().types(List.of("Qoute")));

        assertTrue(error.getMessage().startsWith("unknown message type 'Qoute' (one of InstrumentDefinition, " +
            "Quote, BookLevels"), error.getMessage());
        assertTrue(error.getMessage().endsWith("NewOrder, HedgeDecision)"), error.getMessage());
    }
}
