package io.hedgeflow.gateway.deribit;

/** The packet source of {@link DeribitFrameSource#forPushedPackets(LogicContext)}: none to pull, never ends. */
final class PushedPackets implements PacketSource
{
    public UdpPacket next()
    {
        return null;
    }

    public boolean ended()
    {
        return false;
    }

    public long skipped()
    {
        return 0;
    }

    public long truncated()
    {
        return 0;
    }

    public void close()
    {
    }
}
