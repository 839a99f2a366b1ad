package io.hedgeflow.gateway.deribit;

import io.hedgeflow.gateway.UdpEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeribitFeedUriTest
{
    @Test
    void shouldParseTheAAndBGroupsOnTheNamedInterface()
    {
        final UdpEndpoint[] groups = DeribitFrameSource.groups("deribit+udp://239.255.1.2:6100@lo,239.255.2.2:6101");
        assertEquals(2, groups.length);
        assertEquals("udp://239.255.1.2:6100?interface=lo", groups[0].toString());
        assertEquals("udp://239.255.2.2:6101?interface=lo", groups[1].toString());
        assertEquals(1, DeribitFrameSource.groups("deribit+udp://239.255.1.2:6100@127.0.0.1").length);
    }

    @Test
    void shouldRejectAFeedWithoutInterfaceOrNotMulticast()
    {
        final IllegalArgumentException noInterface = assertThrows(IllegalArgumentException.class,
            () -> DeribitFrameSource.groups("deribit+udp://239.255.1.2:6100"));
        assertTrue(noInterface.getMessage().contains("GROUP:PORT@INTERFACE"), noInterface.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeribitFrameSource.groups("deribit+udp://10.0.0.1:6100@lo"));
        assertThrows(IllegalArgumentException.class,
            () -> DeribitFrameSource.groups("deribit+udp://239.255.1.2:6100@no-such-nic0"));
    }

    @Test
    void shouldRecognizeDeribitFeeds()
    {
        assertTrue(DeribitFrameSource.isDeribitFeed("pcap:capture.pcapng"));
        assertTrue(DeribitFrameSource.isDeribitFeed("deribit+udp://239.255.1.2:6100@lo"));
        assertFalse(DeribitFrameSource.isDeribitFeed("udp://239.255.1.2:6100?interface=lo"));
        assertFalse(DeribitFrameSource.isDeribitFeed("file:capture.hfc"));
    }
}
