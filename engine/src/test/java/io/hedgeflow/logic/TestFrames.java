package io.hedgeflow.logic;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.ExecutionReportEncoder;
import io.hedgeflow.codecs.IndexPriceEncoder;
import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionTickerEncoder;
import io.hedgeflow.codecs.OptionTradeEncoder;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.QuoteEncoder;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;
import io.hedgeflow.codecs.MessageHeaderDecoder;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.framing.FrameChecksum;
import io.hedgeflow.framing.MessageVersions;
import io.hedgeflow.framing.FrameEncoder;
import io.hedgeflow.framing.FrameHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

import java.nio.ByteOrder;

/** Builds single input frames by hand for logic tests; each call overwrites the buffer. */
public final class TestFrames
{
    public static final long T0 = 1_767_571_200_000_000_000L;
    public static final int MARKET = 1;
    public static final int EXECUTIONS = 2;
    public static final int CONTROL = 3;

    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[FrameHeader.MAX_FRAME_LENGTH]);
    private final FrameEncoder frame = new FrameEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final QuoteEncoder quote = new QuoteEncoder();
    private final io.hedgeflow.codecs.BookLevelsEncoder book = new io.hedgeflow.codecs.BookLevelsEncoder();
    private final IndexPriceEncoder index = new IndexPriceEncoder();
    private final io.hedgeflow.codecs.FundingRateEncoder funding = new io.hedgeflow.codecs.FundingRateEncoder();
    private final OptionTickerEncoder ticker = new OptionTickerEncoder();
    private final OptionTradeEncoder trade = new OptionTradeEncoder();
    private final ExecutionReportEncoder execution = new ExecutionReportEncoder();
    private final io.hedgeflow.codecs.HeartbeatEncoder heartbeat = new io.hedgeflow.codecs.HeartbeatEncoder();
    private final io.hedgeflow.codecs.ChannelResetEncoder reset = new io.hedgeflow.codecs.ChannelResetEncoder();
    private final io.hedgeflow.codecs.KillSwitchEncoder kill = new io.hedgeflow.codecs.KillSwitchEncoder();
    private final io.hedgeflow.codecs.AccountSnapshotEncoder account = new io.hedgeflow.codecs.AccountSnapshotEncoder();
    private final io.hedgeflow.codecs.PositionSnapshotEncoder position =
        new io.hedgeflow.codecs.PositionSnapshotEncoder();
    private final io.hedgeflow.codecs.ReconciliationEncoder reconciliation =
        new io.hedgeflow.codecs.ReconciliationEncoder();
    private final long[] sequence = new long[8];
    public long timeNs = T0;

    public int perpetual(final int id, final int underlying, final Settlement settlement, final double contractSize,
        final double tick)
    {
        return definition(id, underlying, InstrumentKind.PERPETUAL, settlement, OptionType.NONE, contractSize, tick, 0, 0);
    }

    /** A perpetual with its own lot (the minimum size is one lot). */
    public int perpetual(final int id, final int underlying, final Settlement settlement, final double contractSize,
        final double tick, final double lot)
    {
        final int length = perpetual(id, underlying, settlement, contractSize, tick);
        definition.lotSize(Fixed8.fromDouble(lot)).minSize(Fixed8.fromDouble(lot));
        return length;
    }

    /**
     * Sets the fee rates of the definition just built (fractions of notional; NaN: absent, NULL on the wire).
     *
     * @return the frame length.
     */
    public int fees(final double maker, final double taker)
    {
        definition.makerFee(Double.isNaN(maker) ? InstrumentDefinitionEncoder.makerFeeNullValue() :
            Fixed8.fromDouble(maker)).takerFee(Double.isNaN(taker) ? InstrumentDefinitionEncoder.takerFeeNullValue() :
            Fixed8.fromDouble(taker));
        return frame.end(definition);
    }

    /**
     * Re-labels the frame in the buffer as an older schema version, as its writer sent it: that version's header
     * and block length (the fields added since cut off), length and checksum.
     *
     * @return the frame length.
     */
    public int asVersion(final int version, final Class<? extends MessageDecoderFlyweight> decoder)
    {
        final int block = MessageVersions.blockLength(decoder, version);
        final int cut = buffer.getShort(FrameHeader.MESSAGE_OFFSET, ByteOrder.LITTLE_ENDIAN) - block;
        final int length = FrameHeader.frameLength(buffer, 0) - cut;
        buffer.putShort(FrameHeader.MESSAGE_OFFSET, (short)block, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(FrameHeader.MESSAGE_OFFSET + MessageHeaderDecoder.versionEncodingOffset(), (short)version,
            ByteOrder.LITTLE_ENDIAN);
        FrameHeader.frameLength(buffer, 0, length);
        new FrameChecksum().seal(buffer, 0, length);
        return length;
    }

    /** A delta-one instrument of any kind (spot, future with its expiry), lot and minimum size 1. */
    public int deltaOne(final int id, final int underlying, final InstrumentKind kind, final double contractSize,
        final double tick, final long expiryNs)
    {
        return definition(id, underlying, kind, Settlement.LINEAR, OptionType.NONE, contractSize, tick, 0, expiryNs);
    }

    public int option(final int id, final int underlying, final Settlement settlement, final OptionType type,
        final double strike, final long expiryNs)
    {
        return definition(id, underlying, InstrumentKind.OPTION, settlement, type, 1.0, 0.0001, strike, expiryNs);
    }

    private int definition(final int id, final int underlying, final InstrumentKind kind, final Settlement settlement,
        final OptionType type, final double contractSize, final double tick, final double strike, final long expiryNs)
    {
        begin(definition, MARKET);
        definition.instrumentId(id).underlyingId(underlying).kind(kind).settlement(settlement).optionType(type)
            .contractSize(Fixed8.fromDouble(contractSize)).tickSize(Fixed8.fromDouble(tick))
            .lotSize(Fixed8.ONE).minSize(Fixed8.ONE).strike(Fixed8.fromDouble(strike)).expiryNs(expiryNs)
            .symbol("TEST-" + id).makerFee(InstrumentDefinitionEncoder.makerFeeNullValue())
            .takerFee(InstrumentDefinitionEncoder.takerFeeNullValue());
        return frame.end(definition);
    }

    public int quote(final int id, final double bid, final double ask)
    {
        begin(quote, MARKET);
        quote.instrumentId(id).bidPrice(Fixed8.fromDouble(bid)).bidSize(Fixed8.fromDouble(1000))
            .askPrice(Fixed8.fromDouble(ask)).askSize(Fixed8.fromDouble(1000));
        return frame.end(quote);
    }

    /** A depth snapshot: levels as {price, size} pairs, best first. */
    public int book(final int id, final double[][] bids, final double[][] asks)
    {
        begin(book, MARKET);
        final io.hedgeflow.codecs.BookLevelsEncoder.LevelsEncoder levels =
            book.instrumentId(id).levelsCount(bids.length + asks.length);
        for (final double[] level : bids)
        {
            levels.next().side(Side.BUY).price(Fixed8.fromDouble(level[0])).size(Fixed8.fromDouble(level[1]));
        }
        for (final double[] level : asks)
        {
            levels.next().side(Side.SELL).price(Fixed8.fromDouble(level[0])).size(Fixed8.fromDouble(level[1]));
        }
        return frame.end(book);
    }

    public int index(final int underlying, final double price)
    {
        begin(index, MARKET);
        index.underlyingId(underlying).price(Fixed8.fromDouble(price));
        return frame.end(index);
    }

    /** A perpetual's funding rate per 8 hours (fraction). */
    public int funding(final int id, final double rate)
    {
        begin(funding, MARKET);
        funding.instrumentId(id).rate(Fixed8.fromDouble(rate));
        return frame.end(funding);
    }

    public int ticker(final int id, final double iv, final double underlyingPrice)
    {
        begin(ticker, MARKET);
        ticker.instrumentId(id).markPrice(0).markIv(Fixed8.fromDouble(iv)).bidIv(Fixed8.fromDouble(iv))
            .askIv(Fixed8.fromDouble(iv)).underlyingPrice(Fixed8.fromDouble(underlyingPrice));
        return frame.end(ticker);
    }

    public int optionTrade(final int id, final double quantity, final double price)
    {
        begin(trade, MARKET);
        trade.instrumentId(id).quantity(Fixed8.fromDouble(quantity)).price(Fixed8.fromDouble(price));
        return frame.end(trade);
    }

    public int execution(final long orderId, final int id, final Side side, final ExecType type, final double qty,
        final double price)
    {
        begin(execution, EXECUTIONS);
        execution.orderId(orderId).instrumentId(id).side(side).execType(type).lastQty(Fixed8.fromDouble(qty))
            .lastPrice(Fixed8.fromDouble(price)).leavesQty(0).fee(0);
        return frame.end(execution);
    }

    /** A fill of qty contracts at price with a fee in the settlement currency. */
    public int fill(final long orderId, final int id, final Side side, final double qty, final double price,
        final double fee)
    {
        execution(orderId, id, side, ExecType.FILL, qty, price);
        execution.fee(Fixed8.fromDouble(fee));
        return frame.end(execution);
    }

    /** An option ticker with a mark price in the settlement currency. */
    public int ticker(final int id, final double iv, final double underlyingPrice, final double mark)
    {
        ticker(id, iv, underlyingPrice);
        ticker.markPrice(Fixed8.fromDouble(mark));
        return frame.end(ticker);
    }

    /** The equity of a settlement currency (the coin of underlying when INVERSE, USDC when LINEAR). */
    public int accountSnapshot(final int underlying, final Settlement settlement, final double equity)
    {
        begin(account, CONTROL);
        account.underlyingId(underlying).settlement(settlement).equity(Fixed8.fromDouble(equity));
        return frame.end(account);
    }

    /** The account's position of an instrument, in contracts. */
    public int positionSnapshot(final int id, final double contracts)
    {
        begin(position, CONTROL);
        position.instrumentId(id).position(Fixed8.fromDouble(contracts));
        return frame.end(position);
    }

    /**
     * One Reconciliation frame on the executions channel: orders as {orderId, state value, cumQty, avgPrice}
     * (leaves 0), positions as {instrumentId, contracts}, the positions written only when last.
     */
    public int reconciliation(final boolean last, final double[][] orders, final double[][] positions)
    {
        begin(reconciliation, EXECUTIONS);
        reconciliation.requestId(1).last((short)(last ? 1 : 0));
        final io.hedgeflow.codecs.ReconciliationEncoder.OrdersEncoder entries =
            reconciliation.ordersCount(orders.length);
        for (final double[] o : orders)
        {
            entries.next().orderId((long)o[0]).state(io.hedgeflow.codecs.OrderState.get((short)o[1]))
                .cumQty(Fixed8.fromDouble(o[2])).leavesQty(0).avgPrice(Fixed8.fromDouble(o[3]));
        }
        final io.hedgeflow.codecs.ReconciliationEncoder.PositionsEncoder held =
            reconciliation.positionsCount(last ? positions.length : 0);
        for (int p = 0; last && p < positions.length; p++)
        {
            held.next().instrumentId((int)positions[p][0]).position(Fixed8.fromDouble(positions[p][1]));
        }
        return frame.end(reconciliation);
    }

    /** A KillSwitch from an operator on the control channel. */
    public int killSwitch(final boolean engaged)
    {
        begin(kill, CONTROL);
        kill.engaged((short)(engaged ? 1 : 0)).origin(io.hedgeflow.codecs.KillSwitchOrigin.OPERATOR);
        return frame.end(kill);
    }

    public int heartbeat()
    {
        begin(heartbeat, MARKET);
        heartbeat.reserved(0);
        return frame.end(heartbeat);
    }

    /** A ChannelReset on the market channel; the next market frame has sequence 1. */
    public int channelReset()
    {
        begin(reset, MARKET);
        reset.reserved(0);
        final int length = frame.end(reset);
        sequence[MARKET] = 0;
        return length;
    }

    /** Loses the next sequence number of a channel, as a dropped datagram would. */
    public void skip(final int channel)
    {
        sequence[channel]++;
    }

    /** Advances logic time without a frame. */
    public void advance(final long nanos)
    {
        timeNs += nanos;
    }

    private void begin(final org.agrona.sbe.MessageEncoderFlyweight message, final int channel)
    {
        timeNs += 1_000_000L;
        frame.begin(buffer, 0, message, channel, ++sequence[channel], timeNs);
    }
}
