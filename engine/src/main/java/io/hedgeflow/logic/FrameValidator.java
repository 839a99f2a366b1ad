package io.hedgeflow.logic;

import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.ChannelResetDecoder;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.FundingRateDecoder;
import io.hedgeflow.codecs.HeartbeatDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.OptionTickerDecoder;
import io.hedgeflow.codecs.OptionTradeDecoder;
import io.hedgeflow.codecs.PositionSnapshotDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.codecs.TimerDecoder;
import io.hedgeflow.codecs.TradeDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Checks of an inbound frame before any field is decoded: lengths, then the CRC32C of the whole frame, then
 * channel, schema, template, block length and repeating groups must all fit in the bytes received. One instance
 * per logic; garbage-free.
 */
final class FrameValidator
{
    private static final int GROUP_HEADER_LENGTH = 4;

    private final FrameChecksum checksum = new FrameChecksum();

    /** Returns null when the frame is intact and structurally sound, else the reason to reject it. */
    RejectReason validate(final DirectBuffer buffer, final int offset, final int length, final int channels)
    {
        if (length < FrameHeader.MIN_FRAME_LENGTH || length > FrameHeader.MAX_FRAME_LENGTH)
        {
            return RejectReason.BAD_LENGTH;
        }
        if (FrameHeader.frameLength(buffer, offset) != length)
        {
            return RejectReason.LENGTH_MISMATCH;
        }
        if (!checksum.matches(buffer, offset, length))
        {
            return RejectReason.BAD_CHECKSUM;
        }
        final int channel = FrameHeader.channelId(buffer, offset);
        if (channel < 0 || channel >= channels)
        {
            return RejectReason.BAD_CHANNEL;
        }
        final int header = offset + FrameHeader.MESSAGE_OFFSET;
        if (buffer.getShort(header + MessageHeaderDecoder.schemaIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN) !=
            MessageHeaderDecoder.SCHEMA_ID)
        {
            return RejectReason.WRONG_SCHEMA;
        }
        final int templateId = buffer.getShort(header + MessageHeaderDecoder.templateIdEncodingOffset(),
            ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int minBlock = minBlockLength(templateId);
        if (minBlock < 0)
        {
            return RejectReason.UNKNOWN_TEMPLATE;
        }
        final int blockLength = buffer.getShort(header + MessageHeaderDecoder.blockLengthEncodingOffset(),
            ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int body = offset + FrameHeader.MIN_FRAME_LENGTH;
        final int end = offset + length;
        if (blockLength < minBlock || body + blockLength > end)
        {
            return RejectReason.MALFORMED_BODY;
        }
        if (templateId == BookLevelsDecoder.TEMPLATE_ID)
        {
            return groupFits(buffer, body + blockLength, end) ? null : RejectReason.MALFORMED_BODY;
        }
        return null;
    }

    private static boolean groupFits(final DirectBuffer buffer, final int groupOffset, final int end)
    {
        if (groupOffset + GROUP_HEADER_LENGTH > end)
        {
            return false;
        }
        final int entryLength = buffer.getShort(groupOffset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int count = buffer.getShort(groupOffset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        return entryLength >= BookLevelsDecoder.LevelsDecoder.sbeBlockLength() &&
            groupOffset + GROUP_HEADER_LENGTH + (long)entryLength * count <= end;
    }

    /** Block length of the schema version this engine reads, or -1 for a template that is not inbound. */
    static int minBlockLength(final int templateId)
    {
        return switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> InstrumentDefinitionDecoder.BLOCK_LENGTH;
            case QuoteDecoder.TEMPLATE_ID -> QuoteDecoder.BLOCK_LENGTH;
            case BookLevelsDecoder.TEMPLATE_ID -> BookLevelsDecoder.BLOCK_LENGTH;
            case TradeDecoder.TEMPLATE_ID -> TradeDecoder.BLOCK_LENGTH;
            case OptionTickerDecoder.TEMPLATE_ID -> OptionTickerDecoder.BLOCK_LENGTH;
            case IndexPriceDecoder.TEMPLATE_ID -> IndexPriceDecoder.BLOCK_LENGTH;
            case FundingRateDecoder.TEMPLATE_ID -> FundingRateDecoder.BLOCK_LENGTH;
            case HeartbeatDecoder.TEMPLATE_ID -> HeartbeatDecoder.BLOCK_LENGTH;
            case ChannelResetDecoder.TEMPLATE_ID -> ChannelResetDecoder.BLOCK_LENGTH;
            case ExecutionReportDecoder.TEMPLATE_ID -> ExecutionReportDecoder.BLOCK_LENGTH;
            case PositionSnapshotDecoder.TEMPLATE_ID -> PositionSnapshotDecoder.BLOCK_LENGTH;
            case OptionTradeDecoder.TEMPLATE_ID -> OptionTradeDecoder.BLOCK_LENGTH;
            case KillSwitchDecoder.TEMPLATE_ID -> KillSwitchDecoder.BLOCK_LENGTH;
            case TimerDecoder.TEMPLATE_ID -> TimerDecoder.BLOCK_LENGTH;
            default -> -1;
        };
    }
}
