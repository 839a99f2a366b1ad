package io.hedgeflow.gateway.deribit;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * One UDP datagram: its payload (a view into the capture or the receive buffer), the time it was captured (ns since
 * the epoch; 0 when unknown) and its destination port. Reused for every packet.
 */
public final class UdpPacket
{
    private static final int ETHERNET_HEADER_LENGTH = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int IP_PROTOCOL_UDP = 17;
    private static final int UDP_HEADER_LENGTH = 8;

    private final UnsafeBuffer payload = new UnsafeBuffer(0, 0);
    private long timeNs;
    private int destinationPort;

    /** Wraps the UDP payload of an Ethernet frame; false when it is not an unfragmented IPv4 UDP datagram. */
    boolean wrapEthernet(final DirectBuffer frame, final int offset, final int length, final long timeNs)
    {
        final int end = offset + length;
        int at = offset + 12;
        if (length < ETHERNET_HEADER_LENGTH)
        {
            return false;
        }
        int etherType = frame.getShort(at, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        while ((etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ) && at + 6 <= end)
        {
            at += 4;
            etherType = frame.getShort(at, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        }
        final int ip = at + 2;
        if (etherType != ETHERTYPE_IPV4 || ip + 20 > end)
        {
            return false;
        }
        final int versionIhl = frame.getByte(ip) & 0xFF;
        final int ipHeaderLength = (versionIhl & 0x0F) * 4;
        final int totalLength = frame.getShort(ip + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        final int fragment = frame.getShort(ip + 6, ByteOrder.BIG_ENDIAN) & 0x3FFF;
        final int udp = ip + ipHeaderLength;
        if (versionIhl >> 4 != 4 || ipHeaderLength < 20 || fragment != 0 ||
            (frame.getByte(ip + 9) & 0xFF) != IP_PROTOCOL_UDP || totalLength < ipHeaderLength + UDP_HEADER_LENGTH ||
            ip + totalLength > end)
        {
            return false;
        }
        final int udpLength = frame.getShort(udp + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        if (udpLength < UDP_HEADER_LENGTH || udp + udpLength > ip + totalLength)
        {
            return false;
        }
        payload.wrap(frame, udp + UDP_HEADER_LENGTH, udpLength - UDP_HEADER_LENGTH);
        destinationPort = frame.getShort(udp + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        this.timeNs = timeNs;
        return true;
    }

    /** Wraps a datagram received from a socket. */
    void wrapDatagram(final DirectBuffer datagram, final int offset, final int length, final int port)
    {
        payload.wrap(datagram, offset, length);
        destinationPort = port;
        timeNs = 0;
    }

    /** The UDP payload, exactly its length. */
    public DirectBuffer payload()
    {
        return payload;
    }

    public int length()
    {
        return payload.capacity();
    }

    /** Capture time in ns since the epoch, 0 when not known (a live socket: the logic never reads a wall clock). */
    public long timeNs()
    {
        return timeNs;
    }

    public int destinationPort()
    {
        return destinationPort;
    }
}
