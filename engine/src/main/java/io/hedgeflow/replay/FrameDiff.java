package io.hedgeflow.replay;

import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Names the first field in which two outbound frames differ (frame header field, or an SBE field by its schema
 * name), for replay reports. Not on a hot path.
 */
final class FrameDiff
{
    private FrameDiff()
    {
    }

    static String firstDifference(
        final DirectBuffer expected, final int expectedOffset, final int expectedLength,
        final DirectBuffer actual, final int actualOffset, final int actualLength)
    {
        if (expectedLength != actualLength)
        {
            return "frame length: journal " + expectedLength + ", replay " + actualLength;
        }
        final String header = headerDifference(expected, expectedOffset, actual, actualOffset);
        if (header != null)
        {
            return header;
        }
        final String[] a = fields(expected, expectedOffset);
        final String[] b = fields(actual, actualOffset);
        for (int i = 0; i < Math.min(a.length, b.length); i++)
        {
            if (!a[i].equals(b[i]))
            {
                return "field " + b[i].split("=", 2)[0] + ": journal " + a[i] + ", replay " + b[i];
            }
        }
        for (int i = 0; i < expectedLength; i++)
        {
            if (expected.getByte(expectedOffset + i) != actual.getByte(actualOffset + i))
            {
                return "byte " + i + " of the frame";
            }
        }
        return null;
    }

    private static String headerDifference(
        final DirectBuffer expected, final int expectedOffset, final DirectBuffer actual, final int actualOffset)
    {
        if (FrameHeader.channelId(expected, expectedOffset) != FrameHeader.channelId(actual, actualOffset))
        {
            return "frame channelId";
        }
        if (FrameHeader.sequence(expected, expectedOffset) != FrameHeader.sequence(actual, actualOffset))
        {
            return "frame sequence: journal " + FrameHeader.sequence(expected, expectedOffset) + ", replay " +
                FrameHeader.sequence(actual, actualOffset);
        }
        if (FrameHeader.sendingTimeNs(expected, expectedOffset) != FrameHeader.sendingTimeNs(actual, actualOffset))
        {
            return "frame sendingTimeNs";
        }
        return null;
    }

    /** The message's fields as name=value tokens, via the generated decoder's text form. */
    private static String[] fields(final DirectBuffer buffer, final int offset)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        final MessageDecoderFlyweight decoder = switch (header.templateId())
        {
            case HedgeDecisionDecoder.TEMPLATE_ID -> new HedgeDecisionDecoder();
            case NewOrderDecoder.TEMPLATE_ID -> new NewOrderDecoder();
            default -> null;
        };
        if (decoder == null)
        {
            return new String[]{"templateId=" + header.templateId()};
        }
        decoder.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, header.blockLength(), header.version());
        return decoder.appendTo(new StringBuilder()).toString().split("\\|");
    }
}
