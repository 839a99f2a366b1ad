package io.hedgeflow.journal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Chronicle sends usage data to an analytics host unless told not to: an engine next to an exchange gateway never
 * phones home, so every JVM that loads Chronicle, this test JVM included, runs with the property set.
 */
class ChronicleAnalyticsDisabledTest
{
    @Test
    void shouldRunWithChronicleAnalyticsDisabled()
    {
        assertEquals("true", System.getProperty("chronicle.analytics.disable"));
    }
}
