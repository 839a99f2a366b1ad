package io.hedgeflow.logic;

import io.hedgeflow.codecs.AccountSnapshotDecoder;
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
import io.hedgeflow.codecs.ReconciliationDecoder;
import io.hedgeflow.codecs.TimerDecoder;
import io.hedgeflow.codecs.TradeDecoder;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.FrameHeader;
import io.hedgeflow.framing.MessageVersions;
import org.agrona.DirectBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

import java.nio.ByteOrder;
import java.util.List;

/**
 * Checks of an inbound frame before any field is decoded: lengths, then the CRC32C of the whole frame, then
 * channel, schema, template, block length and repeating groups must all fit in the bytes received. Any schema
 * version from 1 is read: an older version's block may be shorter (down to that version's block length, its
 * newer fields then read as null), a newer version's longer (the extra bytes skipped). One instance per logic;
 * garbage-free.
 */
final class FrameValidator
{
    private static final int GROUP_HEADER_LENGTH = 4;
    private static final int[][] MIN_BLOCK = minBlocks();

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
        final int version = buffer.getShort(header + MessageHeaderDecoder.versionEncodingOffset(),
            ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (version < MessageVersions.FIRST_VERSION)
        {
            return RejectReason.WRONG_SCHEMA;
        }
        final int minBlock = minBlockLength(templateId, version);
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
            return groupEnd(buffer, body + blockLength, end, BookLevelsDecoder.LevelsDecoder.sbeBlockLength()) >= 0 ?
                null : RejectReason.MALFORMED_BODY;
        }
        if (templateId == ReconciliationDecoder.TEMPLATE_ID)
        {
            final int positions = groupEnd(buffer, body + blockLength, end,
                ReconciliationDecoder.OrdersDecoder.sbeBlockLength());
            return positions >= 0 &&
                groupEnd(buffer, positions, end, ReconciliationDecoder.PositionsDecoder.sbeBlockLength()) >= 0 ?
                null : RejectReason.MALFORMED_BODY;
        }
        return null;
    }

    /** End of the repeating group at groupOffset, or -1 when it does not fit before end or its entries are short. */
    private static int groupEnd(final DirectBuffer buffer, final int groupOffset, final int end, final int minEntry)
    {
        if (groupOffset + GROUP_HEADER_LENGTH > end)
        {
            return -1;
        }
        final int entryLength = buffer.getShort(groupOffset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int count = buffer.getShort(groupOffset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final long groupEnd = groupOffset + GROUP_HEADER_LENGTH + (long)entryLength * count;
        return entryLength >= minEntry && groupEnd <= end ? (int)groupEnd : -1;
    }

    /**
     * Block length a frame of this template and schema version must have at least, or -1 for a template that is
     * not inbound (version at least 1): an older version's shorter block and a newer version's longer one are both
     * read.
     */
    static int minBlockLength(final int templateId, final int version)
    {
        if (templateId >= MIN_BLOCK.length || MIN_BLOCK[templateId] == null)
        {
            return -1;
        }
        return MIN_BLOCK[templateId][Math.min(version, MessageVersions.CURRENT_VERSION)];
    }

    private static int[][] minBlocks()
    {
        final List<Class<? extends MessageDecoderFlyweight>> inbound = List.of(
            InstrumentDefinitionDecoder.class, QuoteDecoder.class, BookLevelsDecoder.class, TradeDecoder.class,
            OptionTickerDecoder.class, IndexPriceDecoder.class, FundingRateDecoder.class, HeartbeatDecoder.class,
            ChannelResetDecoder.class, ExecutionReportDecoder.class, PositionSnapshotDecoder.class,
            OptionTradeDecoder.class, KillSwitchDecoder.class, TimerDecoder.class, AccountSnapshotDecoder.class,
            ReconciliationDecoder.class);
        final int[][] blocks = new int[ReconciliationDecoder.TEMPLATE_ID + 1][];
        for (final Class<? extends MessageDecoderFlyweight> decoder : inbound)
        {
            final int[] byVersion = new int[MessageVersions.CURRENT_VERSION + 1];
            for (int version = MessageVersions.FIRST_VERSION; version <= MessageVersions.CURRENT_VERSION; version++)
            {
                byVersion[version] = MessageVersions.blockLength(decoder, version);
            }
            try
            {
                blocks[decoder.getField("TEMPLATE_ID").getInt(null)] = byVersion;
            }
            catch (final ReflectiveOperationException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
        return blocks;
    }
}
