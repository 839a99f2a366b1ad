package io.hedgeflow.journal;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.ReconciliationDecoder;
import io.hedgeflow.codecs.TradeDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteOrder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.hedgeflow.journal.FramePrinter.Format.CSV;
import static io.hedgeflow.journal.FramePrinter.Format.JSON;
import static io.hedgeflow.journal.FramePrinter.Format.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePrinterTest
{
    private static final int OFFSET = 16;
    private static final long SEQUENCE = 12;
    private static final long STAMP = 500;
    private static final String TEXT_PREFIX = "seq=12 stamp=500 ch=1 chseq=7 t=2026-01-01T00:00:00.000000100Z ";
    private static final String JSON_PREFIX =
        "\"sequence\":12,\"stamp\":500,\"channel\":1,\"channel_sequence\":7,\"time_ns\":1767225600000000100,";

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final TestFrames frames = new TestFrames();
    private final FramePrinter printer = new FramePrinter();

    static Stream<Arguments> textLines()
    {
        return Stream.of(
            Arguments.of(1, "InstrumentDefinition instrumentId=11 underlyingId=1 kind=OPTION settlement=INVERSE " +
                "optionType=CALL contractSize=1 tickSize=0.0005 lotSize=0.1 minSize=0.1 strike=100000 " +
                "expiryNs=1767254400000000000 symbol=BTC-1JAN26-100000-C makerFee=-0.0001 takerFee=0.0003"),
            Arguments.of(2, "Quote instrumentId=3 bidPrice=100000.5 bidSize=2 askPrice=100001 askSize=1.25"),
            Arguments.of(3, "BookLevels instrumentId=3 " +
                "levels=[{side=BUY price=100000.5 size=2} {side=SELL price=100001 size=1.25}]"),
            Arguments.of(4, "Trade instrumentId=3 price=100000.75 size=0.5 aggressorSide=SELL"),
            Arguments.of(5, "OptionTicker instrumentId=11 markPrice=0.0415 markIv=0.55 bidIv=0.54 askIv=0.56 " +
                "underlyingPrice=100250.25"),
            Arguments.of(6, "IndexPrice underlyingId=1 price=100123.45678901"),
            Arguments.of(7, "FundingRate instrumentId=3 rate=-0.0001"),
            Arguments.of(8, "Heartbeat reserved=0"),
            Arguments.of(9, "ChannelReset reserved=0"),
            Arguments.of(10, "ExecutionReport orderId=42 instrumentId=3 side=BUY execType=PARTIAL_FILL lastQty=0.3 " +
                "lastPrice=100001 leavesQty=0.2 fee=-0.00000012"),
            Arguments.of(11, "PositionSnapshot instrumentId=3 position=-1.5"),
            Arguments.of(12, "OptionTrade instrumentId=11 quantity=-10 price=0.04"),
            Arguments.of(13, "KillSwitch engaged=1 origin=OPERATOR"),
            Arguments.of(14, "Timer timerId=5"),
            Arguments.of(20, "NewOrder orderId=42 instrumentId=3 side=BUY quantity=0.5 limitPrice=100010 " +
                "triggerSequence=12"),
            Arguments.of(21, "HedgeDecision decisionId=9 triggerSequence=12 triggerChannel=1 underlyingId=1 " +
                "hedgeInstrumentId=3 policy=DELTA_BAND reason=BAND_BREACH verdict=ACCEPTED deltaBefore=0.75 " +
                "deltaAfter=0.25 gamma=1.0E-5 vega=120.5 targetDelta=0.0 band=0.1 underlyingPrice=100000 " +
                "orderQty=-0.5 orderId=42 triggerValue=0.75 aimDelta=0.1 hedgeRatio=1.0 hedgeEffectiveness=1.0 " +
                "expectedSlippageBps=0.25 volatility=0.0 deltaAdjustment=-0.01"));
    }

    @Test
    void shouldHaveATextLineForEveryMessageOfTheSchema()
    {
        assertEquals(TestFrames.TEMPLATE_IDS.length, textLines().count());
    }

    @ParameterizedTest
    @MethodSource("textLines")
    void shouldPrintEveryMessageAsText(final int templateId, final String expected)
    {
        assertEquals(TEXT_PREFIX + expected, print(templateId, TEXT));
    }

    @ParameterizedTest
    @MethodSource("textLines")
    void shouldPrintEveryMessageAsOneJsonObjectWithTheSameFields(final int templateId, final String text)
    {
        final String json = print(templateId, JSON);
        final String type = text.substring(0, text.indexOf(' '));

        assertBalancedJsonObject(json);
        assertTrue(json.startsWith("{\"type\":\"" + type + "\"," + JSON_PREFIX), json);
        if (!text.contains("["))
        {
            for (final String pair : text.substring(type.length() + 1).split(" "))
            {
                final String key = pair.substring(0, pair.indexOf('='));
                final String value = pair.substring(key.length() + 1);
                final String jsonValue = value.matches("-?[0-9.]+(E-?[0-9]+)?") ? value : '"' + value + '"';
                assertTrue(json.contains("\"" + key + "\":" + jsonValue), json + " lacks " + pair);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("textLines")
    void shouldPrintEveryMessageAsACsvRowWithTheTextFieldsQuoted(final int templateId, final String text)
    {
        final String type = text.substring(0, text.indexOf(' '));
        final String fields = text.substring(type.length() + 1);
        final Matcher instrument = Pattern.compile("(^| )(instrumentId|hedgeInstrumentId)=(\\d+)").matcher(fields);

        final String instrumentId = instrument.find() ? instrument.group(3) : "";

        assertEquals("12,500," + type + ",1,7,1767225600000000100," + instrumentId + ",\"" + fields + "\"",
            print(templateId, CSV));
    }

    @Test
    void shouldDoubleQuotesInsideTheCsvFieldsColumn()
    {
        final int length = frames.encode(1, buffer, OFFSET);
        final int symbolOffset =
            OFFSET + FrameHeader.MIN_FRAME_LENGTH + InstrumentDefinitionDecoder.symbolEncodingOffset();
        buffer.putStringWithoutLengthAscii(symbolOffset, String.format("%-32s", "A\",B"));
        seal(length);

        assertTrue(print(CSV, length).contains(" symbol=A\"\",B makerFee="), print(CSV, length));
    }

    @Test
    void shouldPrintQuoteAsJson()
    {
        assertEquals("{\"type\":\"Quote\"," + JSON_PREFIX +
            "\"instrumentId\":3,\"bidPrice\":100000.5,\"bidSize\":2,\"askPrice\":100001,\"askSize\":1.25}",
            print(2, JSON));
    }

    @Test
    void shouldPrintBookLevelsGroupAsJsonList()
    {
        assertEquals("{\"type\":\"BookLevels\"," + JSON_PREFIX + "\"instrumentId\":3,\"levels\":[" +
            "{\"side\":\"BUY\",\"price\":100000.5,\"size\":2},{\"side\":\"SELL\",\"price\":100001,\"size\":1.25}]}",
            print(3, JSON));
    }

    @Test
    void shouldPrintReconciliationWithItsOrdersAndPositions()
    {
        final int length = frames.encode(17, buffer, OFFSET);

        assertEquals(TEXT_PREFIX + "Reconciliation requestId=2 last=1 orders=[" +
            "{orderId=41 state=WORKING cumQty=0.5 leavesQty=1.5 avgPrice=100000.5} " +
            "{orderId=42 state=FILLED cumQty=1 leavesQty=0 avgPrice=99999}] " +
            "positions=[{instrumentId=3 position=-1.5}]", print(TEXT, length));
        assertBalancedJsonObject(print(JSON, length));
    }

    @Test
    void shouldPrintReconciliationPositionsOverrunningTheFrameAsInvalid()
    {
        final int length = frames.encode(17, buffer, OFFSET);
        final int positionsHeader = length - ReconciliationDecoder.PositionsDecoder.sbeBlockLength() -
            ReconciliationDecoder.PositionsDecoder.HEADER_SIZE;
        buffer.putShort(OFFSET + positionsHeader + 2, (short)9, ByteOrder.LITTLE_ENDIAN);
        seal(length);

        assertInvalid("positions group of 9 entries of " + ReconciliationDecoder.PositionsDecoder.sbeBlockLength() +
            " bytes overruns the frame", length);
    }

    @Test
    void shouldPrintNonFiniteDoublesAsJsonStrings()
    {
        final int length = frames.encode(21, buffer, OFFSET);
        buffer.putDouble(
            OFFSET + FrameHeader.MIN_FRAME_LENGTH + HedgeDecisionDecoder.deltaBeforeEncodingOffset(),
            Double.NaN,
            ByteOrder.LITTLE_ENDIAN);
        seal(length);

        final String json = print(JSON, length);

        assertTrue(json.contains("\"deltaBefore\":\"NaN\""), json);
        assertBalancedJsonObject(json);
    }

    @Test
    void shouldEscapeSymbolCharactersForJson()
    {
        final int length = frames.encode(1, buffer, OFFSET);
        final int symbolOffset =
            OFFSET + FrameHeader.MIN_FRAME_LENGTH + InstrumentDefinitionDecoder.symbolEncodingOffset();
        buffer.putStringWithoutLengthAscii(symbolOffset, String.format("%-32s", "A\"B\\C\u0001"));
        seal(length);

        assertTrue(print(JSON, length).contains("\"symbol\":\"A\\\"B\\\\C\\u0001\","), print(JSON, length));
        assertTrue(print(TEXT, length).contains(" symbol=A\"B\\C\\u0001 "), print(TEXT, length));
    }

    @Test
    void shouldPrintAbsentInstrumentFeesAsNull()
    {
        final int length = frames.encode(1, buffer, OFFSET);
        final int body = OFFSET + FrameHeader.MIN_FRAME_LENGTH;
        buffer.putLong(body + InstrumentDefinitionDecoder.makerFeeEncodingOffset(),
            InstrumentDefinitionDecoder.makerFeeNullValue(), ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(body + InstrumentDefinitionDecoder.takerFeeEncodingOffset(),
            InstrumentDefinitionDecoder.takerFeeNullValue(), ByteOrder.LITTLE_ENDIAN);
        seal(length);

        assertTrue(print(TEXT, length).endsWith(" makerFee=null takerFee=null"), print(TEXT, length));
        assertTrue(print(JSON, length).endsWith("\"makerFee\":null,\"takerFee\":null}"), print(JSON, length));
    }

    @Test
    void shouldPrintEnumValueOutsideTheSchemaAsUnknown()
    {
        final int length = frames.encode(4, buffer, OFFSET);
        buffer.putByte(OFFSET + FrameHeader.MIN_FRAME_LENGTH + TradeDecoder.aggressorSideEncodingOffset(), (byte)7);
        seal(length);

        assertEquals(TEXT_PREFIX + "Trade instrumentId=3 price=100000.75 size=0.5 aggressorSide=UNKNOWN(7)",
            print(TEXT, length));
    }

    @Test
    void shouldPrintTooShortFrameAsInvalid()
    {
        assertEquals("seq=12 stamp=500 invalid length=10 reason=too short: 10 bytes, a frame has at least 40",
            print(TEXT, 10));
        assertEquals("{\"type\":\"invalid\",\"sequence\":12,\"stamp\":500,\"length\":10," +
            "\"reason\":\"too short: 10 bytes, a frame has at least 40\"}", print(JSON, 10));
    }

    @Test
    void shouldPrintFrameWhoseLengthFieldDisagreesAsInvalid()
    {
        final int length = frames.encode(2, buffer, OFFSET);

        assertInvalid("frame length field 76 differs from record length 77", length + 1);
    }

    @Test
    void shouldPrintFrameWhoseChecksumDisagreesAsInvalid()
    {
        final int length = frames.encode(2, buffer, OFFSET);
        final int sealed = FrameHeader.checksum(buffer, OFFSET);
        buffer.putByte(OFFSET + length - 1, (byte)(buffer.getByte(OFFSET + length - 1) ^ 1));
        final int computed = new FrameChecksum().compute(buffer, OFFSET, length);

        assertInvalid(String.format("checksum 0x%08x differs from 0x%08x computed", sealed, computed), length);
    }

    @Test
    void shouldPrintFrameOfAnotherSchemaAsInvalid()
    {
        final int length = frames.encode(2, buffer, OFFSET);
        buffer.putShort(OFFSET + FrameHeader.MESSAGE_OFFSET + 4, (short)999, ByteOrder.LITTLE_ENDIAN);
        seal(length);

        assertInvalid("schema id 999, expected 7301", length);
    }

    @Test
    void shouldPrintUnknownTemplateAsInvalid()
    {
        final int length = frames.encode(2, buffer, OFFSET);
        buffer.putShort(OFFSET + FrameHeader.MESSAGE_OFFSET + 2, (short)99, ByteOrder.LITTLE_ENDIAN);
        seal(length);

        assertInvalid("unknown template id 99", length);
    }

    @Test
    void shouldPrintTruncatedBodyAsInvalid()
    {
        frames.encode(2, buffer, OFFSET);
        FrameHeader.frameLength(buffer, OFFSET, FrameHeader.MIN_FRAME_LENGTH);
        seal(FrameHeader.MIN_FRAME_LENGTH);

        assertInvalid("block length 36 overruns the frame", FrameHeader.MIN_FRAME_LENGTH);
    }

    @Test
    void shouldPrintBlockShorterThanTheSchemaAsInvalid()
    {
        final int length = frames.encode(2, buffer, OFFSET);
        buffer.putShort(OFFSET + FrameHeader.MESSAGE_OFFSET, (short)4, ByteOrder.LITTLE_ENDIAN);
        seal(length);

        assertInvalid("block length 4 shorter than 36 of version 3", length);
    }

    @Test
    void shouldPrintAVersionOneKillSwitchWithItsShorterBlockAndNoOrigin()
    {
        final int length = versioned(1, 1, 0);

        assertEquals(TEXT_PREFIX + "KillSwitch engaged=1 origin=NULL_VAL", print(TEXT, length));
    }

    @Test
    void shouldPrintANewerVersionsLongerBlockSkippingWhatItAdded()
    {
        final int length = versioned(3, 2 + 6, 6);

        assertEquals(TEXT_PREFIX + "KillSwitch engaged=1 origin=OPERATOR", print(TEXT, length));
    }

    @Test
    void shouldPrintABlockShorterThanItsOwnVersionsAsInvalid()
    {
        assertInvalid("block length 1 shorter than 2 of version 2", versioned(2, 1, 0));
        assertInvalid("block length 0 shorter than 1 of version 1", versioned(1, 0, 0));
        assertInvalid("schema version 0", versioned(0, 2, 0));
    }

    /** A KillSwitch frame claiming a schema version and block length, with extra bytes after the block. */
    private int versioned(final int version, final int blockLength, final int extra)
    {
        final int length = frames.encode(13, buffer, OFFSET) + extra;
        buffer.setMemory(OFFSET + length - extra, extra, (byte)0x5A);
        buffer.putShort(OFFSET + FrameHeader.MESSAGE_OFFSET, (short)blockLength, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(OFFSET + FrameHeader.MESSAGE_OFFSET + 6, (short)version, ByteOrder.LITTLE_ENDIAN);
        FrameHeader.frameLength(buffer, OFFSET, length);
        seal(length);
        return length;
    }

    @Test
    void shouldPrintGroupOverrunningTheFrameAsInvalid()
    {
        final int length = frames.encode(3, buffer, OFFSET);
        buffer.putShort(OFFSET + FrameHeader.MIN_FRAME_LENGTH + 4 + 2, (short)50, ByteOrder.LITTLE_ENDIAN);
        seal(length);

        assertInvalid("levels group of 50 entries of 17 bytes overruns the frame", length);
    }

    @Test
    void shouldAppendToExistingContentAndKeepItWhenInvalid()
    {
        final StringBuilder out = new StringBuilder("before|");
        final int length = frames.encode(3, buffer, OFFSET);
        buffer.putShort(OFFSET + FrameHeader.MIN_FRAME_LENGTH + 4 + 2, (short)50, ByteOrder.LITTLE_ENDIAN);
        seal(length);

        printer.print(buffer, OFFSET, length, STAMP, SEQUENCE, TEXT, out);

        assertTrue(out.toString().startsWith("before|seq=12 stamp=500 invalid"), out.toString());
    }

    private void assertInvalid(final String reason, final int length)
    {
        assertEquals("seq=12 stamp=500 invalid length=" + length + " reason=" + reason, print(TEXT, length));
        final String json = print(JSON, length);
        assertEquals("{\"type\":\"invalid\",\"sequence\":12,\"stamp\":500,\"length\":" + length +
            ",\"reason\":\"" + reason + "\"}", json);
        assertEquals("12,500,invalid,,,,,\"length=" + length + " reason=" + reason + "\"", print(CSV, length));
    }

    /** Re-computes the checksum of a frame the test changed on purpose, so the printer reaches the field checks. */
    private void seal(final int length)
    {
        new FrameChecksum().seal(buffer, OFFSET, length);
    }

    private String print(final int templateId, final FramePrinter.Format format)
    {
        return print(format, frames.encode(templateId, buffer, OFFSET));
    }

    private String print(final FramePrinter.Format format, final int length)
    {
        final StringBuilder out = new StringBuilder();
        printer.print(buffer, OFFSET, length, STAMP, SEQUENCE, format, out);
        return out.toString();
    }

    private static void assertBalancedJsonObject(final String json)
    {
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++)
        {
            final char c = json.charAt(i);
            if (inString)
            {
                i += c == '\\' ? 1 : 0;
                inString = c != '"';
            }
            else
            {
                inString = c == '"';
                depth += c == '{' || c == '[' ? 1 : c == '}' || c == ']' ? -1 : 0;
                assertTrue(depth > 0 || i == json.length() - 1, "object closes early in " + json);
            }
        }
        assertEquals(0, depth, json);
        assertTrue(!inString, json);
    }
}
