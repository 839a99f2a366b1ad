package io.hedgeflow.gateway;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.NetworkInterface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdpEndpointTest
{
    @Test
    void shouldParseAUnicastAddress() throws Exception
    {
        final UdpEndpoint endpoint = UdpEndpoint.parse("udp://127.0.0.1:40123");
        assertEquals(InetAddress.getByName("127.0.0.1"), endpoint.address().getAddress());
        assertEquals(40123, endpoint.address().getPort());
        assertFalse(endpoint.isMulticast());
        assertNull(endpoint.networkInterface());
        assertEquals("udp://127.0.0.1:40123", endpoint.toString());
    }

    @Test
    void shouldParseAnIpv6Literal()
    {
        final UdpEndpoint endpoint = UdpEndpoint.parse("udp://[::1]:5000");
        assertTrue(endpoint.address().getAddress().isLoopbackAddress());
        assertEquals("udp://[0:0:0:0:0:0:0:1]:5000", endpoint.toString());
    }

    @Test
    void shouldParseAMulticastGroupWithAnInterfaceByNameOrAddress() throws Exception
    {
        final UdpEndpoint byName = UdpEndpoint.parse("udp://239.255.1.2:5001?interface=lo");
        assertTrue(byName.isMulticast());
        assertEquals(NetworkInterface.getByName("lo"), byName.networkInterface());
        assertEquals("udp://239.255.1.2:5001?interface=lo", byName.toString());

        final UdpEndpoint byAddress = UdpEndpoint.parse("udp://239.255.1.2:5001?interface=127.0.0.1");
        assertEquals(NetworkInterface.getByName("lo"), byAddress.networkInterface());
    }

    @Test
    void shouldRejectMalformedAddressesNamingThem()
    {
        assertRejected("tcp://127.0.0.1:1", "expected udp://HOST:PORT");
        assertRejected("udp://127.0.0.1", "expected udp://HOST:PORT");
        assertRejected("udp://127.0.0.1:1/path", "expected udp://HOST:PORT");
        assertRejected("udp://127.0.0.1:99999", "expected udp://HOST:PORT");
        assertRejected("udp://127.0.0.1 :1", "not a URI");
        assertRejected("udp://127.0.0.1:1?ttl=3", "unknown parameter 'ttl=3'");
        assertRejected("udp://127.0.0.1:1?interface=lo", "multicast groups only");
        assertRejected("udp://239.255.1.2:5001", "needs ?interface=");
        assertRejected("udp://239.255.1.2:5001?interface=no-such-nic0", "no network interface 'no-such-nic0'");
    }

    private static void assertRejected(final String address, final String mentions)
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> UdpEndpoint.parse(address));
        assertTrue(ex.getMessage().contains(address), ex.getMessage());
        assertTrue(ex.getMessage().contains(mentions), ex.getMessage());
    }
}
