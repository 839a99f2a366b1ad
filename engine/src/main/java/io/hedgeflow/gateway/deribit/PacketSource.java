package io.hedgeflow.gateway.deribit;

/** Where Deribit packets come from: a capture file or multicast sockets. Polled by one thread. */
interface PacketSource extends AutoCloseable
{
    /** The next packet (valid until the next call), or null when none is ready or the source has ended. */
    UdpPacket next();

    /** True once the source has no more packets. */
    boolean ended();

    /** Packets the source skipped as unreadable (not UDP over IPv4 over Ethernet). */
    long skipped();

    /** Capture files cut short. */
    long truncated();

    @Override
    void close();
}
