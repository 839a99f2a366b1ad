package io.hedgeflow.gateway.deribit;

import io.hedgeflow.codecs.InstrumentDefinitionEncoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.deribit.codecs.InstrumentDecoder;
import io.hedgeflow.deribit.codecs.InstrumentType;
import io.hedgeflow.deribit.codecs.InstrumentV2Decoder;
import io.hedgeflow.deribit.codecs.Period;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.logic.LogicContext;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Deribit instrument messages (template 1000, version 2, and 1010, version 3) into {@link DeribitInstruments} and
 * one engine InstrumentDefinition per new instrument: underlying from the base coin, kind (a future of settlement
 * period perpetual is a PERPETUAL), INVERSE when Deribit says "reversed", strike, expiry (0 for perpetuals and
 * spot), contract size, tick size, lot and minimum size = minimum trade amount / contract size (engine sizes are
 * contracts), symbol = the Deribit name (first 32 characters), maker and taker fee rates (Deribit's commissions;
 * absent, NULL, when not a number below 1 in size). Both templates are read through one {@link Layout} of field
 * offsets each (from the generated decoders), so one method reads either. Combos are registered, not defined to
 * the engine; nor is an instrument the logic would reject (invalid values, or beyond its capacities: counted). A
 * repeated definition (every snapshot cycle repeats them) changes nothing. Garbage-free for known instruments.
 */
final class InstrumentDefiner
{
    private static final int SYMBOL_LENGTH = InstrumentDefinitionEncoder.symbolLength();
    private static final int NS_PER_MS = 1_000_000;
    private static final short KIND_FUTURE = io.hedgeflow.deribit.codecs.InstrumentKind.future.value();
    private static final short KIND_OPTION = io.hedgeflow.deribit.codecs.InstrumentKind.option.value();
    private static final short KIND_SPOT = io.hedgeflow.deribit.codecs.InstrumentKind.spot.value();

    private final DeribitInstruments instruments;
    private final DeribitUnderlyings underlyings;
    private final FrameOutput output;
    private final LogicContext limits;
    private final FeedCounters counters;
    private final int[] optionsOf = new int[DeribitInstruments.MAX_UNDERLYING_ID];
    private int underlyingsDefined;
    private int instrumentsDefined;
    private final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder();
    private final byte[] name = new byte[256];
    private final byte[] coin = new byte[InstrumentDecoder.baseCurrencyLength()];
    private int coinLength;
    private int id;
    private short kindRaw;
    private short typeRaw;
    private short optionRaw;
    private short periodRaw;
    private long coinKey;
    private long expiryMs;
    private double strike;
    private double contractSize;
    private double minTrade;
    private double tick;
    private double maker;
    private double taker;
    private int nameLength;

    InstrumentDefiner(final DeribitInstruments instruments, final DeribitUnderlyings underlyings,
        final FrameOutput output, final LogicContext limits, final FeedCounters counters)
    {
        this.instruments = instruments;
        this.underlyings = underlyings;
        this.output = output;
        this.limits = limits;
        this.counters = counters;
    }

    void onInstrument(final int channel, final InstrumentDecoder d)
    {
        if (isNew(d.instrumentId()))
        {
            read(d.buffer(), d.offset(), Layout.V2);
            nameLength = d.getInstrumentName(name, 0, name.length);
            define(channel);
        }
    }

    void onInstrument(final int channel, final InstrumentV2Decoder d)
    {
        if (isNew(d.instrumentId()))
        {
            read(d.buffer(), d.offset(), Layout.V3);
            final InstrumentV2Decoder.TickStepsListDecoder steps = d.tickStepsList();
            while (steps.hasNext())
            {
                steps.next();
            }
            nameLength = d.getInstrumentName(name, 0, name.length);
            define(channel);
        }
    }

    private boolean isNew(final long instrumentId)
    {
        id = (int)instrumentId;
        return instruments.slotOf(id) == DeribitInstruments.MISSING && !instruments.isFull();
    }

    /** The fields of the block at offset, in either instrument template's layout. */
    private void read(final DirectBuffer buffer, final int offset, final Layout at)
    {
        kindRaw = (short)(buffer.getByte(offset + at.kind) & 0xFF);
        typeRaw = (short)(buffer.getByte(offset + at.type) & 0xFF);
        optionRaw = (short)(buffer.getByte(offset + at.option) & 0xFF);
        periodRaw = (short)(buffer.getByte(offset + at.period) & 0xFF);
        coinKey = 0;
        coinLength = 0;
        for (byte c; coinLength < coin.length && (c = buffer.getByte(offset + at.baseCurrency + coinLength)) != 0; )
        {
            coin[coinLength++] = c;
            coinKey = DeribitUnderlyings.append(coinKey, c);
        }
        expiryMs = buffer.getLong(offset + at.expiry, ByteOrder.LITTLE_ENDIAN);
        strike = buffer.getDouble(offset + at.strike, ByteOrder.LITTLE_ENDIAN);
        contractSize = buffer.getDouble(offset + at.contractSize, ByteOrder.LITTLE_ENDIAN);
        minTrade = buffer.getDouble(offset + at.minTrade, ByteOrder.LITTLE_ENDIAN);
        tick = buffer.getDouble(offset + at.tick, ByteOrder.LITTLE_ENDIAN);
        maker = buffer.getDouble(offset + at.maker, ByteOrder.LITTLE_ENDIAN);
        taker = buffer.getDouble(offset + at.taker, ByteOrder.LITTLE_ENDIAN);
    }

    /** A new instrument (allocates its name and its coin's name). */
    private void define(final int channel)
    {
        final int underlyingId =
            underlyings.idOrAssign(coinKey, new String(coin, 0, coinLength, StandardCharsets.US_ASCII).trim());
        final int slot = instruments.add(id, new String(name, 0, nameLength, StandardCharsets.US_ASCII));
        final boolean option = kindRaw == KIND_OPTION;
        final boolean combo = kindRaw != KIND_FUTURE && !option && kindRaw != KIND_SPOT;
        final InstrumentKind kind = option ? InstrumentKind.OPTION : kindRaw == KIND_SPOT ? InstrumentKind.SPOT :
            periodRaw == Period.perpetual.value() ? InstrumentKind.PERPETUAL : InstrumentKind.FUTURE;
        final boolean dated = kind == InstrumentKind.OPTION || kind == InstrumentKind.FUTURE;
        instruments.underlyingId[slot] = underlyingId;
        instruments.kind[slot] = kind;
        instruments.combo[slot] = combo;
        instruments.inverse[slot] = typeRaw == InstrumentType.reversed.value();
        instruments.call[slot] = optionRaw == io.hedgeflow.deribit.codecs.OptionType.call.value();
        instruments.strike[slot] = option ? strike : Double.NaN;
        instruments.expiryNs[slot] = dated ? expiryMs * NS_PER_MS : 0L;
        instruments.contractSize[slot] = contractSize;
        instruments.tickSize[slot] = tick;
        instruments.minTradeAmount[slot] = minTrade;
        instruments.makerFee[slot] = maker;
        instruments.takerFee[slot] = taker;
        instruments.channel[slot] = channel;
        if (kind != InstrumentKind.OPTION && !combo)
        {
            instruments.books[slot] = new DepthBook();
        }
        if (combo)
        {
            return;
        }
        if (!acceptable(slot) || !withinLimits(underlyingId, kind == InstrumentKind.OPTION))
        {
            counters.instrumentsNotNormalized++;
            return;
        }
        encode(slot, kind);
        instruments.normalized[slot] = true;
        instrumentsDefined++;
        optionsOf[underlyingId] += kind == InstrumentKind.OPTION ? 1 : 0;
        if (!instruments.underlyingDefined[underlyingId])
        {
            instruments.underlyingDefined[underlyingId] = true;
            underlyingsDefined++;
        }
    }

    /** Room in the logic's books (its capacities from the engine configuration). */
    private boolean withinLimits(final int underlyingId, final boolean option)
    {
        return instrumentsDefined < limits.maxInstruments() &&
            (instruments.underlyingDefined[underlyingId] || underlyingsDefined < limits.maxUnderlyings()) &&
            (!option || optionsOf[underlyingId] < limits.maxOptionsPerUnderlying());
    }

    /** What the logic's definition check accepts (a rejected definition would leave a hole in the channel). */
    private boolean acceptable(final int slot)
    {
        final long lot = Fixed8.fromDouble(minTrade / contractSize);
        final boolean option = instruments.kind[slot] == InstrumentKind.OPTION;
        final boolean dated = option || instruments.kind[slot] == InstrumentKind.FUTURE;
        return Fixed8.fromDouble(contractSize) > 0 && Fixed8.fromDouble(tick) > 0 && lot > 0 &&
            instruments.underlyingId[slot] < DeribitInstruments.MAX_UNDERLYING_ID &&
            (!dated || (expiryMs > 0 && expiryMs <= Long.MAX_VALUE / NS_PER_MS)) &&
            (!option || (Fixed8.fromDouble(strike) > 0 &&
            (optionRaw == io.hedgeflow.deribit.codecs.OptionType.call.value() ||
            optionRaw == io.hedgeflow.deribit.codecs.OptionType.put.value())));
    }

    /** A Deribit fee rate as the definition's Fixed8, NULL (absent) when it is missing or not below 1 in size. */
    static long feeRate(final double rate)
    {
        return Math.abs(rate) < 1.0 ? Fixed8.fromDouble(rate) : InstrumentDefinitionEncoder.makerFeeNullValue();
    }

    private void encode(final int slot, final InstrumentKind kind)
    {
        final boolean option = kind == InstrumentKind.OPTION;
        final long lot = Fixed8.fromDouble(minTrade / contractSize);
        Arrays.fill(name, Math.min(nameLength, SYMBOL_LENGTH), SYMBOL_LENGTH, (byte)' ');
        encoder.wrap(output.buffer(), output.begin(InstrumentDefinitionEncoder.BLOCK_LENGTH,
            InstrumentDefinitionEncoder.TEMPLATE_ID, instruments.channel[slot]))
            .instrumentId(id)
            .underlyingId(instruments.underlyingId[slot])
            .kind(kind)
            .settlement(instruments.inverse[slot] ? Settlement.INVERSE : Settlement.LINEAR)
            .optionType(!option ? OptionType.NONE : instruments.call[slot] ? OptionType.CALL : OptionType.PUT)
            .contractSize(Fixed8.fromDouble(contractSize))
            .tickSize(Fixed8.fromDouble(tick))
            .lotSize(lot)
            .minSize(lot)
            .strike(option ? Fixed8.fromDouble(strike) : 0L)
            .expiryNs(instruments.expiryNs[slot])
            .putSymbol(name, 0)
            .makerFee(feeRate(maker))
            .takerFee(feeRate(taker));
        output.end(encoder.encodedLength());
    }

    /** Offsets in the block of the fields {@link #read} takes, per instrument template. */
    private record Layout(
        int kind, int type, int option, int period, int baseCurrency, int expiry, int strike, int contractSize,
        int minTrade, int tick, int maker, int taker)
    {
        static final Layout V2 = new Layout(InstrumentDecoder.kindEncodingOffset(),
            InstrumentDecoder.instrumentTypeEncodingOffset(), InstrumentDecoder.optionTypeEncodingOffset(),
            InstrumentDecoder.settlementPeriodEncodingOffset(), InstrumentDecoder.baseCurrencyEncodingOffset(),
            InstrumentDecoder.expirationTimestampMsEncodingOffset(), InstrumentDecoder.strikePriceEncodingOffset(),
            InstrumentDecoder.contractSizeEncodingOffset(), InstrumentDecoder.minTradeAmountEncodingOffset(),
            InstrumentDecoder.tickSizeEncodingOffset(), InstrumentDecoder.makerCommissionEncodingOffset(),
            InstrumentDecoder.takerCommissionEncodingOffset());
        static final Layout V3 = new Layout(InstrumentV2Decoder.kindEncodingOffset(),
            InstrumentV2Decoder.instrumentTypeEncodingOffset(), InstrumentV2Decoder.optionTypeEncodingOffset(),
            InstrumentV2Decoder.settlementPeriodEncodingOffset(), InstrumentV2Decoder.baseCurrencyEncodingOffset(),
            InstrumentV2Decoder.expirationTimestampMsEncodingOffset(), InstrumentV2Decoder.strikePriceEncodingOffset(),
            InstrumentV2Decoder.contractSizeEncodingOffset(), InstrumentV2Decoder.minTradeAmountEncodingOffset(),
            InstrumentV2Decoder.tickSizeEncodingOffset(), InstrumentV2Decoder.makerCommissionEncodingOffset(),
            InstrumentV2Decoder.takerCommissionEncodingOffset());
    }
}
