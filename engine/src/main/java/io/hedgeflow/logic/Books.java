package io.hedgeflow.logic;

import io.hedgeflow.snapshot.StateReader;
import io.hedgeflow.snapshot.StateWriter;
import io.hedgeflow.codecs.InstrumentDefinitionDecoder;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.framing.EnumLookup;
import io.hedgeflow.framing.Fixed8;
import io.hedgeflow.greeks.GreekVectors;
import org.agrona.collections.Int2IntHashMap;

import static io.hedgeflow.framing.Fixed8.toDouble;

/**
 * The per-underlying books in order of first definition, and the application of InstrumentDefinition messages:
 * {@link #check} validates one without changing anything, {@link #define} then adds it to the registry and to its
 * underlying's book (options to the Greek vectors, delta-one instruments to the delta sum; the first perpetual
 * of an underlying becomes its hedge instrument).
 */
final class Books implements AutoCloseable
{
    private static final EnumLookup<InstrumentKind> KINDS =
        new EnumLookup<>(InstrumentKind.values(), InstrumentKind::value);
    private static final EnumLookup<Settlement> SETTLEMENTS =
        new EnumLookup<>(Settlement.values(), Settlement::value);
    private static final EnumLookup<OptionType> OPTION_TYPES =
        new EnumLookup<>(OptionType.values(), OptionType::value);

    private final UnderlyingBook[] books;
    private final Int2IntHashMap indexById;
    private final int maxOptions;
    private final int maxDeltaOne;
    private final LogicContext ctx;
    private int count;

    Books(final LogicContext ctx)
    {
        books = new UnderlyingBook[ctx.maxUnderlyings()];
        indexById = new Int2IntHashMap(ctx.maxUnderlyings() * 2, 0.5f, Instruments.MISSING);
        maxOptions = ctx.maxOptionsPerUnderlying();
        maxDeltaOne = ctx.maxInstruments();
        this.ctx = ctx;
    }

    int count()
    {
        return count;
    }

    UnderlyingBook get(final int k)
    {
        return books[k];
    }

    /**
     * The book whose instruments hedge the given one: its own (also for a basis hedge), or with a cross hedge the
     * hedge underlying's;
     * null while that underlying is not defined.
     */
    UnderlyingBook hedgeBookOf(final UnderlyingBook book)
    {
        if (book.cross == null || book.policy.ratio().hedgeInstrument() == HedgeInstrument.FUTURE)
        {
            return book;
        }
        final int b = indexById.get(book.policy.ratio().hedgeUnderlying());
        return b == Instruments.MISSING ? null : books[b];
    }

    /** Dense index of an underlying id, or {@link Instruments#MISSING}. */
    int indexOf(final int underlyingId)
    {
        return indexById.get(underlyingId);
    }

    /** Null when the definition can be applied (or is a repeat, which {@link #define} ignores). */
    RejectReason check(final InstrumentDefinitionDecoder d, final Instruments ins)
    {
        if (ins.indexOf(d.instrumentId()) != Instruments.MISSING)
        {
            return null;
        }
        final InstrumentKind kind = KINDS.get(d.kindRaw());
        final boolean option = kind == InstrumentKind.OPTION;
        final OptionType type = OPTION_TYPES.get(d.optionTypeRaw());
        if (kind == InstrumentKind.NULL_VAL || SETTLEMENTS.get(d.settlementRaw()) == Settlement.NULL_VAL ||
            type == OptionType.NULL_VAL ||
            !(d.contractSize() > 0) || !(d.tickSize() > 0) || !(d.lotSize() > 0) || d.minSize() < 0 ||
            (option && (d.strike() <= 0 || d.expiryNs() <= 0L || type == OptionType.NONE)) ||
            !validFee(d.makerFee()) || !validFee(d.takerFee()))
        {
            return RejectReason.BAD_VALUE;
        }
        final int b = indexById.get(d.underlyingId());
        final boolean room = b == Instruments.MISSING ? count < books.length :
            option ? books[b].hasRoomForOption() : books[b].hasRoomForDeltaOne();
        return room && ins.count() < ins.capacity() ? null : RejectReason.CAPACITY;
    }

    /** A fee rate is absent (NULL, and in version 1 and 2 definitions) or a fraction of notional below 1 in size. */
    static boolean validFee(final long mantissa)
    {
        return mantissa == InstrumentDefinitionDecoder.makerFeeNullValue() || Math.abs(mantissa) < Fixed8.ONE;
    }

    /** A fee rate as a double, NaN when absent. */
    private static double fee(final long mantissa)
    {
        return mantissa == InstrumentDefinitionDecoder.makerFeeNullValue() ? Double.NaN : toDouble(mantissa);
    }

    /** Applies a definition that passed {@link #check}. */
    void define(final InstrumentDefinitionDecoder d, final Instruments ins)
    {
        if (ins.indexOf(d.instrumentId()) != Instruments.MISSING)
        {
            return;
        }
        int b = indexById.get(d.underlyingId());
        if (b == Instruments.MISSING)
        {
            b = count++;
            books[b] = new UnderlyingBook(d.underlyingId(), b, maxOptions, maxDeltaOne, ctx.policyOf(d.underlyingId()),
                ctx.rate(), ctx.carry(), ctx.greekKernel());
            indexById.put(d.underlyingId(), b);
        }
        final InstrumentKind kind = KINDS.get(d.kindRaw());
        final int i = ins.add(d.instrumentId(), b, kind, SETTLEMENTS.get(d.settlementRaw()),
            OPTION_TYPES.get(d.optionTypeRaw()), toDouble(d.contractSize()),
            toDouble(d.tickSize()), toDouble(d.lotSize()), toDouble(d.minSize()), toDouble(d.strike()), d.expiryNs());
        ins.makerFee[i] = fee(d.makerFee());
        ins.takerFee[i] = fee(d.takerFee());
        final UnderlyingBook book = books[b];
        if (kind == InstrumentKind.OPTION)
        {
            ins.greekSlot[i] = book.addOption(ins, i);
        }
        else
        {
            book.addDeltaOne(i);
            if (kind == InstrumentKind.PERPETUAL && book.hedgeInstrument == Instruments.MISSING)
            {
                book.hedgeInstrument = i;
            }
        }
    }

    void writeTo(final StateWriter out)
    {
        out.putInt(count);
        for (int b = 0; b < count; b++)
        {
            out.putInt(books[b].underlyingId);
            books[b].writeTo(out);
        }
    }

    /** Restores into an empty set of books; instruments must be restored first. */
    void readFrom(final StateReader in, final Instruments ins)
    {
        final int n = in.getInt();
        if (n < 0 || n > books.length)
        {
            throw new IllegalArgumentException("snapshot holds " + n + " underlyings, capacity is " + books.length);
        }
        for (int b = 0; b < n; b++)
        {
            final int underlyingId = in.getInt();
            books[b] = new UnderlyingBook(underlyingId, b, maxOptions, maxDeltaOne, ctx.policyOf(underlyingId),
                ctx.rate(), ctx.carry(), ctx.greekKernel());
            indexById.put(underlyingId, b);
            count = b + 1;
            books[b].readFrom(in, ins);
        }
    }

    /** Keeps every book's Greek columns warm without changing any ({@link GreekVectors#warm}); returns a checksum. */
    long warm()
    {
        long sum = 0;
        for (int b = 0; b < count; b++)
        {
            sum += books[b].vectors.warm();
        }
        return sum;
    }

    public void close()
    {
        for (int b = 0; b < count; b++)
        {
            books[b].close();
        }
    }
}
