package io.hedgeflow.framing;

import io.hedgeflow.codecs.MessageHeaderEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

import java.nio.ByteOrder;

/**
 * Writes frames: a frame header, the SBE message header and a body encoded by the caller's flyweight.
 * <pre>
 *   encoder.begin(buffer, offset, quoteEncoder, channel, sequence, timeNs);      // wraps quoteEncoder
 *   quoteEncoder.instrumentId(7).bidPrice(...);
 *   int length = encoder.end(quoteEncoder);                     // patches frameLength, writes the checksum
 * </pre>
 * One instance per thread; garbage-free.
 */
public final class FrameEncoder
{
    private final FrameChecksum checksum = new FrameChecksum();
    private MutableDirectBuffer buffer;
    private int frameOffset;

    /** Starts a frame at offset and wraps the message encoder after the headers. */
    public void begin(
        final MutableDirectBuffer buffer,
        final int offset,
        final MessageEncoderFlyweight message,
        final int channelId,
        final long sequence,
        final long sendingTimeNs)
    {
        message.wrap(buffer, begin(buffer, offset, message.sbeBlockLength(), message.sbeTemplateId(), channelId,
            sequence, sendingTimeNs));
    }

    /**
     * Starts a frame at offset of a message with this SBE block length and template id (its encoder's BLOCK_LENGTH
     * and TEMPLATE_ID constants): for a caller that wraps the encoder itself, on its own class rather than through
     * the flyweight interface, and ends the frame with {@link #end(int)}.
     *
     * @return the offset of the message body, where the encoder wraps.
     */
    public int begin(
        final MutableDirectBuffer buffer,
        final int offset,
        final int blockLength,
        final int templateId,
        final int channelId,
        final long sequence,
        final long sendingTimeNs)
    {
        this.buffer = buffer;
        this.frameOffset = offset;
        FrameHeader.write(buffer, offset, 0, channelId, sequence, sendingTimeNs);
        buffer.putLong(offset + FrameHeader.MESSAGE_OFFSET, messageHeader(blockLength, templateId),
            ByteOrder.LITTLE_ENDIAN);
        return offset + FrameHeader.MIN_FRAME_LENGTH;
    }

    /** The SBE message header of a message, its four u16 fields as one little-endian long. */
    private static long messageHeader(final int blockLength, final int templateId)
    {
        return field(blockLength, MessageHeaderEncoder.blockLengthEncodingOffset()) |
            field(templateId, MessageHeaderEncoder.templateIdEncodingOffset()) |
            field(MessageHeaderEncoder.SCHEMA_ID, MessageHeaderEncoder.schemaIdEncodingOffset()) |
            field(MessageHeaderEncoder.SCHEMA_VERSION, MessageHeaderEncoder.versionEncodingOffset());
    }

    private static long field(final int value, final int offset)
    {
        return (value & 0xFFFFL) << (offset * Byte.SIZE);
    }

    /** Ends the frame whose body the message encoder holds: length and checksum; returns the frame length. */
    public int end(final MessageEncoderFlyweight message)
    {
        return end(message.encodedLength());
    }

    /** Ends the frame whose message body is encodedLength bytes: length and checksum; returns the frame length. */
    public int end(final int encodedLength)
    {
        final int length = FrameHeader.MIN_FRAME_LENGTH + encodedLength;
        FrameHeader.frameLength(buffer, frameOffset, length);
        checksum.seal(buffer, frameOffset, length);
        return length;
    }
}
