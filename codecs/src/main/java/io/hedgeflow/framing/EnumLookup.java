package io.hedgeflow.framing;

import java.util.function.ToIntFunction;

/**
 * Total decoding of a uint8 SBE enum from its raw value: the generated {@code get(short)} throws on a value the
 * schema does not define, which a hostile or newer sender can put on the wire; this returns the enum's NULL_VAL
 * instead, for the reader to reject. A table lookup: garbage-free.
 * <pre>
 *   static final EnumLookup&lt;ExecType&gt; EXEC_TYPES = new EnumLookup&lt;&gt;(ExecType.values(), ExecType::value);
 *   ExecType type = EXEC_TYPES.get(decoder.execTypeRaw());   // NULL_VAL for 7
 * </pre>
 *
 * @param <E> a generated SBE enum with a NULL_VAL constant.
 */
public final class EnumLookup<E extends Enum<E>>
{
    private static final int UINT8_VALUES = 256;

    private final Object[] byValue = new Object[UINT8_VALUES];
    private final E nullValue;

    /**
     * @param values the enum's values(), NULL_VAL included.
     * @param value  the enum's value() accessor.
     */
    public EnumLookup(final E[] values, final ToIntFunction<E> value)
    {
        E nullConstant = null;
        for (final E constant : values)
        {
            byValue[value.applyAsInt(constant)] = constant;
            nullConstant = constant.name().equals("NULL_VAL") ? constant : nullConstant;
        }
        if (nullConstant == null)
        {
            throw new IllegalArgumentException("not a generated SBE enum: no NULL_VAL");
        }
        nullValue = nullConstant;
    }

    /** The constant of a raw value, NULL_VAL for one the schema does not define. */
    @SuppressWarnings("unchecked")
    public E get(final short raw)
    {
        final Object constant = raw >= 0 && raw < UINT8_VALUES ? byValue[raw] : null;
        return constant != null ? (E)constant : nullValue;
    }
}
