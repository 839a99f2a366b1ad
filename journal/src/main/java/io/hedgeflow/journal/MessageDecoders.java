package io.hedgeflow.journal;

import io.hedgeflow.codecs.AccountSnapshotDecoder;
import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.ChannelResetDecoder;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.FundingRateDecoder;
import io.hedgeflow.codecs.HeartbeatDecoder;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
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

/**
 * One reused decoder per message type of the hedgeflow schema, with their names, and the checks that wrap the
 * right one around a frame without ever reading outside it. Used by the printers and the {@link RecordFilter}.
 */
final class MessageDecoders
{
    /** {@link #instrumentId()} of a message without an instrument field. */
    static final long NO_INSTRUMENT = Long.MIN_VALUE;

    /** Largest template id of the schema. */
    static final int MAX_TEMPLATE_ID = HedgeDecisionDecoder.TEMPLATE_ID;

    private final MessageDecoderFlyweight[] decoders = new MessageDecoderFlyweight[MAX_TEMPLATE_ID + 1];
    private final String[] typeNames = new String[MAX_TEMPLATE_ID + 1];
    /** Block length of each template in each schema version: older versions' shorter blocks are read too. */
    private final int[][] minBlocks = new int[MAX_TEMPLATE_ID + 1][];
    private final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder();
    private final FrameChecksum checksum = new FrameChecksum();
    final InstrumentDefinitionDecoder instrumentDefinition = register(new InstrumentDefinitionDecoder());
    final QuoteDecoder quote = register(new QuoteDecoder());
    final BookLevelsDecoder bookLevels = register(new BookLevelsDecoder());
    final TradeDecoder trade = register(new TradeDecoder());
    final OptionTickerDecoder optionTicker = register(new OptionTickerDecoder());
    final IndexPriceDecoder indexPrice = register(new IndexPriceDecoder());
    final FundingRateDecoder fundingRate = register(new FundingRateDecoder());
    final HeartbeatDecoder heartbeat = register(new HeartbeatDecoder());
    final ChannelResetDecoder channelReset = register(new ChannelResetDecoder());
    final ExecutionReportDecoder executionReport = register(new ExecutionReportDecoder());
    final PositionSnapshotDecoder positionSnapshot = register(new PositionSnapshotDecoder());
    final OptionTradeDecoder optionTrade = register(new OptionTradeDecoder());
    final KillSwitchDecoder killSwitch = register(new KillSwitchDecoder());
    final TimerDecoder timer = register(new TimerDecoder());
    final AccountSnapshotDecoder accountSnapshot = register(new AccountSnapshotDecoder());
    final ReconciliationDecoder reconciliation = register(new ReconciliationDecoder());
    final NewOrderDecoder newOrder = register(new NewOrderDecoder());
    final HedgeDecisionDecoder hedgeDecision = register(new HedgeDecisionDecoder());
    private int templateId;

    /**
     * Checks the frame and message headers and wraps the message's decoder around the body.
     *
     * @return null, or why the frame cannot be decoded.
     */
    String wrap(final DirectBuffer buffer, final int offset, final int length)
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
        if (length > FrameHeader.MAX_FRAME_LENGTH)
        {
            return "too long: " + length + " bytes, a frame has at most " + FrameHeader.MAX_FRAME_LENGTH;
        }
        final int stored = FrameHeader.checksum(buffer, offset);
        final int computed = checksum.compute(buffer, offset, length);
        if (stored != computed)
        {
            return "checksum " + hex(stored) + " differs from " + hex(computed) + " computed";
        }

        messageHeader.wrap(buffer, offset + FrameHeader.MESSAGE_OFFSET);
        final int schemaId = messageHeader.schemaId();
        final int blockLength = messageHeader.blockLength();
        final int version = messageHeader.version();
        templateId = messageHeader.templateId();
        if (schemaId != MessageHeaderDecoder.SCHEMA_ID)
        {
            return "schema id " + schemaId + ", expected " + MessageHeaderDecoder.SCHEMA_ID;
        }
        final MessageDecoderFlyweight decoder = templateId <= MAX_TEMPLATE_ID ? decoders[templateId] : null;
        if (null == decoder)
        {
            return "unknown template id " + templateId;
        }
        if (FrameHeader.MIN_FRAME_LENGTH + blockLength > length)
        {
            return "block length " + blockLength + " overruns the frame";
        }
        if (version < MessageVersions.FIRST_VERSION)
        {
            return "schema version 0";
        }
        final int minBlock = minBlocks[templateId][Math.min(version, MessageVersions.CURRENT_VERSION)];
        if (blockLength < minBlock)
        {
            return "block length " + blockLength + " shorter than " + minBlock + " of version " + version;
        }

        decoder.wrap(buffer, offset + FrameHeader.MIN_FRAME_LENGTH, blockLength, version);
        return null;
    }

    /**
     * @return the template id of the message last wrapped.
     */
    int templateId()
    {
        return templateId;
    }

    /**
     * @return the message name of a template the schema has.
     */
    String typeName(final int templateId)
    {
        return typeNames[templateId];
    }

    /**
     * @param typeName a message name of the schema, such as Quote.
     * @return its template id, -1 if the schema has no such message.
     */
    int templateIdOf(final String typeName)
    {
        for (int i = 0; i < typeNames.length; i++)
        {
            if (typeName.equals(typeNames[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return the message names of the schema, comma separated, in template id order.
     */
    String typeNames()
    {
        final StringBuilder names = new StringBuilder();
        for (final String name : typeNames)
        {
            if (null != name)
            {
                names.append(names.isEmpty() ? "" : ", ").append(name);
            }
        }
        return names.toString();
    }

    /**
     * @return the instrument of the message last wrapped: its instrumentId field, or hedgeInstrumentId of a
     * HedgeDecision; {@link #NO_INSTRUMENT} for messages without one.
     */
    long instrumentId()
    {
        return switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> instrumentDefinition.instrumentId();
            case QuoteDecoder.TEMPLATE_ID -> quote.instrumentId();
            case BookLevelsDecoder.TEMPLATE_ID -> bookLevels.instrumentId();
            case TradeDecoder.TEMPLATE_ID -> trade.instrumentId();
            case OptionTickerDecoder.TEMPLATE_ID -> optionTicker.instrumentId();
            case FundingRateDecoder.TEMPLATE_ID -> fundingRate.instrumentId();
            case ExecutionReportDecoder.TEMPLATE_ID -> executionReport.instrumentId();
            case PositionSnapshotDecoder.TEMPLATE_ID -> positionSnapshot.instrumentId();
            case OptionTradeDecoder.TEMPLATE_ID -> optionTrade.instrumentId();
            case NewOrderDecoder.TEMPLATE_ID -> newOrder.instrumentId();
            case HedgeDecisionDecoder.TEMPLATE_ID -> hedgeDecision.hedgeInstrumentId();
            default -> NO_INSTRUMENT;
        };
    }

    private static String hex(final int value)
    {
        return String.format("0x%08x", value);
    }

    private <D extends MessageDecoderFlyweight> D register(final D decoder)
    {
        final int id = decoder.sbeTemplateId();
        final String className = decoder.getClass().getSimpleName();
        decoders[id] = decoder;
        minBlocks[id] = new int[MessageVersions.CURRENT_VERSION + 1];
        for (int version = MessageVersions.FIRST_VERSION; version <= MessageVersions.CURRENT_VERSION; version++)
        {
            minBlocks[id][version] = MessageVersions.blockLength(decoder.getClass(), version);
        }
        typeNames[id] = className.substring(0, className.length() - "Decoder".length());
        return decoder;
    }
}
