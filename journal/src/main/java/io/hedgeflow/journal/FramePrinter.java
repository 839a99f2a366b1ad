package io.hedgeflow.journal;

import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Prints any hedgeflow frame of a journal record as one line, for {@code dump}.
 * <pre>
 * TEXT: seq=12 stamp=1767225600000000500 ch=1 chseq=7 t=2026-01-01T00:00:00.000000100Z Quote instrumentId=3
 *       bidPrice=100000.5 bidSize=2 askPrice=100001 askSize=1.25
 * JSON: {"type":"Quote","sequence":12,"stamp":1767225600000000500,"channel":1,"channel_sequence":7,
 *        "time_ns":1767225600000000100,"instrumentId":3,"bidPrice":100000.5,"bidSize":2,"askPrice":100001,...}
 * </pre>
 * (each one line). Keys are the schema's field names; Fixed8 fields print as exact decimals, enums by name,
 * repeating groups as lists ({@code levels=[{side=BUY price=1 size=2} {...}]} in text). A frame that cannot be
 * decoded (too short, length field disagreeing with the record, another schema, unknown template, truncated body
 * or group) prints as an {@code invalid} line with the reason, never an exception:
 * <pre>
 * TEXT: seq=12 stamp=5 invalid length=40 reason=unknown template id 99
 * JSON: {"type":"invalid","sequence":12,"stamp":5,"length":40,"reason":"unknown template id 99"}
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
        JSON
    }

    private final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder();
    private final MessagePrinter messages = new MessagePrinter();
    private final LineWriter line = new LineWriter();

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
        final String reason = printFrame(buffer, offset, length, stamp, sequence, format == Format.JSON, out);
        if (null != reason)
        {
            out.setLength(start);
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
    }

    private String printFrame(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long stamp,
        final long sequence,
        final boolean json,
        final StringBuilder out)
    {
        final String reason = wrapMessage(buffer, offset, length);
        if (null != reason)
        {
            return reason;
        }

        final int templateId = messageHeader.templateId();
        line.begin(out, json);
        if (json)
        {
            line.stringField("type", messages.typeName(templateId));
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
            line.word(messages.typeName(templateId));
        }
        final String fieldsReason = messages.printFields(templateId, offset + length, line);
        line.end();
        return fieldsReason;
    }

    /**
     * Checks the frame and message headers and wraps the message's decoder around the body.
     *
     * @return null, or why the frame cannot be decoded.
     */
    private String wrapMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < FrameHeader.MIN_FRAME_LENGTH)
        {
            return "too short: " + length + " bytes, a frame has at least " + FrameHeader.MIN_FRAME_LENGTH;
        }
        final int frameLength = FrameHeader.frameLength(buffer, offset);
        if (frameLength != length)
        {
            return "frame length field " + frameLength + " differs from record length " + length;
        }

        messageHeader.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        final int schemaId = messageHeader.schemaId();
        final int templateId = messageHeader.templateId();
        final int blockLength = messageHeader.blockLength();
        final int version = messageHeader.version();
        if (schemaId != MessageHeaderDecoder.SCHEMA_ID)
        {
            return "schema id " + schemaId + ", expected " + MessageHeaderDecoder.SCHEMA_ID;
        }
        final MessageDecoderFlyweight decoder = messages.decoder(templateId);
        if (null == decoder)
        {
            return "unknown template id " + templateId;
        }
        if (FrameHeader.MIN_FRAME_LENGTH + blockLength > length)
        {
            return "block length " + blockLength + " overruns the frame";
        }
        if (version >= MessageHeaderDecoder.SCHEMA_VERSION && blockLength < decoder.sbeBlockLength())
        {
            return "block length " + blockLength + " shorter than " + decoder.sbeBlockLength() + " of version " +
                version;
        }

        decoder.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, blockLength, version);
        return null;
    }
}
