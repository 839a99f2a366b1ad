package io.hedgeflow.gateway.deribit;

import io.hedgeflow.deribit.codecs.BookDecoder;
import io.hedgeflow.deribit.codecs.ComboLegsDecoder;
import io.hedgeflow.deribit.codecs.InstrumentDecoder;
import io.hedgeflow.deribit.codecs.InstrumentV2Decoder;
import io.hedgeflow.deribit.codecs.MessageHeaderDecoder;
import io.hedgeflow.deribit.codecs.PriceIndexDecoder;
import io.hedgeflow.deribit.codecs.RfqDecoder;
import io.hedgeflow.deribit.codecs.SnapshotDecoder;
import io.hedgeflow.deribit.codecs.SnapshotEndDecoder;
import io.hedgeflow.deribit.codecs.SnapshotStartDecoder;
import io.hedgeflow.deribit.codecs.TickerDecoder;
import io.hedgeflow.deribit.codecs.TradesDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The structure of the SBE messages in a Deribit packet, checked before anything is decoded: every length and count
 * of a message must stay inside the packet, and a message of a known template must have at least the block, group
 * entry and group and var data counts the generated decoder reads. Values taken from the generated codecs.
 */
final class MessageLayouts
{
    static final int MESSAGE_HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;
    static final int GROUP_HEADER_LENGTH = 8;
    /** Returned by {@link #end} for a message that does not fit its packet or its template. */
    static final int MALFORMED = -1;

    private static final int TEMPLATES = FeedCounters.LAST_TEMPLATE - FeedCounters.FIRST_TEMPLATE + 1;
    private static final int[] MIN_BLOCK = new int[TEMPLATES];
    private static final int[] GROUPS = new int[TEMPLATES];
    private static final int[] MIN_ENTRY = new int[TEMPLATES];
    private static final int[] VAR_FIELDS = new int[TEMPLATES];

    static
    {
        known(InstrumentDecoder.TEMPLATE_ID, InstrumentDecoder.BLOCK_LENGTH, 0, 0, 1);
        known(BookDecoder.TEMPLATE_ID, BookDecoder.BLOCK_LENGTH, 1,
            BookDecoder.ChangesListDecoder.sbeBlockLength(), 0);
        known(TradesDecoder.TEMPLATE_ID, TradesDecoder.BLOCK_LENGTH, 1,
            TradesDecoder.TradesListDecoder.sbeBlockLength(), 0);
        known(TickerDecoder.TEMPLATE_ID, TickerDecoder.BLOCK_LENGTH, 0, 0, 0);
        known(SnapshotDecoder.TEMPLATE_ID, SnapshotDecoder.BLOCK_LENGTH, 1,
            SnapshotDecoder.LevelsListDecoder.sbeBlockLength(), 0);
        known(SnapshotStartDecoder.TEMPLATE_ID, SnapshotStartDecoder.BLOCK_LENGTH, 0, 0, 0);
        known(SnapshotEndDecoder.TEMPLATE_ID, SnapshotEndDecoder.BLOCK_LENGTH, 0, 0, 0);
        known(ComboLegsDecoder.TEMPLATE_ID, ComboLegsDecoder.BLOCK_LENGTH, 1,
            ComboLegsDecoder.LegsListDecoder.sbeBlockLength(), 0);
        known(PriceIndexDecoder.TEMPLATE_ID, PriceIndexDecoder.BLOCK_LENGTH, 0, 0, 0);
        known(RfqDecoder.TEMPLATE_ID, RfqDecoder.BLOCK_LENGTH, 0, 0, 0);
        known(InstrumentV2Decoder.TEMPLATE_ID, InstrumentV2Decoder.BLOCK_LENGTH, 1,
            InstrumentV2Decoder.TickStepsListDecoder.sbeBlockLength(), 1);
    }

    private MessageLayouts()
    {
    }

    private static void known(final int templateId, final int block, final int groups, final int entry, final int var)
    {
        final int t = templateId - FeedCounters.FIRST_TEMPLATE;
        MIN_BLOCK[t] = block;
        GROUPS[t] = groups;
        MIN_ENTRY[t] = entry;
        VAR_FIELDS[t] = var;
    }

    /** The first 8 bytes of the message header (block length, template id, schema id, version), little-endian. */
    static long header(final DirectBuffer buffer, final int message)
    {
        return buffer.getLong(message, ByteOrder.LITTLE_ENDIAN);
    }

    /** The last 4 bytes of the message header (group count, var data field count), little-endian. */
    static int counts(final DirectBuffer buffer, final int message)
    {
        return buffer.getInt(message + MessageHeaderDecoder.numGroupsEncodingOffset(), ByteOrder.LITTLE_ENDIAN);
    }

    static int blockLength(final long header)
    {
        return field(header, MessageHeaderDecoder.blockLengthEncodingOffset());
    }

    static int templateId(final long header)
    {
        return field(header, MessageHeaderDecoder.templateIdEncodingOffset());
    }

    static int version(final long header)
    {
        return field(header, MessageHeaderDecoder.versionEncodingOffset());
    }

    private static int schemaId(final long header)
    {
        return field(header, MessageHeaderDecoder.schemaIdEncodingOffset());
    }

    private static int groups(final int counts)
    {
        return counts & 0xFFFF;
    }

    private static int varFields(final int counts)
    {
        return counts >>> 16;
    }

    /** True when the template is one this schema decodes, in its version or an older one. */
    static boolean isKnown(final int templateId)
    {
        return templateId >= FeedCounters.FIRST_TEMPLATE && templateId <= FeedCounters.LAST_TEMPLATE;
    }

    /**
     * True when a message of a known template can be decoded: its block, group count, entry length and var data
     * count are those the decoder reads (a newer version may have a longer block and entries, not more groups).
     *
     * @param header the message's {@link #header}; counts its {@link #counts}.
     */
    static boolean decodable(final DirectBuffer buffer, final int message, final long header, final int counts)
    {
        final int t = templateId(header) - FeedCounters.FIRST_TEMPLATE;
        final int block = blockLength(header);
        if (block < MIN_BLOCK[t] || groups(counts) != GROUPS[t] || varFields(counts) != VAR_FIELDS[t])
        {
            return false;
        }
        return GROUPS[t] == 0 || u16(buffer, message + MESSAGE_HEADER_LENGTH + block) >= MIN_ENTRY[t];
    }

    /**
     * End of the message starting at offset, by its header's block length, group headers and var data lengths,
     * or {@link #MALFORMED} when any of them runs past end or the schema id is not Deribit's.
     */
    static int end(final DirectBuffer buffer, final int offset, final int end)
    {
        if (end - offset < MESSAGE_HEADER_LENGTH)
        {
            return MALFORMED;
        }
        final long header = header(buffer, offset);
        if (schemaId(header) != MessageHeaderDecoder.SCHEMA_ID)
        {
            return MALFORMED;
        }
        final int counts = counts(buffer, offset);
        final int groups = groups(counts);
        final int varFields = varFields(counts);
        long at = (long)offset + MESSAGE_HEADER_LENGTH + blockLength(header);
        for (int g = 0; g < groups && at <= end; g++)
        {
            if (at + GROUP_HEADER_LENGTH > end)
            {
                return MALFORMED;
            }
            final int entryAndCount = buffer.getInt((int)at, ByteOrder.LITTLE_ENDIAN);
            at += GROUP_HEADER_LENGTH + (long)(entryAndCount & 0xFFFF) * (entryAndCount >>> 16);
        }
        for (int v = 0; v < varFields; v++)
        {
            if (at >= end)
            {
                return MALFORMED;
            }
            at += 1 + (buffer.getByte((int)at) & 0xFF);
        }
        return at > end ? MALFORMED : (int)at;
    }

    /** The u16 at a byte offset (0, 2, 4 or 6) of a header word. */
    private static int field(final long header, final int offset)
    {
        return (int)(header >>> (offset * Byte.SIZE)) & 0xFFFF;
    }

    private static int u16(final DirectBuffer buffer, final int index)
    {
        return buffer.getShort(index, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }
}
