package io.hedgeflow.backtest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicySpecTest
{
    @Test
    void shouldParseDurationsInWeeksDaysHoursAndFractions()
    {
        assertEquals(Durations.YEAR_NS / 52, Durations.parse("1w"));
        assertEquals(Durations.DAY_NS * 2, Durations.parse("2d"));
        assertEquals(Durations.HOUR_NS * 4, Durations.parse("4h"));
        assertEquals(Math.round(0.25 * Durations.WEEK_NS), Durations.parse("0.25w"));
        assertEquals(Durations.YEAR_NS / 2, Durations.parse("0.5y"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("1x"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("0w"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-1w"));
    }

    @Test
    void shouldSnapAnIntervalOntoAWholeNumberOfGridSteps()
    {
        final long quarter = Durations.parse("0.25w");
        assertEquals(4 * quarter, PolicySpec.parse("interval:1w").snapTo(quarter).intervalNs(),
            "four rounded quarter weeks make the week, so the policy fires on the grid");
        assertEquals(Durations.parse("1.1w"), PolicySpec.parse("interval:1.1w").snapTo(quarter).intervalNs(),
            "not near a whole number of steps: unchanged");
        assertEquals(Durations.DAY_NS, PolicySpec.defaultStepNs(List.of(PolicySpec.parse("interval:1w"),
            PolicySpec.parse("band:0.05"))), "bands are watched daily");
        assertEquals(Durations.WEEK_NS, PolicySpec.defaultStepNs(List.of(PolicySpec.parse("interval:1w"),
            PolicySpec.parse("interval:4w"))));
    }

    @Test
    void shouldRefuseUnknownPoliciesAndBadParameters()
    {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PolicySpec.parse("wobble")).getMessage()
            .startsWith("unknown policy 'wobble' (expected interval:DURATION, band:WIDTH, band-edge:WIDTH, gamma:"));
        assertThrows(IllegalArgumentException.class, () -> PolicySpec.parse("gamma:1"), "gamma needs a horizon");
        assertThrows(IllegalArgumentException.class, () -> PolicySpec.parse("band:-1"));
        assertThrows(IllegalArgumentException.class, () -> PolicySpec.parse("band:x"));
        assertThrows(IllegalArgumentException.class, () -> PolicySpec.parse("interval"));
    }
}
