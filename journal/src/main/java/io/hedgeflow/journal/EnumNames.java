package io.hedgeflow.journal;

import io.hedgeflow.codecs.DecisionReason;
import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.HedgePolicy;
import io.hedgeflow.codecs.InstrumentKind;
import io.hedgeflow.codecs.KillSwitchOrigin;
import io.hedgeflow.codecs.OptionType;
import io.hedgeflow.codecs.OrderState;
import io.hedgeflow.codecs.RiskVerdict;
import io.hedgeflow.codecs.Settlement;
import io.hedgeflow.codecs.Side;

import java.util.function.ToIntFunction;

/**
 * Names of the schema's uint8 enums by raw value, so printing never throws on a value the schema does not define
 * (the generated {@code get(short)} does); such a value prints as {@code UNKNOWN(raw)}.
 */
final class EnumNames
{
    static final EnumNames INSTRUMENT_KIND = of(InstrumentKind.values(), InstrumentKind::value);
    static final EnumNames SETTLEMENT = of(Settlement.values(), Settlement::value);
    static final EnumNames OPTION_TYPE = of(OptionType.values(), OptionType::value);
    static final EnumNames SIDE = of(Side.values(), Side::value);
    static final EnumNames EXEC_TYPE = of(ExecType.values(), ExecType::value);
    static final EnumNames HEDGE_POLICY = of(HedgePolicy.values(), HedgePolicy::value);
    static final EnumNames DECISION_REASON = of(DecisionReason.values(), DecisionReason::value);
    static final EnumNames RISK_VERDICT = of(RiskVerdict.values(), RiskVerdict::value);
    static final EnumNames KILL_SWITCH_ORIGIN = of(KillSwitchOrigin.values(), KillSwitchOrigin::value);
    static final EnumNames ORDER_STATE = of(OrderState.values(), OrderState::value);

    private static final int UINT8_VALUES = 256;

    private final String[] names = new String[UINT8_VALUES];

    private EnumNames()
    {
    }

    String name(final short raw)
    {
        final String name = raw >= 0 && raw < UINT8_VALUES ? names[raw] : null;
        return null != name ? name : "UNKNOWN(" + raw + ")";
    }

    private static <E extends Enum<E>> EnumNames of(final E[] values, final ToIntFunction<E> value)
    {
        final EnumNames enumNames = new EnumNames();
        for (final E constant : values)
        {
            enumNames.names[value.applyAsInt(constant)] = constant.name();
        }
        return enumNames;
    }
}
