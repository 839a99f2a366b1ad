package io.hedgeflow.gateway.deribit;

/** The packets of a capture file ({@link PcapReader}). */
final class PcapPacketSource implements PacketSource
{
    private final PcapReader reader;
    private boolean ended;

    PcapPacketSource(final PcapReader reader)
    {
        this.reader = reader;
    }

    public UdpPacket next()
    {
        final UdpPacket packet = ended ? null : reader.next();
        ended = packet == null;
        return packet;
    }

    public boolean ended()
    {
        return ended;
    }

    public long skipped()
    {
        return reader.skipped();
    }

    public long truncated()
    {
        return reader.truncated();
    }

    public void close()
    {
        reader.close();
    }
}
