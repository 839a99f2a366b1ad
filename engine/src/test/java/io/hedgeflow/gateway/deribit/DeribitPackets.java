package io.hedgeflow.gateway.deribit;

import io.hedgeflow.deribit.codecs.InstrumentKind;
import io.hedgeflow.deribit.codecs.InstrumentState;
import io.hedgeflow.deribit.codecs.InstrumentType;
import io.hedgeflow.deribit.codecs.InstrumentV2Encoder;
import io.hedgeflow.deribit.codecs.MessageHeaderEncoder;
import io.hedgeflow.deribit.codecs.OptionType;
import io.hedgeflow.deribit.codecs.Period;
import io.hedgeflow.deribit.codecs.PriceIndexEncoder;
import io.hedgeflow.deribit.codecs.SnapshotEndEncoder;
import io.hedgeflow.deribit.codecs.SnapshotStartEncoder;
import io.hedgeflow.deribit.codecs.TickerEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageEncoderFlyweight;

import java.nio.ByteOrder;

/**
 * Builds Deribit packets for tests with the generated Deribit encoders: the frame header, then messages appended
 * one after the other. A BTC perpetual (id 1) and a BTC call (id 2, strike 25,000, expiring 2023-06-23 08:00 UTC).
 */
final class DeribitPackets
{
    static final int PERPETUAL = 1;
    static final int CALL = 2;
    static final long EXPIRY_MS = 1_687_507_200_000L;
    static final long NOW_MS = 1_686_858_167_000L;

    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentV2Encoder instrument = new InstrumentV2Encoder();
    private final TickerEncoder ticker = new TickerEncoder();
    private final PriceIndexEncoder index = new PriceIndexEncoder();
    private final SnapshotStartEncoder start = new SnapshotStartEncoder();
    private final SnapshotEndEncoder end = new SnapshotEndEncoder();
    int length;

    /** Starts a packet. */
    DeribitPackets packet(final int channel, final long sequence)
    {
        buffer.setMemory(0, buffer.capacity(), (byte)0);
        buffer.putShort(2, (short)channel, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(4, (int)sequence, ByteOrder.LITTLE_ENDIAN);
        length = DeribitAdapter.FRAME_HEADER_LENGTH;
        return this;
    }

    private void begin(final MessageEncoderFlyweight message, final int groups, final int varFields)
    {
        header.wrap(buffer, length).blockLength(message.sbeBlockLength()).templateId(message.sbeTemplateId())
            .schemaId(message.sbeSchemaId()).version(message.sbeSchemaVersion()).numGroups(groups)
            .numVarDataFields(varFields);
        message.wrap(buffer, length + MessageHeaderEncoder.ENCODED_LENGTH);
    }

    private DeribitPackets end(final MessageEncoderFlyweight message)
    {
        length += MessageHeaderEncoder.ENCODED_LENGTH + message.encodedLength();
        buffer.putShort(0, (short)(length - DeribitAdapter.FRAME_HEADER_LENGTH), ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    DeribitPackets instrument(final int id)
    {
        final boolean option = id == CALL;
        begin(instrument, 1, 1);
        instrument.instrumentId(id).instrumentState(InstrumentState.open)
            .kind(option ? InstrumentKind.option : InstrumentKind.future).instrumentType(InstrumentType.reversed)
            .optionType(option ? OptionType.call : OptionType.not_applicable)
            .settlementPeriod(option ? Period.week : Period.perpetual).settlementPeriodCount(1)
            .baseCurrency("BTC").quoteCurrency(option ? "BTC" : "USD").counterCurrency("USD")
            .settlementCurrency("BTC").sizeCurrency(option ? "BTC" : "USD").creationTimestampMs(0)
            .expirationTimestampMs(option ? EXPIRY_MS : 32_503_680_000_000L)
            .strikePrice(option ? 25_000.0 : Double.NaN).contractSize(option ? 1.0 : 10.0)
            .minTradeAmount(option ? 0.1 : 10.0).tickSize(option ? 0.0005 : 0.5).makerCommission(0.0003)
            .takerCommission(0.0003).blockTradeCommission(0.0003).maxLiquidationCommission(0.0).maxLeverage(50.0)
            .tickStepsListCount(0);
        instrument.instrumentName(option ? "BTC-23JUN23-25000-C" : "BTC-PERPETUAL");
        return end(instrument);
    }

    DeribitPackets ticker(final int id, final double mark, final double bid, final double ask)
    {
        begin(ticker, 0, 0);
        ticker.instrumentId(id).instrumentState(InstrumentState.open).timestampMs(NOW_MS).openInterest(1.0)
            .minSellPrice(0.0).maxBuyPrice(1e9).lastPrice(mark).indexPrice(25_000.0).markPrice(mark)
            .bestBidPrice(bid).bestBidAmount(100.0).bestAskPrice(ask).bestAskAmount(100.0)
            .currentFunding(Double.NaN).funding8h(Double.NaN).estimatedDeliveryPrice(25_000.0)
            .deliveryPrice(Double.NaN).settlementPrice(Double.NaN);
        return end(ticker);
    }

    DeribitPackets index(final String name, final double price)
    {
        begin(index, 0, 0);
        index.indexName(name).price(price).timestampMs(NOW_MS);
        return end(index);
    }

    DeribitPackets snapshotStart()
    {
        begin(start, 0, 0);
        start.snapshotDelay(0);
        return end(start);
    }

    DeribitPackets snapshotEnd()
    {
        begin(end, 0, 0);
        return end(end);
    }

    /** A message of a template id this schema does not know, with a block of n bytes. */
    DeribitPackets unknown(final int templateId, final int block)
    {
        header.wrap(buffer, length).blockLength(block).templateId(templateId).schemaId(1).version(3).numGroups(0)
            .numVarDataFields(0);
        length += MessageHeaderEncoder.ENCODED_LENGTH + block;
        buffer.putShort(0, (short)(length - DeribitAdapter.FRAME_HEADER_LENGTH), ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /** A copy of the packet so far. */
    UnsafeBuffer copy()
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return new UnsafeBuffer(bytes);
    }
}
