package io.hedgeflow.gateway;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ProtocolFamily;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * A UDP address as given on the command line:
 * <pre>
 *   udp://HOST:PORT                                unicast (HOST a name or an IPv4/[IPv6] literal)
 *   udp://GROUP:PORT?interface=NAME_OR_ADDRESS     multicast group, joined (or sent to) on that interface
 * </pre>
 * Names are resolved once, when parsed. Port 0 (an ephemeral port) is only meaningful for a receiver.
 *
 * @param address          the unicast address or the multicast group, with its port.
 * @param networkInterface the multicast interface, null for unicast.
 */
public record UdpEndpoint(InetSocketAddress address, NetworkInterface networkInterface)
{
    /** URI scheme of a UDP endpoint. */
    public static final String SCHEME = "udp";
    private static final String INTERFACE_PARAM = "interface=";

    public UdpEndpoint
    {
        if (address.getAddress().isMulticastAddress() != (networkInterface != null))
        {
            throw new IllegalArgumentException("a multicast group needs an interface, a unicast address none: " +
                address);
        }
    }

    /**
     * Parses and resolves a {@code udp://} address.
     *
     * @throws IllegalArgumentException naming the address and what is wrong with it.
     */
    public static UdpEndpoint parse(final String text)
    {
        final URI uri;
        try
        {
            uri = new URI(text);
        }
        catch (final URISyntaxException ex)
        {
            throw invalid(text, "not a URI (" + ex.getReason() + ")");
        }
        if (!SCHEME.equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0 || uri.getPort() > 65_535 ||
            (uri.getRawPath() != null && !uri.getRawPath().isEmpty()))
        {
            throw invalid(text, "expected udp://HOST:PORT or udp://GROUP:PORT?interface=NAME_OR_ADDRESS");
        }
        final InetAddress host;
        try
        {
            host = InetAddress.getByName(uri.getHost());
        }
        catch (final UnknownHostException ex)
        {
            throw invalid(text, "unknown host " + uri.getHost());
        }
        final String query = uri.getQuery();
        if (query != null && !query.startsWith(INTERFACE_PARAM))
        {
            throw invalid(text, "unknown parameter '" + query + "' (only interface=NAME_OR_ADDRESS)");
        }
        if (!host.isMulticastAddress())
        {
            if (query != null)
            {
                throw invalid(text, "interface= applies to multicast groups only");
            }
            return new UdpEndpoint(new InetSocketAddress(host, uri.getPort()), null);
        }
        if (query == null)
        {
            throw invalid(text, "a multicast group needs ?interface=NAME_OR_ADDRESS");
        }
        return new UdpEndpoint(new InetSocketAddress(host, uri.getPort()),
            networkInterface(text, query.substring(INTERFACE_PARAM.length())));
    }

    /** True for a multicast group. */
    public boolean isMulticast()
    {
        return networkInterface != null;
    }

    /** The protocol family of the address, for opening a channel that can join its group. */
    ProtocolFamily protocolFamily()
    {
        return address.getAddress() instanceof Inet4Address ?
            StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    public String toString()
    {
        final InetAddress host = address.getAddress();
        final String literal = host instanceof Inet4Address ? host.getHostAddress() : "[" + host.getHostAddress() + "]";
        return SCHEME + "://" + literal + ":" + address.getPort() +
            (isMulticast() ? "?" + INTERFACE_PARAM + networkInterface.getName() : "");
    }

    /** The interface with that name, else the one with that address (a literal: no name lookup). */
    private static NetworkInterface networkInterface(final String text, final String nameOrAddress)
    {
        try
        {
            NetworkInterface found = NetworkInterface.getByName(nameOrAddress);
            if (found == null && isAddressLiteral(nameOrAddress))
            {
                found = NetworkInterface.getByInetAddress(InetAddress.ofLiteral(nameOrAddress));
            }
            if (found == null)
            {
                throw invalid(text, "no network interface '" + nameOrAddress + "'");
            }
            return found;
        }
        catch (final SocketException ex)
        {
            throw invalid(text, "cannot list network interfaces: " + ex.getMessage());
        }
    }

    private static boolean isAddressLiteral(final String value)
    {
        try
        {
            InetAddress.ofLiteral(value);
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    private static IllegalArgumentException invalid(final String text, final String why)
    {
        return new IllegalArgumentException("bad UDP address '" + text + "': " + why);
    }
}
