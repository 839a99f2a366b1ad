package io.hedgeflow.framing;

import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.BookLevelsEncoder;
import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.HedgeDecisionEncoder;
import io.hedgeflow.codecs.HedgePolicy;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameEncoderTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(FrameHeader.MAX_FRAME_LENGTH));
    private final FrameEncoder frame = new FrameEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @Test
    void shouldWriteTheSameFrameWhenTheCallerWrapsItsEncoderItself()
    {
        final BookLevelsEncoder encoder = new BookLevelsEncoder();
        frame.begin(buffer, 8, encoder, 3, 9L, 1_767_571_200_000_000_123L);
        encoder.instrumentId(5).levelsCount(2).next().side(Side.BUY).price(Fixed8.fromDouble(99.5)).size(Fixed8.ONE)
            .next().side(Side.SELL).price(Fixed8.fromDouble(100.5)).size(Fixed8.fromDouble(2.0));
        final int length = frame.end(encoder);
        final byte[] expected = new byte[length];
        buffer.getBytes(8, expected);

        final UnsafeBuffer other = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
        final int body = frame.begin(other, 8, BookLevelsEncoder.BLOCK_LENGTH, BookLevelsEncoder.TEMPLATE_ID, 3, 9L,
            1_767_571_200_000_000_123L);
        assertEquals(8 + FrameHeader.MIN_FRAME_LENGTH, body);
        encoder.wrap(other, body).instrumentId(5).levelsCount(2).next().side(Side.BUY).price(Fixed8.fromDouble(99.5))
            .size(Fixed8.ONE).next().side(Side.SELL).price(Fixed8.fromDouble(100.5)).size(Fixed8.fromDouble(2.0));
        assertEquals(length, frame.end(encoder.encodedLength()));
        final byte[] actual = new byte[length];
        other.getBytes(8, actual);
        assertEquals(java.util.HexFormat.of().formatHex(expected), java.util.HexFormat.of().formatHex(actual));
    }

    @Test
    void shouldRoundTripAnInstrumentDefinitionWithItsFrameHeader()
    {
        final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder();
        frame.begin(buffer, 16, encoder, 1, 42L, 1_767_571_200_000_000_123L);
        encoder.instrumentId(7).underlyingId(1).kind(InstrumentKind.OPTION).settlement(Settlement.INVERSE)
            .optionType(OptionType.PUT).contractSize(Fixed8.ONE).tickSize(Fixed8.fromDouble(0.0005))
            .lotSize(Fixed8.fromDouble(0.1)).minSize(Fixed8.fromDouble(0.1)).strike(Fixed8.fromDouble(95_000))
            .expiryNs(1_768_000_000_000_000_000L).symbol("BTC-30JAN26-95000-P").makerFee(Fixed8.fromDouble(0.0003))
            .takerFee(Fixed8.fromDouble(0.0003));
        final int length = frame.end(encoder);

        assertEquals(FrameHeader.MIN_FRAME_LENGTH + InstrumentDefinitionEncoder.BLOCK_LENGTH, length);
        assertEquals(length, FrameHeader.frameLength(buffer, 16));
        assertEquals(1, FrameHeader.channelId(buffer, 16));
        assertEquals(42L, FrameHeader.sequence(buffer, 16));
        assertEquals(1_767_571_200_000_000_123L, FrameHeader.sendingTimeNs(buffer, 16));
        assertTrue(new FrameChecksum().matches(buffer, 16, length));
        header.wrap(buffer, 16 + FrameHeader.MESSAGE_OFFSET);
        assertEquals(InstrumentDefinitionDecoder.TEMPLATE_ID, header.templateId());
        assertEquals(InstrumentDefinitionDecoder.SCHEMA_ID, header.schemaId());
        final InstrumentDefinitionDecoder d = new InstrumentDefinitionDecoder()
            .wrap(buffer, 16 + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        assertEquals(7, d.instrumentId());
        assertEquals(InstrumentKind.OPTION, d.kind());
        assertEquals(Settlement.INVERSE, d.settlement());
        assertEquals(OptionType.PUT, d.optionType());
        assertEquals(95_000.0, Fixed8.toDouble(d.strike()));
        assertEquals(0.1, Fixed8.toDouble(d.lotSize()));
        assertEquals("BTC-30JAN26-95000-P", d.symbol().trim());
        assertEquals(30_000L, d.takerFee());
    }

    @Test
    void shouldRoundTripBookLevelsWithTheirGroup()
    {
        final BookLevelsEncoder encoder = new BookLevelsEncoder();
        frame.begin(buffer, 0, encoder, 1, 1L, 5L);
        final BookLevelsEncoder.LevelsEncoder levels = encoder.instrumentId(3).levelsCount(2);
        levels.next().side(Side.BUY).price(Fixed8.fromDouble(99.5)).size(Fixed8.fromDouble(10));
        levels.next().side(Side.SELL).price(Fixed8.fromDouble(100.5)).size(Fixed8.fromDouble(12));
        final int length = frame.end(encoder);

        header.wrap(buffer, FrameHeader.MESSAGE_OFFSET);
        final BookLevelsDecoder d = new BookLevelsDecoder()
            .wrap(buffer, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        final BookLevelsDecoder.LevelsDecoder decoded = d.levels();
        assertEquals(2, decoded.count());
        assertEquals(Side.BUY, decoded.next().side());
        assertEquals(99.5, Fixed8.toDouble(decoded.price()));
        assertEquals(Side.SELL, decoded.next().side());
        assertEquals(12.0, Fixed8.toDouble(decoded.size()));
        assertEquals(length, FrameHeader.MIN_FRAME_LENGTH + d.encodedLength());
    }

    @Test
    void shouldRoundTripAHedgeDecisionBitForBit()
    {
        final HedgeDecisionEncoder encoder = new HedgeDecisionEncoder();
        frame.begin(buffer, 0, encoder, 100, 9L, 11L);
        encoder.decisionId(9).triggerSequence(1234).triggerChannel(1).underlyingId(2).hedgeInstrumentId(20)
            .policy(HedgePolicy.DELTA_BAND).reason(DecisionReason.BAND_BREACH).verdict(RiskVerdict.ACCEPTED)
            .deltaBefore(-78.76640450811874).deltaAfter(0.0035954918812564074).gamma(-0.0056).vega(10607.46)
            .targetDelta(0.0).band(75.75).underlyingPrice(Fixed8.fromDouble(3300.30340354))
            .orderQty(Fixed8.fromDouble(7877)).orderId(14);
        frame.end(encoder);

        header.wrap(buffer, FrameHeader.MESSAGE_OFFSET);
        final HedgeDecisionDecoder d = new HedgeDecisionDecoder()
            .wrap(buffer, FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        assertEquals(-78.76640450811874, d.deltaBefore());
        assertEquals(0.0035954918812564074, d.deltaAfter());
        assertEquals(RiskVerdict.ACCEPTED, d.verdict());
        assertEquals(3300.30340354, Fixed8.toDouble(d.underlyingPrice()));
        assertEquals(7877 * Fixed8.ONE, d.orderQty());
        assertEquals(14, d.orderId());
    }

    @Test
    void shouldConvertFixed8BothWays()
    {
        assertEquals(150_000_000L, Fixed8.fromDouble(1.5));
        assertEquals(-1L, Fixed8.fromDouble(-0.00000001));
        assertEquals(95_014.32334505, Fixed8.toDouble(Fixed8.fromDouble(95_014.32334505)));
    }
}
