package io.hedgeflow.journal;

import io.hedgeflow.codecs.BookLevelsDecoder;
import io.hedgeflow.codecs.ChannelResetDecoder;
import io.hedgeflow.codecs.ExecutionReportDecoder;
import io.hedgeflow.codecs.FundingRateDecoder;
import io.hedgeflow.codecs.HeartbeatDecoder;
import io.hedgeflow.codecs.HedgeDecisionDecoder;
import io.hedgeflow.codecs.IndexPriceDecoder;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.KillSwitchDecoder;
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionTickerDecoder;
import io.hedgeflow.codecs.OptionTradeDecoder;
import io.hedgeflow.codecs.PositionSnapshotDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.codecs.TimerDecoder;
import io.hedgeflow.codecs.TradeDecoder;
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Prints the fields of every message of the hedgeflow schema, in schema order and under their schema names,
 * through a {@link LineWriter}, with one reused decoder per message type.
 */
final class MessagePrinter
{
    private static final int MAX_TEMPLATE_ID = HedgeDecisionDecoder.TEMPLATE_ID;

    private final MessageDecoderFlyweight[] decoders = new MessageDecoderFlyweight[MAX_TEMPLATE_ID + 1];
    private final String[] typeNames = new String[MAX_TEMPLATE_ID + 1];
    private final InstrumentDefinitionDecoder instrumentDefinition = register(new InstrumentDefinitionDecoder());
    private final QuoteDecoder quote = register(new QuoteDecoder());
    private final BookLevelsDecoder bookLevels = register(new BookLevelsDecoder());
    private final TradeDecoder trade = register(new TradeDecoder());
    private final OptionTickerDecoder optionTicker = register(new OptionTickerDecoder());
    private final IndexPriceDecoder indexPrice = register(new IndexPriceDecoder());
    private final FundingRateDecoder fundingRate = register(new FundingRateDecoder());
    private final HeartbeatDecoder heartbeat = register(new HeartbeatDecoder());
    private final ChannelResetDecoder channelReset = register(new ChannelResetDecoder());
    private final ExecutionReportDecoder executionReport = register(new ExecutionReportDecoder());
    private final PositionSnapshotDecoder positionSnapshot = register(new PositionSnapshotDecoder());
    private final OptionTradeDecoder optionTrade = register(new OptionTradeDecoder());
    private final KillSwitchDecoder killSwitch = register(new KillSwitchDecoder());
    private final TimerDecoder timer = register(new TimerDecoder());
    private final NewOrderDecoder newOrder = register(new NewOrderDecoder());
    private final HedgeDecisionDecoder hedgeDecision = register(new HedgeDecisionDecoder());

    /**
     * @return the decoder of the template, null if the schema has no such message.
     */
    MessageDecoderFlyweight decoder(final int templateId)
    {
        return templateId >= 0 && templateId <= MAX_TEMPLATE_ID ? decoders[templateId] : null;
    }

    /**
     * @return the message name of a template the schema has.
     */
    String typeName(final int templateId)
    {
        return typeNames[templateId];
    }

    /**
     * Prints the fields of the message its decoder (see {@link #decoder}) is wrapped around.
     *
     * @return null, or why the message could not be printed (a repeating group overrunning frameEnd).
     */
    String printFields(final int templateId, final int frameEnd, final LineWriter out)
    {
        switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> printInstrumentDefinition(out);
            case QuoteDecoder.TEMPLATE_ID -> printQuote(out);
            case BookLevelsDecoder.TEMPLATE_ID ->
            {
                return printBookLevels(frameEnd, out);
            }
            case TradeDecoder.TEMPLATE_ID -> printTrade(out);
            case OptionTickerDecoder.TEMPLATE_ID -> printOptionTicker(out);
            case IndexPriceDecoder.TEMPLATE_ID ->
            {
                out.longField("underlyingId", indexPrice.underlyingId());
                out.fixed8Field("price", indexPrice.price());
            }
            case FundingRateDecoder.TEMPLATE_ID ->
            {
                out.longField("instrumentId", fundingRate.instrumentId());
                out.fixed8Field("rate", fundingRate.rate());
            }
            case HeartbeatDecoder.TEMPLATE_ID -> out.longField("reserved", heartbeat.reserved());
            case ChannelResetDecoder.TEMPLATE_ID -> out.longField("reserved", channelReset.reserved());
            case ExecutionReportDecoder.TEMPLATE_ID -> printExecutionReport(out);
            case PositionSnapshotDecoder.TEMPLATE_ID ->
            {
                out.longField("instrumentId", positionSnapshot.instrumentId());
                out.fixed8Field("position", positionSnapshot.position());
            }
            case OptionTradeDecoder.TEMPLATE_ID ->
            {
                out.longField("instrumentId", optionTrade.instrumentId());
                out.fixed8Field("quantity", optionTrade.quantity());
                out.fixed8Field("price", optionTrade.price());
            }
            case KillSwitchDecoder.TEMPLATE_ID -> out.longField("engaged", killSwitch.engaged());
            case TimerDecoder.TEMPLATE_ID -> out.longField("timerId", timer.timerId());
            case NewOrderDecoder.TEMPLATE_ID -> printNewOrder(out);
            case HedgeDecisionDecoder.TEMPLATE_ID -> printHedgeDecision(out);
            default -> throw new IllegalArgumentException("no decoder for template id " + templateId);
        }
        return null;
    }

    private void printInstrumentDefinition(final LineWriter out)
    {
        final InstrumentDefinitionDecoder d = instrumentDefinition;
        out.longField("instrumentId", d.instrumentId());
        out.longField("underlyingId", d.underlyingId());
        out.stringField("kind", EnumNames.INSTRUMENT_KIND.name(d.kindRaw()));
        out.stringField("settlement", EnumNames.SETTLEMENT.name(d.settlementRaw()));
        out.stringField("optionType", EnumNames.OPTION_TYPE.name(d.optionTypeRaw()));
        out.fixed8Field("contractSize", d.contractSize());
        out.fixed8Field("tickSize", d.tickSize());
        out.fixed8Field("lotSize", d.lotSize());
        out.fixed8Field("minSize", d.minSize());
        out.fixed8Field("strike", d.strike());
        out.longField("expiryNs", d.expiryNs());
        out.asciiField(
            "symbol",
            d.buffer(),
            d.offset() + InstrumentDefinitionDecoder.symbolEncodingOffset(),
            InstrumentDefinitionDecoder.symbolLength());
    }

    private void printQuote(final LineWriter out)
    {
        out.longField("instrumentId", quote.instrumentId());
        out.fixed8Field("bidPrice", quote.bidPrice());
        out.fixed8Field("bidSize", quote.bidSize());
        out.fixed8Field("askPrice", quote.askPrice());
        out.fixed8Field("askSize", quote.askSize());
    }

    private String printBookLevels(final int frameEnd, final LineWriter out)
    {
        final int groupOffset = bookLevels.limit();
        if (groupOffset + BookLevelsDecoder.LevelsDecoder.HEADER_SIZE > frameEnd)
        {
            return "levels group header overruns the frame";
        }
        final BookLevelsDecoder.LevelsDecoder levels = bookLevels.levels();
        if (levels.actingBlockLength() < BookLevelsDecoder.LevelsDecoder.sbeBlockLength() ||
            bookLevels.limit() + (long)levels.count() * levels.actingBlockLength() > frameEnd)
        {
            return "levels group of " + levels.count() + " entries of " + levels.actingBlockLength() +
                " bytes overruns the frame";
        }

        out.longField("instrumentId", bookLevels.instrumentId());
        out.beginGroup("levels");
        while (levels.hasNext())
        {
            levels.next();
            out.beginEntry();
            out.stringField("side", EnumNames.SIDE.name(levels.sideRaw()));
            out.fixed8Field("price", levels.price());
            out.fixed8Field("size", levels.size());
            out.endEntry();
        }
        out.endGroup();
        return null;
    }

    private void printTrade(final LineWriter out)
    {
        out.longField("instrumentId", trade.instrumentId());
        out.fixed8Field("price", trade.price());
        out.fixed8Field("size", trade.size());
        out.stringField("aggressorSide", EnumNames.SIDE.name(trade.aggressorSideRaw()));
    }

    private void printOptionTicker(final LineWriter out)
    {
        out.longField("instrumentId", optionTicker.instrumentId());
        out.fixed8Field("markPrice", optionTicker.markPrice());
        out.fixed8Field("markIv", optionTicker.markIv());
        out.fixed8Field("bidIv", optionTicker.bidIv());
        out.fixed8Field("askIv", optionTicker.askIv());
        out.fixed8Field("underlyingPrice", optionTicker.underlyingPrice());
    }

    private void printExecutionReport(final LineWriter out)
    {
        final ExecutionReportDecoder d = executionReport;
        out.longField("orderId", d.orderId());
        out.longField("instrumentId", d.instrumentId());
        out.stringField("side", EnumNames.SIDE.name(d.sideRaw()));
        out.stringField("execType", EnumNames.EXEC_TYPE.name(d.execTypeRaw()));
        out.fixed8Field("lastQty", d.lastQty());
        out.fixed8Field("lastPrice", d.lastPrice());
        out.fixed8Field("leavesQty", d.leavesQty());
        out.fixed8Field("fee", d.fee());
    }

    private void printNewOrder(final LineWriter out)
    {
        out.longField("orderId", newOrder.orderId());
        out.longField("instrumentId", newOrder.instrumentId());
        out.stringField("side", EnumNames.SIDE.name(newOrder.sideRaw()));
        out.fixed8Field("quantity", newOrder.quantity());
        out.fixed8Field("limitPrice", newOrder.limitPrice());
        out.longField("triggerSequence", newOrder.triggerSequence());
    }

    private void printHedgeDecision(final LineWriter out)
    {
        final HedgeDecisionDecoder d = hedgeDecision;
        out.longField("decisionId", d.decisionId());
        out.longField("triggerSequence", d.triggerSequence());
        out.longField("triggerChannel", d.triggerChannel());
        out.longField("underlyingId", d.underlyingId());
        out.longField("hedgeInstrumentId", d.hedgeInstrumentId());
        out.stringField("policy", EnumNames.HEDGE_POLICY.name(d.policyRaw()));
        out.stringField("reason", EnumNames.DECISION_REASON.name(d.reasonRaw()));
        out.stringField("verdict", EnumNames.RISK_VERDICT.name(d.verdictRaw()));
        out.doubleField("deltaBefore", d.deltaBefore());
        out.doubleField("deltaAfter", d.deltaAfter());
        out.doubleField("gamma", d.gamma());
        out.doubleField("vega", d.vega());
        out.doubleField("targetDelta", d.targetDelta());
        out.doubleField("band", d.band());
        out.fixed8Field("underlyingPrice", d.underlyingPrice());
        out.fixed8Field("orderQty", d.orderQty());
        out.longField("orderId", d.orderId());
    }

    private <D extends MessageDecoderFlyweight> D register(final D decoder)
    {
        final int templateId = decoder.sbeTemplateId();
        final String className = decoder.getClass().getSimpleName();
        decoders[templateId] = decoder;
        typeNames[templateId] = className.substring(0, className.length() - "Decoder".length());
        return decoder;
    }
}
