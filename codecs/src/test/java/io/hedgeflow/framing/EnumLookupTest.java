package io.hedgeflow.framing;

import io.hedgeflow.codecs.ExecType;
import io.hedgeflow.codecs.KillSwitchOrigin;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnumLookupTest
{
    @Test
    void shouldMapEveryDefinedValueAndEveryOtherToNull()
    {
        final EnumLookup<ExecType> types = new EnumLookup<>(ExecType.values(), ExecType::value);
        for (final ExecType type : ExecType.values())
        {
            assertEquals(type, types.get(type.value()));
        }
        assertEquals(ExecType.NULL_VAL, types.get((short)7));
        assertEquals(ExecType.NULL_VAL, types.get((short)-1));
        assertEquals(ExecType.NULL_VAL, types.get((short)300));
        assertThrows(IllegalArgumentException.class, () -> ExecType.get((short)7), "what it protects against");
        assertEquals(KillSwitchOrigin.NULL_VAL,
            new EnumLookup<>(KillSwitchOrigin.values(), KillSwitchOrigin::value).get((short)3));
    }
}
