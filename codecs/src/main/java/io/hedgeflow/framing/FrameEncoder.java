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
        this.buffer = buffer;
        this.frameOffset = offset;
        FrameHeader.write(buffer, offset, 0, channelId, sequence, sendingTimeNs);
        buffer.putLong(offset + FrameHeader.MESSAGE_OFFSET, messageHeader(message), ByteOrder.LITTLE_ENDIAN);
        message.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH);
    }

    /** The SBE message header of the message, its four u16 fields as one little-endian long. */
    private static long messageHeader(final MessageEncoderFlyweight message)
    {
        return field(message.sbeBlockLength(), MessageHeaderEncoder.blockLengthEncodingOffset()) |
            field(message.sbeTemplateId(), MessageHeaderEncoder.templateIdEncodingOffset()) |
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
        final int length = FrameHeader.MIN_FRAME_LENGTH + message.encodedLength();
        FrameHeader.frameLength(buffer, frameOffset, length);
        checksum.seal(buffer, frameOffset, length);
        return length;
    }
}
