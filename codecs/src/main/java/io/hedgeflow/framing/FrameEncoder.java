package io.hedgeflow.framing;

import io.hedgeflow.codecs.MessageHeaderEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

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
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
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
        headerEncoder.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET)
            .blockLength(message.sbeBlockLength())
            .templateId(message.sbeTemplateId())
            .schemaId(MessageHeaderEncoder.SCHEMA_ID)
            .version(MessageHeaderEncoder.SCHEMA_VERSION);
        message.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH);
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
