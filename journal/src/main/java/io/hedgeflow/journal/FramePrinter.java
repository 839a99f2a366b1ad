package io.hedgeflow.journal;

import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;

/**
 * Prints any hedgeflow frame of a journal record as one line, for {@code dump}.
 * <pre>
 * TEXT: seq=12 stamp=1767225600000000500 ch=1 chseq=7 t=2026-01-01T00:00:00.000000100Z Quote instrumentId=3
 *       bidPrice=100000.5 bidSize=2 askPrice=100001 askSize=1.25
 * JSON: {"type":"Quote","sequence":12,"stamp":1767225600000000500,"channel":1,"channel_sequence":7,
 *        "time_ns":1767225600000000100,"instrumentId":3,"bidPrice":100000.5,"bidSize":2,"askPrice":100001,...}
 * CSV:  12,1767225600000000500,Quote,1,7,1767225600000000100,3,"instrumentId=3 bidPrice=100000.5 bidSize=2 ..."
 * </pre>
 * (each one line). Keys are the schema's field names; Fixed8 fields print as exact decimals, enums by name,
 * repeating groups as lists ({@code levels=[{side=BUY price=1 size=2} {...}]} in text). CSV has the fixed columns
 * of {@link #CSV_HEADER}: instrument_id is the message's instrumentId (hedgeInstrumentId of a HedgeDecision), empty
 * for messages without one, and fields holds the message's fields as in text, always quoted. A frame that cannot
 * be decoded (too short, length field disagreeing with the record, another schema, unknown template, truncated
 * body or group) prints as an {@code invalid} line with the reason, never an exception:
 * <pre>
 * TEXT: seq=12 stamp=5 invalid length=40 reason=unknown template id 99
 * JSON: {"type":"invalid","sequence":12,"stamp":5,"length":40,"reason":"unknown template id 99"}
 * CSV:  12,5,invalid,,,,,"length=40 reason=unknown template id 99"
 * </pre>
 * Reuses its decoders: one instance per thread. No line terminator is written.
 */
public final class FramePrinter
{
    /** Output format. */
    public enum Format
    {
        /** Space separated {@code key=value} words. */
        TEXT,
        /** One JSON object. */
        JSON,
        /** Comma separated values under {@link #CSV_HEADER}. */
        CSV
    }

    /** The header line of the CSV format. */
    public static final String CSV_HEADER = "sequence,stamp,type,channel,channel_sequence,time_ns,instrument_id,fields";

    private final MessageDecoders decoders = new MessageDecoders();
    private final MessagePrinter messages = new MessagePrinter(decoders);
    private final LineWriter line = new LineWriter();
    private final StringBuilder fields = new StringBuilder(256);

    /**
     * Appends one line describing the frame of a record.
     *
     * @param buffer   holding the frame.
     * @param offset   of the frame in buffer.
     * @param length   of the frame.
     * @param stamp    of the record (see {@link JournalRecord}).
     * @param sequence of the record (see {@link JournalRecord}).
     * @param format   of the line.
     * @param out      to append the line to.
     * @throws IndexOutOfBoundsException if offset and length do not lie inside buffer (a caller's bug, not a bad
     *                                   frame).
     */
    public void print(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long stamp,
        final long sequence,
        final Format format,
        final StringBuilder out)
    {
        buffer.boundsCheck(offset, length);
        final int start = out.length();
        String reason = decoders.wrap(buffer, offset, length);
        if (null == reason)
        {
            reason = format == Format.CSV ?
                printCsv(buffer, offset, length, stamp, sequence, out) :
                printLine(buffer, offset, length, stamp, sequence, format == Format.JSON, out);
        }
        if (null != reason)
        {
            out.setLength(start);
            printInvalid(length, stamp, sequence, reason, format, out);
        }
    }

    private String printLine(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long stamp,
        final long sequence,
        final boolean json,
        final StringBuilder out)
    {
        final int templateId = decoders.templateId();
        line.begin(out, json);
        if (json)
        {
            line.stringField("type", decoders.typeName(templateId));
            line.longField("sequence", sequence);
            line.longField("stamp", stamp);
            line.longField("channel", FrameHeader.channelId(buffer, offset));
            line.longField("channel_sequence", FrameHeader.sequence(buffer, offset));
            line.longField("time_ns", FrameHeader.sendingTimeNs(buffer, offset));
        }
        else
        {
            line.longField("seq", sequence);
            line.longField("stamp", stamp);
            line.longField("ch", FrameHeader.channelId(buffer, offset));
            line.longField("chseq", FrameHeader.sequence(buffer, offset));
            line.timeField("t", FrameHeader.sendingTimeNs(buffer, offset));
            line.word(decoders.typeName(templateId));
        }
        final String reason = messages.printFields(templateId, offset + length, line);
        line.end();
        return reason;
    }

    private String printCsv(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long stamp,
        final long sequence,
        final StringBuilder out)
    {
        fields.setLength(0);
        line.begin(fields, false);
        final String reason = messages.printFields(decoders.templateId(), offset + length, line);
        final long instrumentId = decoders.instrumentId();
        out.append(sequence).append(',').append(stamp).append(',').append(decoders.typeName(decoders.templateId()))
            .append(',').append(FrameHeader.channelId(buffer, offset))
            .append(',').append(FrameHeader.sequence(buffer, offset))
            .append(',').append(FrameHeader.sendingTimeNs(buffer, offset)).append(',');
        if (instrumentId != MessageDecoders.NO_INSTRUMENT)
        {
            out.append(instrumentId);
        }
        out.append(',');
        appendQuoted(fields, out);
        return reason;
    }

    private void printInvalid(
        final int length,
        final long stamp,
        final long sequence,
        final String reason,
        final Format format,
        final StringBuilder out)
    {
        if (format == Format.CSV)
        {
            out.append(sequence).append(',').append(stamp).append(",invalid,,,,,");
            fields.setLength(0);
            line.begin(fields, false);
            line.longField("length", length);
            line.stringField("reason", reason);
            appendQuoted(fields, out);
            return;
        }
        line.begin(out, format == Format.JSON);
        if (line.json())
        {
            line.stringField("type", "invalid");
        }
        line.longField(line.json() ? "sequence" : "seq", sequence);
        line.longField("stamp", stamp);
        if (!line.json())
        {
            line.word("invalid");
        }
        line.longField("length", length);
        line.stringField("reason", reason);
        line.end();
    }

    private static void appendQuoted(final CharSequence value, final StringBuilder out)
    {
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            out.append(c);
            if (c == '"')
            {
                out.append('"');
            }
        }
        out.append('"');
    }
}
