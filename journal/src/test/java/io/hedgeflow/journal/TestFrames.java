package io.hedgeflow.journal;

import io.hedgeflow.codecs.BookLevelsEncoder;
import io.hedgeflow.codecs.ChannelResetEncoder;
import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportEncoder;
import io.hedgeflow.codecs.FundingRateEncoder;
import io.hedgeflow.codecs.HeartbeatEncoder;
import io.hedgeflow.codecs.HedgeDecisionEncoder;
import io.hedgeflow.codecs.HedgePolicy;
import io.hedgeflow.codecs.IndexPriceEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.KillSwitchEncoder;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.codecs.NewOrderEncoder;
import io.hedgeflow.codecs.OptionTickerEncoder;
import io.hedgeflow.codecs.OptionTradeEncoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.OrderState;
import io.hedgeflow.codecs.PositionSnapshotEncoder;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.codecs.ReconciliationEncoder;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.codecs.TimerEncoder;
import io.hedgeflow.codecs.TradeEncoder;
import io.hedgeflow.framing.FrameEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

import static io.hedgeflow.framing.Fixed8.fromDouble;

/**
 * Encodes one sample frame of every message type of the schema, on channel 1 with channel sequence 7 at
 * {@link #TIME_NS}; the values are the ones FramePrinterTest expects to see printed.
 */
final class TestFrames
{
    static final int CHANNEL = 1;
    static final long CHANNEL_SEQUENCE = 7;
    /** 2026-01-01T00:00:00.000000100Z. */
    static final long TIME_NS = 1_767_225_600_000_000_100L;
    static final int[] TEMPLATE_IDS = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 20, 21 };

    private final FrameEncoder frame = new FrameEncoder();

    /** Encodes the sample of a template at offset; returns the frame length. */
    int encode(final int templateId, final MutableDirectBuffer buffer, final int offset)
    {
        final MessageEncoderFlyweight message = switch (templateId)
        {
            case 1 -> definition(begin(new InstrumentDefinitionEncoder(), buffer, offset));
            case 2 -> begin(new QuoteEncoder(), buffer, offset).instrumentId(3)
                .bidPrice(fromDouble(100000.5)).bidSize(fromDouble(2)).askPrice(fromDouble(100001))
                .askSize(fromDouble(1.25));
            case 3 -> book(begin(new BookLevelsEncoder(), buffer, offset));
            case 4 -> begin(new TradeEncoder(), buffer, offset).instrumentId(3).price(fromDouble(100000.75))
                .size(fromDouble(0.5)).aggressorSide(Side.SELL);
            case 5 -> begin(new OptionTickerEncoder(), buffer, offset).instrumentId(11)
                .markPrice(fromDouble(0.0415)).markIv(fromDouble(0.55)).bidIv(fromDouble(0.54))
                .askIv(fromDouble(0.56)).underlyingPrice(fromDouble(100250.25));
            case 6 -> begin(new IndexPriceEncoder(), buffer, offset).underlyingId(1)
                .price(fromDouble(100123.45678901));
            case 7 -> begin(new FundingRateEncoder(), buffer, offset).instrumentId(3).rate(fromDouble(-0.0001));
            case 8 -> begin(new HeartbeatEncoder(), buffer, offset).reserved(0);
            case 9 -> begin(new ChannelResetEncoder(), buffer, offset).reserved(0);
            case 10 -> begin(new ExecutionReportEncoder(), buffer, offset).orderId(42).instrumentId(3).side(Side.BUY)
                .execType(ExecType.PARTIAL_FILL).lastQty(fromDouble(0.3)).lastPrice(fromDouble(100001))
                .leavesQty(fromDouble(0.2)).fee(-12);
            case 11 -> begin(new PositionSnapshotEncoder(), buffer, offset).instrumentId(3)
                .position(fromDouble(-1.5));
            case 12 -> begin(new OptionTradeEncoder(), buffer, offset).instrumentId(11)
                .quantity(fromDouble(-10)).price(fromDouble(0.04));
            case 13 -> begin(new KillSwitchEncoder(), buffer, offset).engaged((short)1)
                .origin(KillSwitchOrigin.OPERATOR);
            case 14 -> begin(new TimerEncoder(), buffer, offset).timerId(5);
            case 17 -> reconciliation(begin(new ReconciliationEncoder(), buffer, offset));
            case 20 -> begin(new NewOrderEncoder(), buffer, offset).orderId(42).instrumentId(3).side(Side.BUY)
                .quantity(fromDouble(0.5)).limitPrice(fromDouble(100010)).triggerSequence(12);
            case 21 -> decision(begin(new HedgeDecisionEncoder(), buffer, offset));
            default -> throw new IllegalArgumentException("no sample for template id " + templateId);
        };
        return frame.end(message);
    }

    /**
     * Encodes a Quote frame whose bytes are unique per instrument id (a record can be found in a queue file by them).
     *
     * @return the frame length.
     */
    int quote(final MutableDirectBuffer buffer, final int offset, final int instrumentId)
    {
        final QuoteEncoder quote = begin(new QuoteEncoder(), buffer, offset);
        quote.instrumentId(instrumentId).bidPrice(fromDouble(100_000 + instrumentId)).bidSize(fromDouble(1))
            .askPrice(fromDouble(100_001 + instrumentId)).askSize(fromDouble(2));
        return frame.end(quote);
    }

    private <E extends MessageEncoderFlyweight> E begin(
        final E encoder, final MutableDirectBuffer buffer, final int offset)
    {
        frame.begin(buffer, offset, encoder, CHANNEL, CHANNEL_SEQUENCE, TIME_NS);
        return encoder;
    }

    private static MessageEncoderFlyweight definition(final InstrumentDefinitionEncoder encoder)
    {
        return encoder.instrumentId(11).underlyingId(1).kind(InstrumentKind.OPTION).settlement(Settlement.INVERSE)
            .optionType(OptionType.CALL).contractSize(fromDouble(1)).tickSize(fromDouble(0.0005))
            .lotSize(fromDouble(0.1)).minSize(fromDouble(0.1)).strike(fromDouble(100000))
            .expiryNs(1_767_254_400_000_000_000L).symbol("BTC-1JAN26-100000-C").makerFee(fromDouble(-0.0001))
            .takerFee(fromDouble(0.0003));
    }

    private static MessageEncoderFlyweight book(final BookLevelsEncoder encoder)
    {
        encoder.instrumentId(3).levelsCount(2)
            .next().side(Side.BUY).price(fromDouble(100000.5)).size(fromDouble(2))
            .next().side(Side.SELL).price(fromDouble(100001)).size(fromDouble(1.25));
        return encoder;
    }

    private static MessageEncoderFlyweight reconciliation(final ReconciliationEncoder encoder)
    {
        encoder.requestId(2).last((short)1).ordersCount(2)
            .next().orderId(41).state(OrderState.WORKING).cumQty(fromDouble(0.5)).leavesQty(fromDouble(1.5))
            .avgPrice(fromDouble(100000.5))
            .next().orderId(42).state(OrderState.FILLED).cumQty(fromDouble(1)).leavesQty(0).avgPrice(fromDouble(99999));
        encoder.positionsCount(1).next().instrumentId(3).position(fromDouble(-1.5));
        return encoder;
    }

    private static MessageEncoderFlyweight decision(final HedgeDecisionEncoder encoder)
    {
        return encoder.decisionId(9).triggerSequence(12).triggerChannel(1).underlyingId(1).hedgeInstrumentId(3)
            .policy(HedgePolicy.DELTA_BAND).reason(DecisionReason.BAND_BREACH).verdict(RiskVerdict.ACCEPTED)
            .deltaBefore(0.75).deltaAfter(0.25).gamma(1e-5).vega(120.5).targetDelta(0).band(0.1)
            .underlyingPrice(fromDouble(100000)).orderQty(fromDouble(-0.5)).orderId(42)
            .triggerValue(0.75).aimDelta(0.1).hedgeRatio(1).hedgeEffectiveness(1).expectedSlippageBps(0.25)
            .volatility(0).deltaAdjustment(-0.01);
    }
}
