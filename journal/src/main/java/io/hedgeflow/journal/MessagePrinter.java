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
import io.hedgeflow.codecs.NewOrderDecoder;
import io.hedgeflow.codecs.OptionTickerDecoder;
import io.hedgeflow.codecs.OptionTradeDecoder;
import io.hedgeflow.codecs.PositionSnapshotDecoder;
import io.hedgeflow.codecs.QuoteDecoder;
import io.hedgeflow.codecs.ReconciliationDecoder;
import io.hedgeflow.codecs.TimerDecoder;
import io.hedgeflow.codecs.TradeDecoder;

/**
 * Prints the fields of every message of the hedgeflow schema, in schema order and under their schema names,
 * through a {@link LineWriter}, from the decoders of {@link MessageDecoders}.
 */
final class MessagePrinter
{
    private final MessageDecoders decoders;

    MessagePrinter(final MessageDecoders decoders)
    {
        this.decoders = decoders;
    }

    /**
     * Prints the fields of the message its decoder is wrapped around (see {@link MessageDecoders#wrap}).
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
                out.longField("underlyingId", decoders.indexPrice.underlyingId());
                out.fixed8Field("price", decoders.indexPrice.price());
            }
            case FundingRateDecoder.TEMPLATE_ID ->
            {
                out.longField("instrumentId", decoders.fundingRate.instrumentId());
                out.fixed8Field("rate", decoders.fundingRate.rate());
            }
            case HeartbeatDecoder.TEMPLATE_ID -> out.longField("reserved", decoders.heartbeat.reserved());
            case ChannelResetDecoder.TEMPLATE_ID -> out.longField("reserved", decoders.channelReset.reserved());
            case ExecutionReportDecoder.TEMPLATE_ID -> printExecutionReport(out);
            case PositionSnapshotDecoder.TEMPLATE_ID ->
            {
                out.longField("instrumentId", decoders.positionSnapshot.instrumentId());
                out.fixed8Field("position", decoders.positionSnapshot.position());
            }
            case OptionTradeDecoder.TEMPLATE_ID ->
            {
                out.longField("instrumentId", decoders.optionTrade.instrumentId());
                out.fixed8Field("quantity", decoders.optionTrade.quantity());
                out.fixed8Field("price", decoders.optionTrade.price());
            }
            case KillSwitchDecoder.TEMPLATE_ID ->
            {
                out.longField("engaged", decoders.killSwitch.engaged());
                out.stringField("origin", EnumNames.KILL_SWITCH_ORIGIN.name(decoders.killSwitch.originRaw()));
            }
            case TimerDecoder.TEMPLATE_ID -> out.longField("timerId", decoders.timer.timerId());
            case AccountSnapshotDecoder.TEMPLATE_ID ->
            {
                out.longField("underlyingId", decoders.accountSnapshot.underlyingId());
                out.stringField("settlement", EnumNames.SETTLEMENT.name(decoders.accountSnapshot.settlementRaw()));
                out.fixed8Field("equity", decoders.accountSnapshot.equity());
            }
            case ReconciliationDecoder.TEMPLATE_ID ->
            {
                return printReconciliation(frameEnd, out);
            }
            case NewOrderDecoder.TEMPLATE_ID -> printNewOrder(out);
            case HedgeDecisionDecoder.TEMPLATE_ID -> printHedgeDecision(out);
            default -> throw new IllegalArgumentException("no decoder for template id " + templateId);
        }
        return null;
    }

    private void printInstrumentDefinition(final LineWriter out)
    {
        final InstrumentDefinitionDecoder d = decoders.instrumentDefinition;
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
        out.optionalFixed8Field("makerFee", d.makerFee());
        out.optionalFixed8Field("takerFee", d.takerFee());
    }

    private void printQuote(final LineWriter out)
    {
        out.longField("instrumentId", decoders.quote.instrumentId());
        out.fixed8Field("bidPrice", decoders.quote.bidPrice());
        out.fixed8Field("bidSize", decoders.quote.bidSize());
        out.fixed8Field("askPrice", decoders.quote.askPrice());
        out.fixed8Field("askSize", decoders.quote.askSize());
    }

    private String printBookLevels(final int frameEnd, final LineWriter out)
    {
        final int groupOffset = decoders.bookLevels.limit();
        if (groupOffset + BookLevelsDecoder.LevelsDecoder.HEADER_SIZE > frameEnd)
        {
            return "levels group header overruns the frame";
        }
        final BookLevelsDecoder.LevelsDecoder levels = decoders.bookLevels.levels();
        if (levels.actingBlockLength() < BookLevelsDecoder.LevelsDecoder.sbeBlockLength() ||
            decoders.bookLevels.limit() + (long)levels.count() * levels.actingBlockLength() > frameEnd)
        {
            return "levels group of " + levels.count() + " entries of " + levels.actingBlockLength() +
                " bytes overruns the frame";
        }

        out.longField("instrumentId", decoders.bookLevels.instrumentId());
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
        out.longField("instrumentId", decoders.trade.instrumentId());
        out.fixed8Field("price", decoders.trade.price());
        out.fixed8Field("size", decoders.trade.size());
        out.stringField("aggressorSide", EnumNames.SIDE.name(decoders.trade.aggressorSideRaw()));
    }

    private void printOptionTicker(final LineWriter out)
    {
        out.longField("instrumentId", decoders.optionTicker.instrumentId());
        out.fixed8Field("markPrice", decoders.optionTicker.markPrice());
        out.fixed8Field("markIv", decoders.optionTicker.markIv());
        out.fixed8Field("bidIv", decoders.optionTicker.bidIv());
        out.fixed8Field("askIv", decoders.optionTicker.askIv());
        out.fixed8Field("underlyingPrice", decoders.optionTicker.underlyingPrice());
    }

    private void printExecutionReport(final LineWriter out)
    {
        final ExecutionReportDecoder d = decoders.executionReport;
        out.longField("orderId", d.orderId());
        out.longField("instrumentId", d.instrumentId());
        out.stringField("side", EnumNames.SIDE.name(d.sideRaw()));
        out.stringField("execType", EnumNames.EXEC_TYPE.name(d.execTypeRaw()));
        out.fixed8Field("lastQty", d.lastQty());
        out.fixed8Field("lastPrice", d.lastPrice());
        out.fixed8Field("leavesQty", d.leavesQty());
        out.fixed8Field("fee", d.fee());
    }

    private String printReconciliation(final int frameEnd, final LineWriter out)
    {
        final ReconciliationDecoder d = decoders.reconciliation;
        out.longField("requestId", d.requestId());
        out.longField("last", d.last());
        if (d.limit() + ReconciliationDecoder.OrdersDecoder.HEADER_SIZE > frameEnd)
        {
            return "orders group header overruns the frame";
        }
        final ReconciliationDecoder.OrdersDecoder orders = d.orders();
        String reason = entriesOverrun("orders", d.limit(), orders.count(), orders.actingBlockLength(),
            ReconciliationDecoder.OrdersDecoder.sbeBlockLength(), frameEnd);
        if (null != reason)
        {
            return reason;
        }
        out.beginGroup("orders");
        while (orders.hasNext())
        {
            orders.next();
            out.beginEntry();
            out.longField("orderId", orders.orderId());
            out.stringField("state", EnumNames.ORDER_STATE.name(orders.stateRaw()));
            out.fixed8Field("cumQty", orders.cumQty());
            out.fixed8Field("leavesQty", orders.leavesQty());
            out.fixed8Field("avgPrice", orders.avgPrice());
            out.endEntry();
        }
        out.endGroup();
        if (d.limit() + ReconciliationDecoder.PositionsDecoder.HEADER_SIZE > frameEnd)
        {
            return "positions group header overruns the frame";
        }
        final ReconciliationDecoder.PositionsDecoder positions = d.positions();
        reason = entriesOverrun("positions", d.limit(), positions.count(), positions.actingBlockLength(),
            ReconciliationDecoder.PositionsDecoder.sbeBlockLength(), frameEnd);
        if (null != reason)
        {
            return reason;
        }
        out.beginGroup("positions");
        while (positions.hasNext())
        {
            positions.next();
            out.beginEntry();
            out.longField("instrumentId", positions.instrumentId());
            out.fixed8Field("position", positions.position());
            out.endEntry();
        }
        out.endGroup();
        return null;
    }

    private static String entriesOverrun(
        final String group, final int entriesOffset, final int count, final int actingBlockLength,
        final int blockLength, final int frameEnd)
    {
        return actingBlockLength < blockLength || entriesOffset + (long)count * actingBlockLength > frameEnd ?
            group + " group of " + count + " entries of " + actingBlockLength + " bytes overruns the frame" : null;
    }

    private void printNewOrder(final LineWriter out)
    {
        out.longField("orderId", decoders.newOrder.orderId());
        out.longField("instrumentId", decoders.newOrder.instrumentId());
        out.stringField("side", EnumNames.SIDE.name(decoders.newOrder.sideRaw()));
        out.fixed8Field("quantity", decoders.newOrder.quantity());
        out.fixed8Field("limitPrice", decoders.newOrder.limitPrice());
        out.longField("triggerSequence", decoders.newOrder.triggerSequence());
    }

    private void printHedgeDecision(final LineWriter out)
    {
        final HedgeDecisionDecoder d = decoders.hedgeDecision;
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
        if (d.actingVersion() >= 2)
        {
            out.doubleField("triggerValue", d.triggerValue());
            out.doubleField("aimDelta", d.aimDelta());
            out.doubleField("hedgeRatio", d.hedgeRatio());
            out.doubleField("hedgeEffectiveness", d.hedgeEffectiveness());
            out.doubleField("expectedSlippageBps", d.expectedSlippageBps());
            out.doubleField("volatility", d.volatility());
            out.doubleField("deltaAdjustment", d.deltaAdjustment());
        }
    }
}
